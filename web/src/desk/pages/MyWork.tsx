import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { complaintStates, formatNumber, referenceExample } from '../components/codes';
import { ComplaintTable } from '../components/ComplaintTable';
import { ReferralCountBoxes } from '../components/referrals/counts';
import type { ComplaintListResult, ComplaintSummary } from '../components/types';
import { ErrorAlert, PageHeading, useErrorMessage } from '../components/ui';
import { useSession } from '../session';

/** Open states: the work that is not finished. */
const openStates = 'received,in_progress,resolved';
/** How many of my complaints the page lists before linking to the full list. */
const countCap = 100;

interface Count {
  key: string;
  label: string;
  query: string;
  count: number;
}

interface CountsResult {
  organisation: { byState: Partial<Record<string, number>>; overdue: number; unassigned: number };
  mine: { byState: Partial<Record<string, number>>; overdue: number };
}

export function MyWork() {
  const { t, i18n } = useTranslation();
  const { organisation } = useSession();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [mine, setMine] = useState<{ items: ComplaintSummary[]; more: boolean } | null>(null);
  const [counts, setCounts] = useState<Count[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const [searchError, setSearchError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const base = `assignedTo=me&state=${openStates}&sort=first_action_due_at&limit=${countCap}`;
      const [overdue, all] = await Promise.all([
        api<ComplaintListResult>('GET', `/api/v1/complaints?${base}&overdue=true`),
        api<ComplaintListResult>('GET', `/api/v1/complaints?${base}`),
      ]);
      const overdueIds = new Set(overdue.items.map((item) => item.id));
      setMine({ items: [...overdue.items, ...all.items.filter((item) => !overdueIds.has(item.id))], more: all.nextCursor !== null });

      const figures = await api<CountsResult>('GET', '/api/v1/complaints/counts');
      setCounts([
        { key: 'overdue', label: t('myWork.countOverdue'), query: `overdue=true&state=${openStates}`, count: figures.organisation.overdue },
        { key: 'unassigned', label: t('myWork.countUnassigned'), query: `assignedTo=none&state=${openStates}`, count: figures.organisation.unassigned },
        ...complaintStates.map((state) => ({ key: state, label: t(`server:state.${state}`), query: `state=${state}`, count: figures.organisation.byState[state] ?? 0 })),
      ]);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [t, errorMessage]);

  useEffect(() => {
    void load();
  }, [load]);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setSearchError(null);
    const q = reference.trim();
    if (!q) return;
    try {
      const result = await api<ComplaintListResult>('GET', `/api/v1/complaints?q=${encodeURIComponent(q)}&limit=2`);
      if (result.items.length === 1) navigate(`/desk/complaints/${result.items[0].id}`);
      else navigate(`/desk/complaints?q=${encodeURIComponent(q)}`);
    } catch (caught) {
      setSearchError(errorMessage(caught));
    }
  };

  return (
    <>
      <PageHeading title={t('myWork.title')} />
      <div className="toolbar">
        <form onSubmit={(event) => void find(event)} className="field" role="search" aria-label={t('myWork.findLabel')}>
          <label htmlFor="find-reference">{t('myWork.findLabel')}</label>
          <div className="inline-controls search">
            <input
              id="find-reference"
              type="search"
              value={reference}
              autoComplete="off"
              spellCheck={false}
              placeholder={t('myWork.findPlaceholder', { example: referenceExample(organisation?.country) })}
              onChange={(event) => setReference(event.target.value)}
            />
            <button type="submit" className="secondary">{t('myWork.find')}</button>
          </div>
        </form>
        <div className="actions">
          <Link className="button" to="/desk/complaints/new">{t('nav.newComplaint')}</Link>
        </div>
      </div>
      <ErrorAlert message={searchError} />
      <ErrorAlert message={error} />

      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t('myWork.assignedToMe')}</h2>
        {mine === null && !error && <p role="status">{t('common.loading')}</p>}
        {mine && mine.items.length === 0 && <p>{t('myWork.nothingAssigned')}</p>}
        {mine && mine.items.length > 0 && (
          <>
            <p className="hint">{t('myWork.assignedHint')}</p>
            <ComplaintTable items={mine.items} caption={t('myWork.assignedToMe')} />
            {mine.more && (
              <p>
                {t('myWork.moreAssigned', { count: countCap })}{' '}
                <Link to={`/desk/complaints?assignedTo=me&state=${openStates}&sort=first_action_due_at`}>{t('myWork.seeAllMine')}</Link>
              </p>
            )}
          </>
        )}
      </section>

      <ReferralCountBoxes />

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('myWork.organisationCounts', { organisation: organisation?.name ?? '' })}</h2>
        {counts && (
          <ul className="counts" role="list" style={{ listStyle: 'none', padding: 0 }}>
            {counts.map((count) => (
              <li key={count.key}>
                <Link to={`/desk/complaints?${count.query}`} className="card">
                  <span className="big-number">{formatNumber(count.count, i18n.language)}</span>
                  <span className="hint">{count.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

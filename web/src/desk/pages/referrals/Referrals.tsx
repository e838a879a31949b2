// Incoming and outgoing referrals of the organisation, with counts, a state filter and the overdue ones.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatNumber } from '../../components/codes';
import { canSeeReferrals, useReferralCounts } from '../../components/referrals/counts';
import { ReferralTable } from '../../components/referrals/ReferralTable';
import { referralStates, type ReferralSummary } from '../../components/referrals/types';
import { ErrorAlert, Field, PageHeading, useErrorMessage } from '../../components/ui';
import { useSession } from '../../session';

const directions = ['incoming', 'outgoing'] as const;

export function Referrals() {
  const { t, i18n } = useTranslation('referrals');
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const direction = params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const state = (referralStates as readonly string[]).includes(params.get('state') ?? '') ? params.get('state')! : '';
  const overdue = params.get('overdue') === 'true';
  const counts = useReferralCounts();
  const [items, setItems] = useState<ReferralSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const allowed = canSeeReferrals(user.role);

  useEffect(() => {
    if (!allowed) return;
    let current = true;
    setItems(null);
    setError(null);
    const query = new URLSearchParams({ direction, limit: '200' });
    if (state) query.set('state', state);
    if (overdue) query.set('overdue', 'true');
    api<{ items: ReferralSummary[] }>('GET', `/api/v1/referrals?${query}`).then(
      (result) => current && setItems(result.items),
      (caught) => {
        if (!current) return;
        setItems([]);
        setError(errorMessage(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [allowed, direction, state, overdue, errorMessage]);

  const change = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };

  const tabLabel = (d: (typeof directions)[number]) => {
    const c = counts?.[d];
    if (!c) return t(`tabs.${d}`);
    return t('tabs.withCounts', { label: t(`tabs.${d}`), pending: formatNumber(c.pending, i18n.language), overdue: formatNumber(c.overdue, i18n.language) });
  };

  if (!allowed) {
    return (
      <>
        <PageHeading title={t('title')} />
        <p className="alert" role="alert">{t('notAllowed')}</p>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('title')} />
      <p className="hint">{t('intro')}</p>
      <nav aria-label={t('tabs.label')}>
        <ul className="tabs">
          {directions.map((d) => (
            <li key={d}>
              <Link to={`/desk/referrals?direction=${d}`} aria-current={d === direction ? 'page' : undefined} data-testid={`tab-${d}`}>
                {tabLabel(d)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className="card fields" role="search" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
        <Field id="referral-state" label={t('filters.state')} render={(p) => (
          <select {...p} value={state} onChange={(e) => change({ state: e.target.value || undefined, overdue: undefined })}>
            <option value="">{t('filters.anyState')}</option>
            {referralStates.map((s) => <option key={s} value={s}>{t(`state.${s}`)}</option>)}
          </select>
        )} />
        <div className="field">
          <label className="checkbox" htmlFor="referral-overdue">
            <input id="referral-overdue" type="checkbox" checked={overdue} onChange={(e) => change({ overdue: e.target.checked ? 'true' : undefined, state: undefined })} />
            <span>
              {t('filters.overdueOnly')}
              <span className="hint">{t('filters.overdueHint')}</span>
            </span>
          </label>
        </div>
      </form>
      <ErrorAlert message={error} />
      <section aria-labelledby="referral-results-heading">
        <h2 id="referral-results-heading">
          {items === null ? t(`tabs.${direction}`) : t('results', { count: items.length, n: formatNumber(items.length, i18n.language), label: t(`tabs.${direction}`) })}
        </h2>
        {items === null && <p role="status">{t('desk:common.loading')}</p>}
        {items && items.length === 0 && !error && <p>{t(direction === 'incoming' ? 'noneIncoming' : 'noneOutgoing')}</p>}
        {items && items.length > 0 && <ReferralTable items={items} caption={t(`tabs.${direction}`)} />}
      </section>
    </>
  );
}

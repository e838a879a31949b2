import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatNumber } from '../../components/codes';
import { useCriteriaSets } from '../../components/agencies/AssessmentForm';
import { AgencyLinks, formatScore, PeriodOptions, usePeriodLabel } from '../../components/agencies/helpers';
import type { RankingRow } from '../../components/agencies/types';
import { ErrorAlert, Field, PageHeading, useErrorMessage } from '../../components/ui';

export function Ranking() {
  const { t, i18n } = useTranslation('agencies');
  const errorMessage = useErrorMessage();
  const periodLabel = usePeriodLabel();
  const { sets, error: setsError } = useCriteriaSets();
  const [params, setParams] = useSearchParams();
  const chosenSet = params.get('criteriaSetId') ?? '';
  const chosenPeriod = params.get('period') ?? '';
  const [setId, setSetId] = useState(chosenSet);
  const [period, setPeriod] = useState(chosenPeriod || String(new Date().getFullYear()));
  const [items, setItems] = useState<RankingRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  useEffect(() => {
    if (sets && sets.length > 0 && !setId) setSetId(sets[0].id);
  }, [sets, setId]);

  useEffect(() => {
    if (!chosenSet || !chosenPeriod) return;
    let current = true;
    setLoading(true);
    setError(null);
    api<{ items: RankingRow[] }>('GET', `/api/v1/assessments/ranking?${new URLSearchParams({ criteriaSetId: chosenSet, period: chosenPeriod })}`)
      .then((result) => {
        if (!current) return;
        setItems(result.items);
        if (focusResults.current) requestAnimationFrame(() => resultsRef.current?.focus());
        focusResults.current = false;
      })
      .catch((caught) => {
        if (!current) return;
        setItems(null);
        setError(errorMessage(caught));
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [chosenSet, chosenPeriod, errorMessage]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!setId || !period) return;
    focusResults.current = true;
    setParams(new URLSearchParams({ criteriaSetId: setId, period }));
  };

  const shownSet = sets?.find((s) => s.id === chosenSet);
  const count = items?.length ?? 0;
  return (
    <>
      <PageHeading title={t('ranking.title')} />
      <AgencyLinks />
      <ErrorAlert message={setsError} />
      <form className="card" onSubmit={submit} noValidate aria-label={t('ranking.formLabel')}>
        <div className="fields">
          <Field id="ranking-set" label={t('assess.criteriaSet')} render={(p) => (
            <select {...p} value={setId} onChange={(e) => setSetId(e.target.value)} disabled={!sets}>
              {(sets ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          )} />
          <Field id="ranking-period" label={t('assess.period')} render={(p) => (
            <select {...p} value={period} onChange={(e) => setPeriod(e.target.value)}>
              <PeriodOptions extra={chosenPeriod} />
            </select>
          )} />
        </div>
        <div className="actions">
          <button type="submit" disabled={!sets}>{t('ranking.submit')}</button>
        </div>
      </form>

      {chosenSet && chosenPeriod && (
        <section aria-labelledby="ranking-heading">
          <h2 id="ranking-heading" ref={resultsRef} tabIndex={-1}>
            {loading
              ? t('desk:common.loading')
              : t('ranking.results', { count, formatted: formatNumber(count, i18n.language), set: shownSet?.name ?? chosenSet, period: periodLabel(chosenPeriod) })}
          </h2>
          <ErrorAlert message={error} />
          {shownSet && <p className="hint">{t('assess.source', { source: shownSet.source })}</p>}
          {items && !loading && items.length === 0 && !error && <p>{t('ranking.empty')}</p>}
          {items && items.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t('ranking.caption', { set: shownSet?.name ?? chosenSet, period: periodLabel(chosenPeriod) })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">{t('ranking.rank')}</th>
                    <th scope="col">{t('columns.name')}</th>
                    <th scope="col">{t('columns.licenceNumber')}</th>
                    <th scope="col" className="num">{t('ranking.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((row) => (
                    <tr key={row.agencyId}>
                      <td className="num">{t('ranking.rankOf', { rank: formatNumber(row.rank, i18n.language), of: formatNumber(row.of, i18n.language) })}</td>
                      <th scope="row"><Link to={`/desk/agencies/${row.agencyId}`}>{row.name}</Link></th>
                      <td>{row.licenceNumber}</td>
                      <td className="num">{formatScore(row.score, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}

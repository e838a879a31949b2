import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { dashboardTables } from '../../../../../src/modules/dashboard/report-tables';
import { CountryOptions, ErrorAlert, PageHeading, useErrorMessage } from '../../components/ui';
import { useSession } from '../../session';
import { type Dashboard as DashboardData, dashboardFigures, listQuery } from './figures';
import { FigureView } from './FigureView';
import './dashboard.css';

const filterKeys = ['from', 'to', 'organisationId', 'origin', 'destination'] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

/** The last twelve months, from the first day of the month eleven months ago to today (UTC). */
export function lastTwelveMonths(today = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
  return { from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
}

function filtersFrom(params: URLSearchParams): Filters {
  // A first visit (nothing in the address) shows the last twelve months; after that the address says it all.
  const defaults = params.has('from') || params.has('to') ? { from: '', to: '' } : lastTwelveMonths();
  return {
    from: params.get('from') ?? defaults.from,
    to: params.get('to') ?? defaults.to,
    organisationId: params.get('organisationId') ?? '',
    origin: params.get('origin') ?? '',
    destination: params.get('destination') ?? '',
  };
}

export function Dashboard() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const query = new URLSearchParams(Object.entries(applied).filter(([, value]) => value)).toString();
  const [form, setForm] = useState<Filters>(applied);
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [organisations, setOrganisations] = useState<Array<{ id: string; name: string }>>([]);
  const isNodeAdmin = user.role === 'system_admin';

  useEffect(() => setForm(applied), [query]);
  useEffect(() => {
    if (!isNodeAdmin) return;
    api<{ items: Array<{ id: string; name: string }> }>('GET', '/api/v1/organisations')
      .then((result) => setOrganisations(result.items))
      .catch(() => setOrganisations([]));
  }, [isNodeAdmin]);
  useEffect(() => {
    let current = true;
    setError(null);
    api<DashboardData>('GET', `/api/v1/dashboard${query ? `?${query}` : ''}`)
      .then((result) => current && setData(result))
      .catch((caught) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [query, errorMessage]);

  const tables = useMemo(() => (data ? dashboardTables(data, t, i18n.language) : []), [data, t, i18n.language]);
  const figures = useMemo(() => (data ? dashboardFigures(data, tables, t, i18n.language) : []), [data, tables, t, i18n.language]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams({ from: form.from, to: form.to });
    for (const key of ['organisationId', 'origin', 'destination'] as const) if (form[key]) next.set(key, form[key]);
    setParams(next);
  };
  const reset = () => setParams(new URLSearchParams(lastTwelveMonths()));
  const set = (key: keyof Filters, value: string) => setForm((current) => ({ ...current, [key]: value }));
  const number = (value: number | null) => (value === null ? t('dashboard:summary.none') : new Intl.NumberFormat(i18n.language).format(value));

  return (
    <>
      <PageHeading title={t('dashboard:title')} />
      <p className="lead no-print">{isNodeAdmin && !applied.organisationId ? t('dashboard:introAll') : t('dashboard:intro')}</p>
      <p className="no-print">
        <Link to="/desk/reports">{t('dashboard:nav.reports')}</Link>
      </p>
      <form className="card dashboard-filters no-print" onSubmit={submit} aria-label={t('dashboard:filters.title')}>
        <div className="fields">
          <div className="field">
            <label htmlFor="dashboard-from">{t('dashboard:filters.from')}</label>
            <input id="dashboard-from" type="date" value={form.from} onChange={(event) => set('from', event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="dashboard-to">{t('dashboard:filters.to')}</label>
            <input id="dashboard-to" type="date" value={form.to} onChange={(event) => set('to', event.target.value)} />
          </div>
          {isNodeAdmin && (
            <div className="field">
              <label htmlFor="dashboard-organisation">{t('dashboard:filters.organisation')}</label>
              <select id="dashboard-organisation" value={form.organisationId} onChange={(event) => set('organisationId', event.target.value)}>
                <option value="">{t('dashboard:filters.allOrganisations')}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>{o.name}</option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="dashboard-origin">{t('dashboard:filters.origin')}</label>
            <select id="dashboard-origin" value={form.origin} onChange={(event) => set('origin', event.target.value)}>
              <option value="">{t('dashboard:filters.any')}</option>
              <CountryOptions />
            </select>
          </div>
          <div className="field">
            <label htmlFor="dashboard-destination">{t('dashboard:filters.destination')}</label>
            <select id="dashboard-destination" value={form.destination} onChange={(event) => set('destination', event.target.value)}>
              <option value="">{t('dashboard:filters.any')}</option>
              <CountryOptions />
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit">{t('dashboard:filters.apply')}</button>
          <button type="button" className="secondary" onClick={reset}>{t('dashboard:filters.reset')}</button>
        </div>
      </form>
      <ErrorAlert message={error} />
      {!data && !error && <p role="status">{t('dashboard:loading')}</p>}
      {data && (
        <>
          <dl className="dashboard-summary" data-testid="dashboard-summary">
            <div>
              <dt>{t('dashboard:summary.complaints')}</dt>
              <dd>{number(data.totals.complaints)}</dd>
            </div>
            <div>
              <dt>{t('dashboard:summary.workers')}</dt>
              <dd>{number(data.totals.workers)}</dd>
            </div>
            <div>
              <dt>{t('dashboard:summary.firstActionMedian')}</dt>
              <dd>
                {number(data.firstAction.median)}
                {data.firstAction.p90 !== null && <span className="hint">{t('dashboard:summary.p90', { days: number(data.firstAction.p90) })}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('dashboard:summary.resolutionMedian')}</dt>
              <dd>
                {number(data.resolution.median)}
                {data.resolution.p90 !== null && <span className="hint">{t('dashboard:summary.p90', { days: number(data.resolution.p90) })}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('dashboard:summary.overdue')}</dt>
              <dd>
                {data.scope.drillDown ? (
                  <Link to={`/desk/complaints?${listQuery(data.scope, { overdue: 'true' })}`}>{number(data.overdue.overdue)}</Link>
                ) : (
                  number(data.overdue.overdue)
                )}
              </dd>
            </div>
            <div>
              <dt>{t('dashboard:summary.open')}</dt>
              <dd>{number(data.overdue.open)}</dd>
            </div>
          </dl>
          {data.totals.complaints === 0 && <p>{t('dashboard:empty')}</p>}
          <div className="figures">
            {figures.map((figure) => (
              <FigureView key={figure.id} figure={figure} table={tables.find((table) => table.id === figure.id)} />
            ))}
          </div>
        </>
      )}
    </>
  );
}

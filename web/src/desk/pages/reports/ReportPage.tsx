import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/i18n';
import { countryLabel, dashboardTables } from '../../../../../src/modules/dashboard/report-tables';
import { ErrorAlert, PageHeading, useErrorMessage } from '../../components/ui';
import { type Dashboard, dashboardFigures } from '../dashboard/figures';
import { FigureView } from '../dashboard/FigureView';
import '../dashboard/dashboard.css';

interface Report {
  kind: 'mrc' | 'afml';
  year: number;
  half: number | null;
  country: string | null;
  organisation: { id: string; name: string; country: string } | null;
  dashboard: Dashboard;
}

/** A report to print (charts as SVG, every table open) or to download as a workbook, in the reader's language. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { kind = 'mrc' } = useParams();
  const [params] = useSearchParams();
  const errorMessage = useErrorMessage();
  const query = new URLSearchParams([...params].filter(([key]) => ['year', 'half', 'country', 'organisationId'].includes(key))).toString();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api<Report>('GET', `/api/v1/dashboard/reports/${encodeURIComponent(kind)}?${query}`)
      .then((result) => current && setReport(result))
      .catch((caught) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [kind, query, errorMessage]);

  const language = i18n.language;
  const tables = useMemo(() => (report ? dashboardTables(report.dashboard, t, language) : []), [report, t, language]);
  const figures = useMemo(() => (report ? dashboardFigures({ ...report.dashboard, scope: { ...report.dashboard.scope, drillDown: false } }, tables, t, language) : []), [report, tables, t, language]);
  const title = !report
    ? t('dashboard:report.title')
    : report.kind === 'mrc'
      ? t('dashboard:report.mrcTitle', { year: report.year, half: t(`dashboard:report.half${report.half ?? 1}`) })
      : t('dashboard:report.afmlTitle', { year: report.year, country: countryLabel(report.country ?? '', language) });
  const summary = tables.find((table) => table.id === 'summary');

  return (
    <article className="report">
      <p className="no-print">
        <Link to="/desk/reports">{t('dashboard:report.back')}</Link>
      </p>
      <PageHeading title={title} />
      <ErrorAlert message={error} />
      {!report && !error && <p role="status">{t('dashboard:loading')}</p>}
      {report && (
        <>
          <div className="actions no-print">
            <button type="button" onClick={() => window.print()}>{t('dashboard:report.print')}</button>
            <a className="button secondary" href={`/api/v1/dashboard/reports/${encodeURIComponent(kind)}?${query}&format=xlsx&lang=${language}`} download>
              {t('dashboard:report.download')}
            </a>
          </div>
          <dl className="report-meta">
            <dt>{t('dashboard:report.period')}</dt>
            <dd>
              {report.dashboard.scope.from && formatDate(report.dashboard.scope.from, language)} – {report.dashboard.scope.to && formatDate(report.dashboard.scope.to, language)}
            </dd>
            <dt>{t('dashboard:report.organisation')}</dt>
            <dd>{report.organisation?.name ?? t('dashboard:report.allOrganisations')}</dd>
            <dt>{t('dashboard:report.generatedAt')}</dt>
            <dd>{formatDateTime(report.dashboard.scope.generatedAt, language)}</dd>
            <dt>{t('dashboard:report.method')}</dt>
            <dd>{t('dashboard:report.methodText')}</dd>
          </dl>
          {summary && (
            <section className="card figure" aria-labelledby="figure-summary">
              <h2 id="figure-summary">{summary.title}</h2>
              <table className="figure-table">
                <tbody>
                  {summary.rows.map((row, r) => (
                    <tr key={r}>
                      <th scope="row">{row[0]}</th>
                      <td className="number">{row[1] === null ? t('dashboard:summary.none') : new Intl.NumberFormat(language).format(Number(row[1]))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <div className="figures">
            {figures.map((figure) => (
              <FigureView key={figure.id} figure={figure} table={tables.find((table) => table.id === figure.id)} tableOpen />
            ))}
          </div>
        </>
      )}
    </article>
  );
}

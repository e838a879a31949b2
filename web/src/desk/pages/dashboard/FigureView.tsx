import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ReportTable } from '../../../../../src/modules/dashboard/report-tables';
import { Chart } from './Chart';
import type { Figure } from './figures';

/** A number in the reader's language; other cells as they are. */
function cellText(cell: string | number | null, language: string): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? new Intl.NumberFormat(language).format(cell) : cell;
}

/** The table behind a chart: its text alternative, and the way to the complaints behind each row by keyboard. */
export function FigureTable({ table, links, caption }: { table: ReportTable; links?: Array<string | null>; caption?: string }) {
  const { i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="figure-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {table.headers.map((header) => (
              <th key={header} scope="col">{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {links?.[r] ? <Link to={`/desk/complaints?${links[r]}`}>{cellText(cell, i18n.language)}</Link> : cellText(cell, i18n.language)}
                  </th>
                ) : (
                  <td key={c} className={typeof cell === 'number' ? 'number' : undefined}>{cellText(cell, i18n.language)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One figure: its heading, chart, a line on how to read it, and its table (folded away on screen, open in print). */
export function FigureView({ figure, table, tableOpen = false }: { figure: Figure; table?: ReportTable; tableOpen?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = `figure-${figure.id}`;
  const onSelect = figure.links ? (click: { dataIndex: number }) => figure.links?.[click.dataIndex] && navigate(`/desk/complaints?${figure.links[click.dataIndex]}`) : undefined;
  return (
    <section className="card figure" aria-labelledby={headingId} data-figure={figure.id}>
      <h2 id={headingId}>{figure.title}</h2>
      {figure.help && <p className="hint">{figure.help}</p>}
      {figure.option ? <Chart option={figure.option} label={figure.title} height={figure.height} onSelect={onSelect} testId={`chart-${figure.id}`} /> : <p>{t('dashboard:empty')}</p>}
      {table && table.rows.length > 0 && (tableOpen ? (
        <FigureTable table={table} links={figure.links} caption={figure.title} />
      ) : (
        <details>
          <summary>{t('dashboard:showTable')}</summary>
          <FigureTable table={table} links={figure.links} caption={figure.title} />
        </details>
      ))}
    </section>
  );
}

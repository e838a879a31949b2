import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../countries';
import '../public.css';
import { useApiGet } from '../useApiGet';
import { usePageTitle } from '../usePageTitle';

// This page's texts (locales/<language>/statistics.json) are fetched when it opens, not with the first page a
// worker sees, to keep the public pages' first load small.
const statisticsFiles = import.meta.glob<{ default: Record<string, unknown> }>('../../../../locales/*/statistics.json');

function useStatisticsTexts(): boolean {
  const { i18n } = useTranslation();
  const [loaded, setLoaded] = useState('');
  const language = i18n.language;
  useEffect(() => {
    let active = true;
    const load = async (lang: string) => {
      if (i18n.hasResourceBundle(lang, 'statistics')) return;
      const file = statisticsFiles[`../../../../locales/${lang}/statistics.json`];
      if (!file) return;
      const { $meta: _meta, ...resources } = (await file()).default;
      i18n.addResourceBundle(lang, 'statistics', resources, true, true);
    };
    void Promise.all([load('en'), load(language)]).then(() => active && setLoaded(language));
    return () => {
      active = false;
    };
  }, [i18n, language]);
  return loaded === language;
}

const dimensions = ['destination', 'origin', 'sector', 'channel', 'stage', 'state', 'sex'] as const;
type Dimension = (typeof dimensions)[number];

interface PublishedCell {
  value: number | null;
  suppressed: 'primary' | 'complementary' | null;
}
interface StatisticsTable {
  dimension: Dimension;
  unit: 'complaints' | 'workers';
  rows: string[];
  columns: string[];
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  total: PublishedCell;
}

export function Statistics() {
  const { t, i18n } = useTranslation(['statistics', 'public', 'server']);
  const language = i18n.language;
  const ready = useStatisticsTexts();
  const [dimension, setDimension] = useState<Dimension>('destination');
  const { loaded } = useApiGet<StatisticsTable>(`/api/v1/public/statistics?by=${dimension}`, 'public:errors.network');
  usePageTitle(ready ? t('statistics:title') : 'Lintas');

  if (!ready) return <p role="status">{t('public:common.loading')}</p>;

  const columnLabel = (code: string) => {
    if (code === 'unknown') return t('statistics:unknown');
    if (dimension === 'origin' || dimension === 'destination') return countryName(code, language);
    if (dimension === 'sector') return t(`statistics:isic.${code}`, { defaultValue: code });
    return t(`server:${dimension}.${code}`, { defaultValue: code });
  };
  const number = (value: number) => new Intl.NumberFormat(language).format(value);
  const cellText = (cell: PublishedCell) => (cell.value === null ? t('statistics:hidden') : number(cell.value));

  return (
    <>
      <h1>{t('statistics:title')}</h1>
      <p className="lead">{t('statistics:intro')}</p>

      <div className="field">
        <label htmlFor="statistics-by">{t('statistics:by')}</label>
        <select id="statistics-by" value={dimension} onChange={(event) => setDimension(event.target.value as Dimension)}>
          {dimensions.map((d) => (
            <option key={d} value={d}>{t(`statistics:dimension.${d}`)}</option>
          ))}
        </select>
      </div>

      {loaded.status === 'loading' && <p role="status">{t('public:common.loading')}</p>}
      {loaded.status === 'failed' && <p className="alert" role="alert">{loaded.message}</p>}
      {loaded.status === 'ready' && loaded.data.rows.length === 0 && <p>{t('statistics:empty')}</p>}
      {loaded.status === 'ready' && loaded.data.rows.length > 0 && (
        <>
          <section aria-labelledby="statistics-chart-title">
            <h2 id="statistics-chart-title">{t(loaded.data.unit === 'workers' ? 'statistics:chartWorkers' : 'statistics:chartComplaints', { dimension: t(`statistics:dimension.${dimension}`) })}</h2>
            <Bars
              items={loaded.data.columns.map((code, c) => ({ label: columnLabel(code), cell: loaded.data.columnTotals[c] }))}
              hiddenLabel={t('statistics:hidden')}
              format={number}
            />
          </section>
          <section aria-labelledby="statistics-table-title">
            <h2 id="statistics-table-title">{t('statistics:tableTitle')}</h2>
            <div style={{ overflowX: 'auto' }}>
              <table className="statistics-table">
                <caption>{t(loaded.data.unit === 'workers' ? 'statistics:captionWorkers' : 'statistics:captionComplaints', { dimension: t(`statistics:dimension.${dimension}`) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('statistics:year')}</th>
                    {loaded.data.columns.map((code) => (
                      <th key={code} scope="col">{columnLabel(code)}</th>
                    ))}
                    <th scope="col">{t('statistics:total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.data.rows.map((year, r) => (
                    <tr key={year}>
                      <th scope="row">{year}</th>
                      {loaded.data.cells[r].map((cell, c) => (
                        <td key={c}>{cellText(cell)}</td>
                      ))}
                      <td>{cellText(loaded.data.rowTotals[r])}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('statistics:total')}</th>
                    {loaded.data.columnTotals.map((cell, c) => (
                      <td key={c}>{cellText(cell)}</td>
                    ))}
                    <td>{cellText(loaded.data.total)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <p>
              <a href={`/api/v1/public/statistics?by=${dimension}&format=csv`} download>{t('statistics:downloadCsv')}</a>
              {' · '}
              <a href={`/api/v1/public/statistics?by=${dimension}`}>{t('statistics:openJson')}</a>
            </p>
          </section>
        </>
      )}

      <section className="card" aria-labelledby="statistics-method">
        <h2 id="statistics-method">{t('statistics:method.title')}</h2>
        <p>{t('statistics:method.consent')}</p>
        <p>{t('statistics:method.small')}</p>
        <p>{t('statistics:method.complementary')}</p>
        <p>{t('statistics:method.marker', { marker: t('statistics:hidden') })}</p>
        <p>{t('statistics:method.source')}</p>
      </section>
    </>
  );
}

/** Simple SVG bars (no chart library, to keep the public pages light); the table above says the same in text. */
function Bars({ items, hiddenLabel, format }: { items: Array<{ label: string; cell: PublishedCell }>; hiddenLabel: string; format: (value: number) => string }) {
  const max = Math.max(1, ...items.map((item) => item.cell.value ?? 0));
  const rowHeight = 28;
  const labelWidth = 180;
  const width = 640;
  return (
    <svg viewBox={`0 0 ${width} ${items.length * rowHeight + 8}`} width="100%" aria-hidden="true" focusable="false" className="statistics-bars">
      {items.map((item, i) => {
        const y = i * rowHeight + 4;
        const length = item.cell.value === null ? 0 : ((width - labelWidth - 80) * item.cell.value) / max;
        return (
          <g key={item.label}>
            <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="13" fill="currentColor">{item.label.length > 24 ? `${item.label.slice(0, 23)}…` : item.label}</text>
            <rect x={labelWidth} y={y + 4} width={length} height={rowHeight - 10} fill="#0b5d6b" />
            <text x={labelWidth + length + 6} y={y + 18} fontSize="13" fill="currentColor">{item.cell.value === null ? hiddenLabel : format(item.cell.value)}</text>
          </g>
        );
      })}
    </svg>
  );
}

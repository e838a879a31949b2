// The tables behind each chart of the dashboard and the reports, with translated headers and labels. A pure
// function of the figures and a translation function, so the printable page (browser) and the XLSX file (server)
// show the same tables. Translation keys: `dashboard:…`, code labels in `server:…`, ISIC sections in `desk:isic.…`.
import type { Dashboard } from './schema';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type Cell = string | number | null;
export interface ReportTable {
  id: string;
  title: string;
  headers: string[];
  rows: Cell[][];
}

const intlLocales: Record<string, string> = { en: 'en-GB', id: 'id-ID', ms: 'ms-MY', fil: 'fil-PH', th: 'th-TH', km: 'km-KH', lo: 'lo-LA', my: 'my-MM', vi: 'vi-VN' };

/** Digits after the decimal point of a currency (2 for MYR, 0 for IDR and JPY). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units to the amount people read (150000 MYR → 1500). */
export const majorUnits = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);

/** The name of a country in a Lintas language, or its code. */
export function countryLabel(code: string, language: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([intlLocales[language] ?? 'en-GB', 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Labels for the codes of each breakdown. */
export function codeLabel(t: Translate, kind: 'grievance' | 'indicator' | 'sex' | 'sector' | 'channel' | 'state' | 'respondentType' | 'outcome', code: string): string {
  if (code === 'unknown' && kind === 'sector') return t('dashboard:label.unknown');
  switch (kind) {
    case 'indicator':
      return t(`dashboard:indicator.${code}`);
    case 'sector':
      return t(`desk:isic.${code}`, { defaultValue: code });
    default:
      return t(`server:${kind}.${code}`, { defaultValue: code });
  }
}

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Every table of the dashboard, in the order the page and the workbook show them. */
export function dashboardTables(data: Dashboard, t: Translate, language: string): ReportTable[] {
  const h = (key: string) => t(`dashboard:table.${key}`);
  const byCode = (id: string, kind: Parameters<typeof codeLabel>[1], rows: Array<{ code: string; complaints: number }>, unit = 'complaints'): ReportTable => ({
    id,
    title: t(`dashboard:chart.${id}`),
    headers: [h(kind), h(unit), h('share')],
    rows: rows.map((r) => [codeLabel(t, kind, r.code), r.complaints, percent(r.complaints, data.totals.complaints)]),
  });
  const tables: ReportTable[] = [
    {
      id: 'summary',
      title: t('dashboard:chart.summary'),
      headers: [h('figure'), h('value')],
      rows: [
        [h('complaints'), data.totals.complaints],
        [h('workers'), data.totals.workers],
        [t('dashboard:summary.firstActionMedian'), data.firstAction.median],
        [t('dashboard:summary.resolutionMedian'), data.resolution.median],
        [t('dashboard:summary.overdue'), data.overdue.overdue],
        [t('dashboard:summary.open'), data.overdue.open],
      ],
    },
    {
      id: 'overTime',
      title: t('dashboard:chart.overTime'),
      headers: [h('month'), h('complaints'), h('workers')],
      rows: data.overTime.map((r) => [r.month, r.complaints, r.workers]),
    },
    byCode('byGrievance', 'grievance', data.byGrievance),
    byCode('byIndicator', 'indicator', data.byIndicator),
    {
      id: 'byCorridor',
      title: t('dashboard:chart.byCorridor'),
      headers: [h('origin'), h('destination'), h('complaints'), h('workers')],
      rows: data.byCorridor.map((r) => [countryLabel(r.origin, language), countryLabel(r.destination, language), r.complaints, r.workers]),
    },
    {
      id: 'bySex',
      title: t('dashboard:chart.bySex'),
      headers: [h('sex'), h('workers'), h('share')],
      rows: data.bySex.map((r) => [codeLabel(t, 'sex', r.code), r.workers, percent(r.workers, data.totals.workers)]),
    },
    byCode('bySector', 'sector', data.bySector),
    byCode('byChannel', 'channel', data.byChannel),
    byCode('byState', 'state', data.byState),
    byCode('byRespondentType', 'respondentType', data.byRespondentType),
    {
      id: 'byAgency',
      title: t('dashboard:chart.byAgency'),
      headers: [h('agency'), h('licence'), h('country'), h('complaints')],
      rows: [
        ...data.byAgency.items.map((r): Cell[] => [r.name, r.licenceNumber, countryLabel(r.country, language), r.complaints]),
        [t('dashboard:label.unlinkedAgencies'), null, null, data.byAgency.unlinked],
      ],
    },
    byCode('outcomes', 'outcome', data.outcomes),
    {
      id: 'money',
      title: t('dashboard:chart.money'),
      headers: [h('currency'), h('complaints'), h('claimed'), h('awarded'), h('received'), h('receivedShare')],
      rows: data.money.map((r) => [
        r.currency,
        r.complaints,
        majorUnits(r.claimed, r.currency),
        majorUnits(r.awarded, r.currency),
        majorUnits(r.received, r.currency),
        percent(r.received, r.claimed),
      ]),
    },
    {
      id: 'timing',
      title: t('dashboard:chart.timing'),
      headers: [h('measure'), h('complaints'), h('median'), h('p90'), h('mean')],
      rows: [
        [t('dashboard:timing.firstAction'), data.firstAction.count, data.firstAction.median, data.firstAction.p90, data.firstAction.mean],
        [t('dashboard:timing.resolution'), data.resolution.count, data.resolution.median, data.resolution.p90, data.resolution.mean],
      ],
    },
    {
      id: 'referrals',
      title: t('dashboard:chart.referrals'),
      headers: [h('from'), h('fromCountry'), h('to'), h('toCountry'), h('kind'), h('state'), h('referrals')],
      rows: data.referrals.flows.map((r) => [
        r.fromOrganisation,
        countryLabel(r.fromCountry, language),
        r.toOrganisation,
        countryLabel(r.toCountry, language),
        t(`dashboard:referralKind.${r.kind}`, { defaultValue: r.kind }),
        t(`dashboard:referralState.${r.state}`, { defaultValue: r.state }),
        r.referrals,
      ]),
    },
    {
      id: 'referralCountries',
      title: t('dashboard:chart.referralCountries'),
      headers: [h('fromCountry'), h('toCountry'), h('referrals')],
      rows: [...countryFlows(data.referrals.flows)].map(([pair, count]) => {
        const [from, to] = pair.split('>');
        return [countryLabel(from, language), countryLabel(to, language), count];
      }),
    },
  ];
  return tables;
}

/** Referrals added up by the sender's and the receiver's country, most first. */
function countryFlows(flows: Dashboard['referrals']['flows']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const flow of flows) counts.set(`${flow.fromCountry}>${flow.toCountry}`, (counts.get(`${flow.fromCountry}>${flow.toCountry}`) ?? 0) + flow.referrals);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

// The figures of the dashboard and the reports: for each, its chart (an ECharts option), the table behind it and,
// where the complaint list can show the complaints behind a bar, the list's query for each row.
import type { EChartsCoreOption } from 'echarts/core';
import type { Dashboard } from '../../../../../src/modules/dashboard/schema';
import { codeLabel, countryLabel, type ReportTable, type Translate } from '../../../../../src/modules/dashboard/report-tables';

export type { Dashboard };

export interface Figure {
  id: string;
  title: string;
  option: EChartsCoreOption | null;
  height: number;
  help?: string;
  /** The complaint-list query behind each row of the table (and each bar), when the list can filter by it. */
  links?: Array<string | null>;
}

const palette = ['#0b5d6b', '#d1495b', '#edae49', '#3e7cb1', '#66a182', '#8d6a9f', '#6c757d', '#c46d1b'];
const fontFamily = "'Noto Sans', 'Noto Sans Thai', 'Noto Sans Khmer', 'Noto Sans Lao', 'Noto Sans Myanmar', system-ui, sans-serif";
const base = { animation: false, color: palette, textStyle: { fontFamily }, tooltip: { trigger: 'item' } };

/** Horizontal bars, largest first at the top: long category names stay readable. */
function bars(labels: string[], values: number[], seriesName: string): EChartsCoreOption {
  return {
    ...base,
    grid: { left: 8, right: 24, top: 8, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: [{ type: 'bar', name: seriesName, data: values, label: { show: true, position: 'right' } }],
  };
}

const barHeight = (count: number) => Math.max(160, Math.min(40, count) * 28 + 40);

/** The last day of a month (YYYY-MM). */
function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** A query of the complaint list: the dashboard's own filters, then the figure's. */
export function listQuery(scope: Dashboard['scope'], extra: Record<string, string>): string {
  const params = new URLSearchParams();
  if (scope.from) params.set('receivedFrom', scope.from);
  if (scope.to) params.set('receivedTo', scope.to);
  if (scope.origin) params.set('origin', scope.origin);
  if (scope.destination) params.set('destination', scope.destination);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** Days histogram in buckets people read: a week, two weeks, a month, … */
const dayBuckets: Array<[number, number]> = [[0, 7], [8, 14], [15, 30], [31, 60], [61, 90], [91, 180], [181, 365], [366, Number.POSITIVE_INFINITY]];
function bucketed(histogram: Array<{ days: number; complaints: number }>) {
  return dayBuckets.map(([low, high]) => histogram.filter((b) => b.days >= low && b.days <= high).reduce((sum, b) => sum + b.complaints, 0));
}

/** Every figure, in the order of dashboardTables (report-tables.ts), whose tables sit beside them. */
export function dashboardFigures(data: Dashboard, tables: ReportTable[], t: Translate, language: string): Figure[] {
  const drill = data.scope.drillDown;
  const table = (id: string) => tables.find((x) => x.id === id)!;
  const label = (kind: Parameters<typeof codeLabel>[1]) => (code: string) => codeLabel(t, kind, code);
  const number = (value: number) => new Intl.NumberFormat(language).format(value);
  const corridor = (r: { origin: string; destination: string }) => t('dashboard:label.corridor', { origin: countryLabel(r.origin, language), destination: countryLabel(r.destination, language) });
  const byCode = (id: string, kind: Parameters<typeof codeLabel>[1], rows: Array<{ code: string; complaints: number }>, link: (code: string) => Record<string, string>, help?: string): Figure => ({
    id,
    title: table(id).title,
    option: rows.length ? bars(rows.map((r) => label(kind)(r.code)), rows.map((r) => r.complaints), t('dashboard:table.complaints')) : null,
    height: barHeight(rows.length),
    help: help ?? (drill ? t('dashboard:chartHelp.clickable') : undefined),
    links: drill ? rows.map((r) => listQuery(data.scope, link(r.code))) : undefined,
  });
  const months = data.overTime;
  const money = data.money;
  const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
  const bucketLabels = dayBuckets.map(([low, high]) => (Number.isFinite(high) ? `${number(low)}–${number(high)}` : `> ${number(low - 1)}`));
  const flows = data.referrals.flows;
  // Senders on the left, receivers on the right: named apart so that two organisations referring to each other
  // do not make a cycle, which a Sankey diagram cannot draw.
  const sankey = (key: (f: (typeof flows)[number]) => [string, string]) => {
    const links = new Map<string, number>();
    for (const flow of flows) {
      const [from, to] = key(flow);
      const id = `${from}\u0000${to}`;
      links.set(id, (links.get(id) ?? 0) + flow.referrals);
    }
    const nodes = new Set<string>();
    const data = [...links].map(([id, value]) => {
      const [from, to] = id.split('\u0000');
      nodes.add(`${from} \u2192`);
      nodes.add(`\u2192 ${to}`);
      return { source: `${from} \u2192`, target: `\u2192 ${to}`, value };
    });
    return { ...base, tooltip: { trigger: 'item' }, series: [{ type: 'sankey', data: [...nodes].map((name) => ({ name })), links: data, nodeAlign: 'justify', label: { width: 220, overflow: 'truncate' }, emphasis: { focus: 'adjacency' } }] };
  };

  return [
    {
      id: 'overTime',
      title: table('overTime').title,
      option: months.length
        ? {
            ...base,
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 8, right: 8, top: 36, bottom: 8 },
            xAxis: { type: 'category', data: months.map((m) => m.month) },
            yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1 }],
            series: [
              { type: 'bar', name: t('dashboard:table.complaints'), data: months.map((m) => m.complaints) },
              { type: 'line', name: t('dashboard:table.workers'), yAxisIndex: 1, data: months.map((m) => m.workers) },
            ],
          }
        : null,
      height: 320,
      help: drill ? t('dashboard:chartHelp.clickable') : undefined,
      links: drill
        ? months.map((m) => {
            const from = data.scope.from && data.scope.from > `${m.month}-01` ? data.scope.from : `${m.month}-01`;
            const to = data.scope.to && data.scope.to < monthEnd(m.month) ? data.scope.to : monthEnd(m.month);
            return listQuery(data.scope, { receivedFrom: from, receivedTo: to });
          })
        : undefined,
    },
    byCode('byGrievance', 'grievance', data.byGrievance, (code) => ({ grievance: code })),
    byCode('byIndicator', 'indicator', data.byIndicator, (code) => ({ indicator: code }), t('dashboard:chartHelp.indicatorHint')),
    {
      id: 'byCorridor',
      title: table('byCorridor').title,
      option: data.byCorridor.length ? bars(data.byCorridor.map(corridor), data.byCorridor.map((r) => r.complaints), t('dashboard:table.complaints')) : null,
      height: barHeight(data.byCorridor.length),
      help: drill ? t('dashboard:chartHelp.clickable') : undefined,
      links: drill ? data.byCorridor.map((r) => listQuery(data.scope, { origin: r.origin, destination: r.destination })) : undefined,
    },
    {
      id: 'bySex',
      title: table('bySex').title,
      option: data.bySex.length
        ? { ...base, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['35%', '65%'], data: data.bySex.map((r) => ({ name: label('sex')(r.code), value: r.workers })), label: { formatter: '{b}: {d}%' } }] }
        : null,
      height: 300,
      help: drill ? t('dashboard:chartHelp.clickable') : undefined,
      links: drill ? data.bySex.map((r) => listQuery(data.scope, { sex: r.code })) : undefined,
    },
    byCode('bySector', 'sector', data.bySector, (code) => ({ sector: code })),
    byCode('byChannel', 'channel', data.byChannel, (code) => ({ channel: code })),
    byCode('byState', 'state', data.byState, (code) => ({ state: code })),
    byCode('byRespondentType', 'respondentType', data.byRespondentType, (code) => ({ respondentType: code })),
    {
      id: 'byAgency',
      title: table('byAgency').title,
      option: data.byAgency.items.length ? bars(data.byAgency.items.map((r) => r.name), data.byAgency.items.map((r) => r.complaints), t('dashboard:table.complaints')) : null,
      height: barHeight(data.byAgency.items.length),
      help: t('dashboard:chartHelp.agencyHint'),
      links: drill ? data.byAgency.items.map((r) => listQuery(data.scope, { agency: r.agencyId })) : undefined,
    },
    byCode('outcomes', 'outcome', data.outcomes, (code) => ({ outcome: code })),
    {
      id: 'money',
      title: table('money').title,
      option: money.length
        ? {
            ...base,
            tooltip: { trigger: 'axis', valueFormatter: (value: number) => `${value}%` },
            legend: { top: 0 },
            grid: { left: 8, right: 8, top: 36, bottom: 8 },
            xAxis: { type: 'category', data: money.map((m) => m.currency) },
            yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            series: [
              { type: 'bar', name: t('dashboard:table.awardedShare'), data: money.map((m) => share(m.awarded, m.claimed)) },
              { type: 'bar', name: t('dashboard:table.receivedShare'), data: money.map((m) => share(m.received, m.claimed)) },
            ],
          }
        : null,
      height: 300,
      help: `${t('dashboard:chart.moneyShare')}. ${t('dashboard:chartHelp.money')}`,
    },
    {
      id: 'timing',
      title: table('timing').title,
      option:
        data.firstAction.count + data.resolution.count > 0
          ? {
              ...base,
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 8, top: 36, bottom: 24 },
              xAxis: { type: 'category', data: bucketLabels, name: t('dashboard:table.days'), nameLocation: 'middle', nameGap: 28 },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { type: 'bar', name: t('dashboard:timing.firstAction'), data: bucketed(data.firstAction.histogram) },
                { type: 'bar', name: t('dashboard:timing.resolution'), data: bucketed(data.resolution.histogram) },
              ],
            }
          : null,
      height: 320,
      help: t('dashboard:chartHelp.timing'),
    },
    {
      id: 'referrals',
      title: table('referrals').title,
      option: flows.length ? sankey((f) => [f.fromOrganisation, f.toOrganisation]) : null,
      height: Math.max(240, new Set(flows.map((f) => f.fromOrganisation)).size * 36),
      help: flows.length ? undefined : t('dashboard:chartHelp.referralsEmpty'),
    },
    {
      id: 'referralCountries',
      title: t('dashboard:chart.referralCountries'),
      option: flows.length ? sankey((f) => [countryLabel(f.fromCountry, language), countryLabel(f.toCountry, language)]) : null,
      height: 240,
    },
  ];
}

import { type Kysely, sql } from 'kysely';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import { suppressTable } from './suppress';

/** What the public statistics can be broken down by: each complaint (or worker, for sex) counts once. */
export const statisticsDimensions = ['origin', 'destination', 'sector', 'channel', 'stage', 'state', 'sex'] as const;
export type StatisticsDimension = (typeof statisticsDimensions)[number];

/** Counts by year received and one dimension, only of complaints whose consent covers statistics. */
export async function countByYear(db: Kysely<Database>, dimension: StatisticsDimension, range: { from?: number; to?: number }) {
  const year = sql<string>`substr(complaints.received_at, 1, 4)`;
  let query =
    dimension === 'sex'
      ? db
          .selectFrom('complaint_workers')
          .innerJoin('complaints', 'complaints.id', 'complaint_workers.complaint_id')
          .select([year.as('year'), 'complaint_workers.sex as value', (eb) => eb.fn.countAll<number>().as('count')])
          .groupBy([year, 'complaint_workers.sex'])
      : db
          .selectFrom('complaints')
          .select([year.as('year'), sql<string>`coalesce(complaints.${sql.ref(dimension)}, 'unknown')`.as('value'), (eb) => eb.fn.countAll<number>().as('count')])
          .groupBy([year, sql`coalesce(complaints.${sql.ref(dimension)}, 'unknown')`]);
  query = query.where('complaints.consent_statistics', '=', 1);
  if (range.from) query = query.where('complaints.received_at', '>=', `${range.from}-01-01`);
  if (range.to) query = query.where('complaints.received_at', '<', `${range.to + 1}-01-01`);
  return (await query.execute()).map((r) => ({ year: r.year, value: r.value, count: Number(r.count) }));
}

/**
 * The public statistics table: years by one dimension with totals, small cells suppressed so that no person can
 * be identified and no hidden count can be recovered from the totals.
 */
export async function publicStatistics(ctx: AppContext, dimension: StatisticsDimension, range: { from?: number; to?: number }) {
  const rows = await countByYear(ctx.db, dimension, range);
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const values = [...new Set(rows.map((r) => r.value))].sort();
  const counts = years.map((y) => values.map((v) => rows.find((r) => r.year === y && r.value === v)?.count ?? 0));
  const table = suppressTable(counts);
  return {
    dimension,
    unit: dimension === 'sex' ? ('workers' as const) : ('complaints' as const),
    rows: years,
    columns: values,
    cells: table.slice(0, years.length).map((row) => row.slice(0, values.length)),
    rowTotals: table.slice(0, years.length).map((row) => row[values.length]),
    columnTotals: table[years.length].slice(0, values.length),
    total: table[years.length][values.length],
    method:
      'Only complaints whose consent covers statistics are counted. Counts from 1 to 4 are hidden, and further cells are hidden so that no hidden count can be worked out from the totals (after the GBVIMS information-sharing practice).',
  };
}

/** The same table as CSV (UTF-8 with a byte-order mark, so that spreadsheets read every script). */
export function statisticsCsv(table: Awaited<ReturnType<typeof publicStatistics>>, hiddenMark = '<5'): string {
  const cell = (c: { value: number | null }) => (c.value === null ? hiddenMark : String(c.value));
  const lines = [
    ['year', ...table.columns, 'total'].join(','),
    ...table.rows.map((year, r) => [year, ...table.cells[r].map(cell), cell(table.rowTotals[r])].join(',')),
    ['total', ...table.columnTotals.map(cell), cell(table.total)].join(','),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

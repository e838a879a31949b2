// Dashboard benchmark: each figure of the dashboard (src/modules/dashboard/service.ts, `dashboardQueries`) timed on
// a large synthetic database, beside a hand-written SQL GROUP BY for the same figure and the same complaints,
// measured in the same run, interleaved so both see the same cache. On SQLite and on PostgreSQL.
import os from 'node:os';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { openContext } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { isPostgres } from '../src/db/dialect';
import type { Database } from '../src/db/schema';
import type { DashboardFilter } from '../src/modules/dashboard/repository';
import { computeDashboard, dashboardQueries, indicatorGrievances } from '../src/modules/dashboard/service';
import { millionComplaintDatabase } from './million';

export interface DashboardBenchOptions {
  size: number;
  repeats: number;
  kinds: Array<'sqlite' | 'postgres'>;
  print: (line?: string) => void;
}

type Figure = keyof typeof dashboardQueries;

/** The same complaints as the service's filter, written by hand. */
function where(filter: DashboardFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (filter.organisationId) parts.push(sql`c.organisation_id = ${filter.organisationId}`);
  if (filter.receivedFrom) parts.push(sql`c.received_at >= ${filter.receivedFrom}`);
  if (filter.receivedBefore) parts.push(sql`c.received_at < ${filter.receivedBefore}`);
  if (filter.origin) parts.push(sql`c.origin = ${filter.origin}`);
  if (filter.destination) parts.push(sql`c.destination = ${filter.destination}`);
  return sql.join(parts, sql` and `);
}

/** Hand-written SQL for each figure: the plain GROUP BY a person would type at the database prompt. */
function baselines(db: Kysely<Database>): Record<Figure, (filter: DashboardFilter, now: string) => Promise<unknown>> {
  const run = (query: RawBuilder<unknown>) => query.execute(db).then((r) => r.rows);
  const days = (column: string) =>
    isPostgres(db)
      ? sql.raw(`(substr(c.${column}, 1, 10)::date - substr(c.received_at, 1, 10)::date)`)
      : sql.raw(`cast(julianday(substr(c.${column}, 1, 10)) - julianday(substr(c.received_at, 1, 10)) as integer)`);
  const indicatorPairs = Object.entries(indicatorGrievances).flatMap(([indicator, codes]) => codes.map((code) => sql`(${indicator}, ${code})`));
  return {
    overTime: (f) => run(sql`select substr(c.received_at, 1, 7) as month, count(*) as n, sum(c.worker_count) as workers from complaints c where ${where(f)} group by substr(c.received_at, 1, 7)`),
    byGrievance: (f) => run(sql`select g.code, count(*) as n from complaint_grievances g join complaints c on c.id = g.complaint_id where ${where(f)} group by g.code`),
    byIndicator: (f) =>
      run(sql`select i.indicator, count(distinct g.complaint_id) as n from complaint_grievances g join complaints c on c.id = g.complaint_id
        join (select column1 as indicator, column2 as code from (values ${sql.join(indicatorPairs)}) as v) i on i.code = g.code
        where ${where(f)} group by i.indicator`),
    byCorridor: (f) => run(sql`select c.origin, c.destination, count(*) as n, sum(c.worker_count) as workers from complaints c where ${where(f)} group by c.origin, c.destination`),
    bySex: (f) => run(sql`select w.sex, count(*) as n from complaint_workers w join complaints c on c.id = w.complaint_id where ${where(f)} group by w.sex`),
    bySector: (f) => run(sql`select coalesce(c.sector, 'unknown') as code, count(*) as n from complaints c where ${where(f)} group by coalesce(c.sector, 'unknown')`),
    byChannel: (f) => run(sql`select c.channel, count(*) as n from complaints c where ${where(f)} group by c.channel`),
    byState: (f) => run(sql`select c.state, count(*) as n from complaints c where ${where(f)} group by c.state`),
    byRespondentType: (f) => run(sql`select r.type, count(distinct r.complaint_id) as n from complaint_respondents r join complaints c on c.id = r.complaint_id where ${where(f)} group by r.type`),
    byAgency: async (f) => [
      await run(sql`select a.id, a.name, count(distinct r.complaint_id) as n from complaint_respondents r join complaints c on c.id = r.complaint_id join agencies a on a.id = r.agency_id where ${where(f)} group by a.id, a.name`),
      await run(sql`select count(distinct r.complaint_id) as n from complaint_respondents r join complaints c on c.id = r.complaint_id where ${where(f)} and r.type = 'recruitment_agency' and r.agency_id is null`),
    ],
    outcomes: (f) => run(sql`select o.type, count(distinct o.complaint_id) as n from complaint_outcomes o join complaints c on c.id = o.complaint_id where ${where(f)} group by o.type`),
    money: (f) => run(sql`select o.currency, count(distinct o.complaint_id) as n, sum(o.claimed) as claimed, sum(o.awarded) as awarded, sum(o.received) as received from complaint_outcomes o join complaints c on c.id = o.complaint_id where ${where(f)} and o.currency is not null group by o.currency`),
    firstAction: (f) => run(sql`select ${days('first_action_at')} as days, count(*) as n from complaints c where ${where(f)} and c.first_action_at is not null group by ${days('first_action_at')}`),
    resolution: (f) => run(sql`select ${days('resolved_at')} as days, count(*) as n from complaints c where ${where(f)} and c.resolved_at is not null group by ${days('resolved_at')}`),
    // The same figure: open complaints, and those past either deadline, the first action's and the resolution's.
    overdue: (f, now) => {
      const firstActionLate = sql`c.state = 'received' and c.first_action_at is null and c.first_action_due_at < ${now}`;
      return run(sql`select count(*) as open, count(*) filter (where ${firstActionLate}) as first_action,
          count(*) filter (where c.resolution_due_at < ${now}) as resolution,
          count(*) filter (where (${firstActionLate}) or c.resolution_due_at < ${now}) as overdue
        from complaints c where ${where(f)} and c.state in ('received', 'in_progress')`);
    },
    // The same figure: the flows with the names and countries of the organisations at each end (the Sankey's labels).
    referrals: (f) =>
      run(sql`select r.from_organisation_id, s.name, s.country, r.to_organisation_id, t.name, t.country, r.kind, r.state, count(*) as n
        from referrals r left join organisations s on s.id = r.from_organisation_id left join organisations t on t.id = r.to_organisation_id
        where ${f.organisationId ? sql`(r.from_organisation_id = ${f.organisationId} or r.to_organisation_id = ${f.organisationId})` : sql`1 = 1`}
        ${f.receivedFrom ? sql`and r.created_at >= ${f.receivedFrom}` : sql``} ${f.receivedBefore ? sql`and r.created_at < ${f.receivedBefore}` : sql``}
        group by r.from_organisation_id, s.name, s.country, r.to_organisation_id, t.name, t.country, r.kind, r.state`),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p * sorted.length) / 100) - 1))];
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Runs the dashboard benchmark and prints its tables; returns the worst p95 and ratio, for a summary line. */
export async function benchDashboard(options: DashboardBenchOptions) {
  const { print } = options;
  const summary: Array<{ kind: string; scope: string; worstP95: number; worstRatio: number; over: string[] }> = [];
  for (const kind of options.kinds) {
    const url = await millionComplaintDatabase(kind, options.size, { searchIndex: false });
    const opened = performance.now();
    // Opening applies pending migrations: the first time, that builds the dashboard's indexes.
    const { ctx, handle } = await openContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), { searchIndex: false });
    const openMs = performance.now() - opened;
    const db = ctx.db;
    const largest = await db
      .selectFrom('complaints')
      .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('organisation_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const newest = (await db.selectFrom('complaints').select((eb) => eb.fn.max('received_at').as('at')).executeTakeFirstOrThrow()).at as string;
    const yearBefore = new Date(Date.parse(newest) - 365 * 86_400_000).toISOString().slice(0, 10);
    const scopes: Array<{ name: string; filter: DashboardFilter }> = [
      { name: `largest organisation (${Number(largest.n).toLocaleString('en')} complaints), last 12 months`, filter: { organisationId: largest.organisation_id, receivedFrom: yearBefore } },
      { name: 'largest organisation, all five years', filter: { organisationId: largest.organisation_id } },
      { name: 'every organisation (node administrator), last 12 months', filter: { receivedFrom: yearBefore } },
    ];
    const hand = baselines(db);
    const now = new Date().toISOString();
    print(
      `Dashboard on ${kind} at ${options.size.toLocaleString('en')} complaints (opened in ${(openMs / 1000).toFixed(1)} s; ${options.repeats} runs of each query after one discarded; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores):`,
    );
    for (const scope of scopes) {
      print(`  ${scope.name}:`);
      print(`    ${'figure'.padEnd(17)} ${'dashboard p50'.padStart(13)} ${'p95'.padStart(9)}   ${'GROUP BY p50'.padStart(12)} ${'p95'.padStart(9)}   ratio p95`);
      let worstP95 = 0;
      let worstRatio = 0;
      const over: string[] = [];
      for (const figure of Object.keys(dashboardQueries) as Figure[]) {
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let r = 0; r <= options.repeats; r += 1) {
          // Interleaved, so that both see the same cache and the same load from other processes.
          const a = await timed(() => dashboardQueries[figure](db, scope.filter, now));
          const b = await timed(() => hand[figure](scope.filter, now));
          if (r > 0) {
            ours.push(a);
            theirs.push(b);
          }
        }
        ours.sort((x, y) => x - y);
        theirs.sort((x, y) => x - y);
        const p95 = percentile(ours, 95);
        // Under a millisecond both are at the noise floor (statement preparation, one round trip): count as 1 ms.
        const ratio = Math.max(1, p95) / Math.max(1, percentile(theirs, 95));
        worstP95 = Math.max(worstP95, p95);
        worstRatio = Math.max(worstRatio, ratio);
        if (p95 > 300 || ratio > 1.5) over.push(figure);
        print(`    ${figure.padEnd(17)} ${ms(percentile(ours, 50)).padStart(13)} ${ms(p95).padStart(9)}   ${ms(percentile(theirs, 50)).padStart(12)} ${ms(percentile(theirs, 95)).padStart(9)}   ${ratio.toFixed(2).padStart(9)}`);
      }
      const whole: number[] = [];
      for (let r = 0; r <= Math.min(options.repeats, 5); r += 1) {
        const t = await timed(() => computeDashboard(db, scope.filter, now));
        if (r > 0) whole.push(t);
      }
      whole.sort((x, y) => x - y);
      print(`    ${'whole dashboard'.padEnd(17)} ${ms(percentile(whole, 50)).padStart(13)} ${ms(percentile(whole, 95)).padStart(9)}   (all ${Object.keys(dashboardQueries).length} figures, one after the other)`);
      print(`    worst figure p95 ${ms(worstP95)} (target ≤ 300 ms), worst ratio ${worstRatio.toFixed(2)} (target ≤ 1.50)${over.length ? `; over a target: ${over.join(', ')}` : ''}`);
      summary.push({ kind, scope: scope.name, worstP95, worstRatio, over });
    }
    await handle.close();
    print();
  }
  return summary;
}

// Lintas benchmarks: `npm run bench` (or `npx lintas bench`). Options:
//   --list-size N       complaints in the list benchmark's database (default 1,000,000; cached in bench/.data)
//   --intake-seconds S  length of each intake run (default 10)
//   --quick             small sizes, to check that the benchmark itself works (used by the test suite)
//   --databases K       sqlite, postgres or both (default: both when PostgreSQL answers) for dashboard, export, search
//   --dashboard-repeats N  runs of each dashboard query (default 20)
// Every figure is printed beside a baseline measured in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openContext } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { disposableDatabase, postgresAnswers, postgresTestUrl as postgresUrl } from '../src/db/disposable';
import type { AppContext } from '../src/context';
import { recordAudit } from '../src/modules/audit/service';
import { buildComplaintRows } from '../src/modules/complaints/build-complaint-rows';
import { insertComplaint } from '../src/modules/complaints/repository';
import { type ComplaintInput, type ListQuery, listQuerySchema } from '../src/modules/complaints/schema';
import { listComplaints } from '../src/modules/complaints/service';
import { createOrganisation } from '../src/modules/organisations/service';
import { generateComplaints } from '../src/modules/synthetic/generate';
import { createUser } from '../src/modules/users/service';
import { rightsFactsSchema, type RightsFacts } from '../src/modules/agreements/schema';
import { checkCase } from '../src/modules/agreements/service';
import { SeededRandom } from '../src/lib/random';
import { importLicences, matchAgencies } from '../src/modules/agencies/service';
import { millionComplaintDatabase } from './million';
import { benchFederation } from './federation';
import { measureExport } from './export';
import { benchDashboard } from './dashboard';
import { benchSearch } from './search';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const quick = args.includes('--quick');
const onlyIndex = args.indexOf('--only');
/** `--only intake,rights,agencies,list` runs some sections of the benchmark. */
const sections = onlyIndex >= 0 ? args[onlyIndex + 1].split(',') : ['intake', 'rights', 'agencies', 'list', 'federation'];
const listSize = option('list-size', quick ? 3_000 : 1_000_000);
const intakeSeconds = option('intake-seconds', quick ? 2 : 10);
const password = 'benchmark password';

const print = (line = '') => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value: number) => `${value.toFixed(1)} ms`;

function forms(count: number): ComplaintInput[] {
  return [...generateComplaints(count, 99, new Date('2026-11-01'))].map(({ input }) => ({ ...input, receivedAt: undefined }));
}

async function prepareDesk(ctx: AppContext, email: string) {
  const organisation = await createOrganisation(ctx, { kind: 'system' }, { name: `Bench desk ${email}`, type: 'trade_union_centre', country: 'KH', languages: ['km'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false });
  await createUser(ctx, { kind: 'system' }, { email, password, name: 'Bench desk officer', organisationId: organisation.id, role: 'supervisor' });
  return organisation;
}

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/lintas.js'), 'start'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LINTAS_DEMO: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve({ child, baseUrl: `http://127.0.0.1:${match[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function logIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`log-in failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

const freshUrl = (kind: 'sqlite' | 'postgres') => disposableDatabase(kind, 'bench');

/** Complaints per second through the HTTP API (16 connections) and straight through the repository layer. */
async function benchIntake(kind: 'sqlite' | 'postgres') {
  const inputs = forms(200);
  const bodies = inputs.map((input) => JSON.stringify(input));

  // Through HTTP: a separate server process, a logged-in user, 16 concurrent connections on loopback.
  const http = await freshUrl(kind);
  {
    const { ctx, handle } = await openContext(loadConfig({ DATABASE_URL: http.url, LOG_LEVEL: 'silent' }));
    await prepareDesk(ctx, 'bench@lintas.test');
    await handle.close();
  }
  const server = await startServer(http.url);
  const token = await logIn(server.baseUrl, 'bench@lintas.test');
  let next = 0;
  const result = await autocannon({
    url: `${server.baseUrl}/api/v1/complaints`,
    connections: 16,
    duration: intakeSeconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
  await stopServer(server.child);
  await http.drop();
  const httpRate = result['2xx'] / (result.duration || intakeSeconds);
  if (result.non2xx > 0 || result.errors > 0) print(`  warning: ${result.non2xx} non-2xx answers and ${result.errors} errors over HTTP`);

  // Straight through the repository layer: the same rows and audit entry in one transaction, no HTTP.
  const direct = await freshUrl(kind);
  const { ctx, handle } = await openContext(loadConfig({ DATABASE_URL: direct.url, LOG_LEVEL: 'silent' }));
  const organisationId = (await prepareDesk(ctx, 'direct@lintas.test')).id;
  const organisation = await ctx.db.selectFrom('organisations').selectAll().where('id', '=', organisationId).executeTakeFirstOrThrow();
  let written = 0;
  const started = performance.now();
  const deadline = started + intakeSeconds * 1000;
  while (performance.now() < deadline) {
    const rows = buildComplaintRows(inputs[written % inputs.length], { organisation, createdBy: null });
    await ctx.db.transaction().execute(async (trx) => {
      await insertComplaint(trx, rows);
      await recordAudit(trx, { kind: 'system' }, [{ action: 'complaint.create', entityType: 'complaint', entityId: rows.complaint.id, organisationId }]);
    });
    written += 1;
  }
  const directRate = written / ((performance.now() - started) / 1000);
  await handle.close();
  await direct.drop();
  const workers = inputs.reduce((sum, input) => sum + input.workers.length, 0) / inputs.length;
  return { httpRate, directRate, ratio: httpRate / directRate, latencyP50: result.latency.p50, latencyP97: result.latency.p97_5, workers };
}

const listQueries: Array<{ name: string; query: string }> = [
  { name: 'newest first, no filter', query: '' },
  { name: 'state=in_progress', query: 'state=in_progress' },
  { name: 'destination=MY & grievance=unpaid_wages', query: 'destination=MY&grievance=unpaid_wages' },
  { name: 'origin=KH & stage=pre_departure', query: 'origin=KH&stage=pre_departure' },
  { name: 'state=received,in_progress & channel=hotline', query: 'state=received,in_progress&channel=hotline' },
  { name: 'overdue=true', query: 'overdue=true' },
  { name: 'received in March 2024, oldest first', query: 'receivedFrom=2024-03-01&receivedTo=2024-03-31&sort=received_at' },
  { name: 'grievance=passport_retention & state=closed', query: 'grievance=passport_retention&state=closed' },
  { name: 'sort by first-action deadline', query: 'sort=first_action_due_at&state=received' },
];

/** Latency of filtered, paginated lists at listSize complaints, through HTTP and through the service layer. */
async function benchList() {
  const url = await millionComplaintDatabase('sqlite', listSize);
  const { ctx, handle } = await openContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
  const largest = await ctx.db
    .selectFrom('complaints')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('organisation_id')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const email = 'list-bench@lintas.test';
  const user = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (!user) await createUser(ctx, { kind: 'system' }, { email, password, name: 'List bench', organisationId: largest.organisation_id, role: 'supervisor' });
  const actor = { kind: 'user' as const, userId: user?.id ?? '', organisationId: largest.organisation_id, role: 'supervisor' as const };

  const repeats = quick ? 5 : 40;
  // Service layer (the baseline): the same queries without HTTP, each with its second page too.
  const serviceTimes: number[] = [];
  for (let r = 0; r < repeats; r += 1) {
    for (const { query } of listQueries) {
      const params = Object.fromEntries(new URLSearchParams(query));
      const parsed = listQuerySchema.parse({ ...params, limit: '50' }) as ListQuery;
      const started = performance.now();
      const page = await listComplaints(ctx, actor, parsed);
      serviceTimes.push(performance.now() - started);
      if (page.nextCursor) {
        const again = performance.now();
        await listComplaints(ctx, actor, { ...parsed, cursor: page.nextCursor });
        serviceTimes.push(performance.now() - again);
      }
    }
  }
  await handle.close();

  const server = await startServer(url);
  const token = await logIn(server.baseUrl, email);
  const perQuery = new Map<string, number[]>();
  const httpTimes: number[] = [];
  for (let r = 0; r < repeats; r += 1) {
    for (const { name, query } of listQueries) {
      const get = async (extra: string) => {
        const started = performance.now();
        const response = await fetch(`${server.baseUrl}/api/v1/complaints?limit=50&${query}${extra}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await response.json()) as { nextCursor: string | null };
        if (!response.ok) throw new Error(`list failed: ${response.status} ${JSON.stringify(body)}`);
        const elapsed = performance.now() - started;
        httpTimes.push(elapsed);
        perQuery.set(name, [...(perQuery.get(name) ?? []), elapsed]);
        return body;
      };
      const first = await get('');
      if (first.nextCursor) await get(`&cursor=${first.nextCursor}`);
    }
  }
  await stopServer(server.child);
  httpTimes.sort((a, b) => a - b);
  serviceTimes.sort((a, b) => a - b);
  return { organisationSize: Number(largest.n), httpTimes, serviceTimes, perQuery };
}

/** 10,000 rights checks on facts drawn from synthetic complaints, beside validating the same inputs only. */
async function benchRights() {
  const count = 10_000;
  const random = new SeededRandom(5);
  const inputs: unknown[] = [...generateComplaints(count, 21, new Date('2026-11-01'))].map(({ input }) => ({
    origin: input.origin,
    destination: input.destination,
    sector: input.sector ?? null,
    recruitedOn: random.pick(['2009-06-01', '2012-03-01', '2016-09-15', '2023-01-10']),
    monthlyWage: { amount: random.int(50_000, 200_000), currency: 'MYR' },
    workerPaid: random.chance(0.6) ? [{ item: 'recruitment_fee', amount: random.int(0, 800_000), currency: random.pick(['MYR', 'USD']) }] : undefined,
    deductions: random.chance(0.5) ? [{ item: 'recruitment_fee', amount: random.int(0, 300_000), currency: 'MYR', month: '2012-04' }] : undefined,
    passportHeldBy: random.pick(['worker', 'employer', null]),
    restDaysPerWeek: random.pick([0, 1, null]),
    wagePayment: { method: random.pick(['cash', 'bank_account']), daysAfterPayDate: random.int(0, 20) },
    contractEndorsedBy: random.chance(0.5) ? ['ID_mission'] : [],
  }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-bench-rights-'));
  const { ctx, handle } = await openContext(loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'rights.db')}`, LOG_LEVEL: 'silent' }));
  await checkCase(ctx, rightsFactsSchema.parse(inputs[0]), 'en'); // loads the agreements once, as a running node has
  let started = performance.now();
  const parsed = inputs.map((input) => rightsFactsSchema.parse(input) as RightsFacts);
  const validation = performance.now() - started;
  started = performance.now();
  let findings = 0;
  for (const facts of parsed) findings += (await checkCase(ctx, facts, 'en')).findings.length;
  const checking = performance.now() - started;
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { count, validation, checking, findings };
}

/** Importing a licence list of 50,000 agencies, then matching typed names against it. */
async function benchAgencies() {
  const count = quick ? 2_000 : 50_000;
  const random = new SeededRandom(9);
  const words = ['Maju', 'Jaya', 'Abadi', 'Sentosa', 'Karya', 'Mandiri', 'Bintang', 'Timur', 'Global', 'Sejahtera', 'Putra', 'Utama', 'Prima', 'Nusantara', 'Harapan', 'Makmur', 'Sinar', 'Cahaya', 'Mulia', 'Bersama', 'Langit', 'Samudra', 'Gemilang', 'Perkasa', 'Indah'];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-bench-agencies-'));
  const file = path.join(dir, 'licences.csv');
  const names: string[] = [];
  const lines = ['Nama Perusahaan,Nomor Izin,Status Izin,Tanggal Terbit,Tanggal Berakhir,Alamat,Kota'];
  for (let i = 0; i < count; i += 1) {
    const name = `PT. ${random.pick(words)} ${random.pick(words)} ${random.pick(words)} ${i % 97}`;
    names.push(name);
    lines.push(`"${name}",KEP-${100000 + i},${random.pick(['Aktif', 'Aktif', 'Aktif', 'Dicabut', 'Dibekukan'])},01/0${random.int(1, 9)}/20${random.int(10, 23)},31/12/2030,"Jl. Merdeka ${i}",Jakarta`);
  }
  fs.writeFileSync(file, lines.join('\n'));
  const { ctx, handle } = await openContext(loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'agencies.db')}`, LOG_LEVEL: 'silent' }));
  let started = performance.now();
  const report = await importLicences(ctx, { kind: 'system' }, file, { country: 'ID' });
  const importMs = performance.now() - started;
  await matchAgencies(ctx, 'warm up'); // builds the name index once, as a running node has it
  const typed = Array.from({ length: quick ? 50 : 500 }, () => {
    const name = random.pick(names).replace('PT. ', random.pick(['', 'PT ', ''])).toLowerCase();
    return random.chance(0.5) ? name.replace(/a/, 'e') : `${name}, PT`;
  });
  const times: number[] = [];
  for (const name of typed) {
    started = performance.now();
    await matchAgencies(ctx, name, 'ID');
    times.push(performance.now() - started);
  }
  // Baseline: the same look-ups as an exact query on the licence-number index, the fastest a look-up can be.
  const exact: number[] = [];
  for (let i = 0; i < typed.length; i += 1) {
    started = performance.now();
    await ctx.db.selectFrom('agencies').select('id').where('issuing_country', '=', 'ID').where('licence_number', '=', `KEP-${100000 + i}`).execute();
    exact.push(performance.now() - started);
  }
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  exact.sort((a, b) => a - b);
  return { count, importMs, created: report.created, rejected: report.rejected.length, times, exact };
}

print(`Lintas benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB${quick ? ' — QUICK MODE (sizes too small to mean anything)' : ''}`);
print();
const databasesIndex = args.indexOf('--databases');
/** `--databases sqlite` or `--databases postgres` measures one database only (default: both, when PostgreSQL answers). */
const kinds: Array<'sqlite' | 'postgres'> =
  databasesIndex >= 0
    ? (args[databasesIndex + 1].split(',').filter((kind) => kind === 'sqlite' || kind === 'postgres') as Array<'sqlite' | 'postgres'>)
    : (await postgresAnswers())
      ? ['sqlite', 'postgres']
      : ['sqlite'];
if (databasesIndex < 0 && kinds.length === 1) print(`PostgreSQL at ${postgresUrl} did not answer: measured on SQLite only.`);
for (const kind of sections.includes('intake') ? kinds : []) {
  const intake = await benchIntake(kind);
  print(`Intake on ${kind} (${intakeSeconds} s each, synthetic forms averaging ${intake.workers.toFixed(1)} workers):`);
  print(`  HTTP API, logged-in user, 16 connections on loopback : ${intake.httpRate.toFixed(0)} complaints/s (latency p50 ${intake.latencyP50} ms, p97.5 ${intake.latencyP97} ms)`);
  print(`  repository layer, no HTTP (baseline)                 : ${intake.directRate.toFixed(0)} complaints/s`);
  print(`  ratio HTTP / repository                              : ${intake.ratio.toFixed(2)}   (target ≥ 0.50)`);
  print();
}
if (sections.includes('rights')) {
const rightsBench = await benchRights();
print(`Rights check (agreements of Table 2 and the ILO baseline, in memory):`);
print(`  ${rightsBench.count.toLocaleString('en')} checks                                : ${rightsBench.checking.toFixed(0)} ms, ${rightsBench.findings.toLocaleString('en')} findings   (target ≤ 2,000 ms)`);
print(`  validating the same inputs only (baseline)           : ${rightsBench.validation.toFixed(0)} ms`);
print(`  ratio check / validation                             : ${(rightsBench.checking / rightsBench.validation).toFixed(2)}`);
print();
}
if (sections.includes('agencies')) {
const agencyBench = await benchAgencies();
print(`Agency registry (${agencyBench.count.toLocaleString('en')} licences):`);
print(`  import of the list                                   : ${(agencyBench.importMs / 1000).toFixed(1)} s, ${agencyBench.created.toLocaleString('en')} agencies, ${agencyBench.rejected} rejected   (target ≤ 30 s at 50,000)`);
print(`  matching a typed name                                : p50 ${ms(percentile(agencyBench.times, 50))}, p95 ${ms(percentile(agencyBench.times, 95))}   (target p95 ≤ 50 ms)`);
print(`  exact licence-number look-up (baseline)              : p50 ${ms(percentile(agencyBench.exact, 50))}, p95 ${ms(percentile(agencyBench.exact, 95))}`);
print();
}
if (sections.includes('list')) {
const list = await benchList();
print(`Filtered, paginated list (50 per page, first and second page) on SQLite at ${listSize.toLocaleString('en')} complaints (largest organisation: ${list.organisationSize.toLocaleString('en')}):`);
for (const [name, times] of list.perQuery) {
  const sorted = [...times].sort((a, b) => a - b);
  print(`  ${name.padEnd(48)} p50 ${ms(percentile(sorted, 50)).padStart(9)}  p95 ${ms(percentile(sorted, 95)).padStart(9)}`);
}
print(`  all queries over HTTP          : p50 ${ms(percentile(list.httpTimes, 50))}, p95 ${ms(percentile(list.httpTimes, 95))} (${list.httpTimes.length} requests)   (target p95 ≤ 50 ms)`);
print(`  same queries, service layer    : p50 ${ms(percentile(list.serviceTimes, 50))}, p95 ${ms(percentile(list.serviceTimes, 95))} (baseline)`);
print(`  ratio HTTP p95 / service p95   : ${(percentile(list.httpTimes, 95) / percentile(list.serviceTimes, 95)).toFixed(2)}`);
}
if (sections.includes('export')) {
  // `--export-size N`: complaints in the exported database (default 1,000,000; cached like the list's).
  const exportSize = option('export-size', quick ? 3_000 : 1_000_000);
  for (const kind of kinds) {
    const url = await millionComplaintDatabase(kind, exportSize, { searchIndex: false });
    const [csv, xlsx, scan] = [await measureExport(url, 'csv'), await measureExport(url, 'xlsx'), await measureExport(url, 'scan')];
    print(`Export of ${csv.complaints.toLocaleString('en')} complaints on ${kind}, all columns (${csv.organisations} organisations one after another, largest ${csv.largestOrganisation.toLocaleString('en')}; each format in a child process of its own):`);
    const line = (label: string, m: typeof csv) =>
      print(`  ${label.padEnd(44)}: ${m.seconds.toFixed(1)} s, ${Math.round(m.rowsPerSecond).toLocaleString('en')} rows/s, peak RSS ${m.peakRssMegabytes.toFixed(0)} MB (${m.startRssMegabytes.toFixed(0)} MB before the first row)${m.megabytesWritten ? `, ${m.megabytesWritten.toFixed(0)} MB written` : ''}`);
    line('CSV (UTF-8, BOM)', csv);
    line('XLSX (streaming writer)', xlsx);
    line('rows read, not formatted (baseline)', scan);
    print(`  peak RSS target ≤ 300 MB: CSV ${csv.peakRssMegabytes <= 300 ? 'met' : 'MISSED'}, XLSX ${xlsx.peakRssMegabytes <= 300 ? 'met' : 'MISSED'}; time CSV / baseline ${(csv.seconds / scan.seconds).toFixed(2)}, XLSX / baseline ${(xlsx.seconds / scan.seconds).toFixed(2)}`);
    print();
  }
}
if (sections.includes('dashboard')) {
  // `--dashboard-size N`: complaints in the dashboard's database (default 1,000,000; cached like the list's).
  await benchDashboard({ size: option('dashboard-size', quick ? 3_000 : 1_000_000), repeats: option('dashboard-repeats', quick ? 3 : 20), kinds, print });
}
if (sections.includes('search')) {
  // `--search-size N`: complaints in the searched database (default 1,000,000; cached like the list's).
  await benchSearch({ size: option('search-size', quick ? 3_000 : 1_000_000), repeats: quick ? 2 : 5, kinds, print });
}
if (sections.includes('federation')) {
  const federation = await benchFederation({ quick });
  print(`Federation: referral messages between two nodes (two lintas processes on loopback, SQLite each, Ed25519-signed JWS):`);
  print(`  delivery delay, receiver up (${federation.delayCount} messages) : p50 ${ms(federation.delayP50)}, p95 ${ms(federation.delayP95)}   (from the commit that wrote the message to the commit that applied it)`);
  print(`  backlog of ${federation.backlog.toLocaleString('en')} delivered                    : ${federation.deliveredPerSecond.toFixed(0)} messages/s (in order, one at a time, each stored once)`);
  print(`  signed requests, checked, nothing stored (baseline) : ${federation.pingRate.toFixed(0)} requests/s (${federation.pings.toLocaleString('en')}, one at a time)`);
  print(`  ratio delivered / baseline                          : ${(federation.deliveredPerSecond / federation.pingRate).toFixed(2)}`);
  print();
}

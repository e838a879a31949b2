// Export benchmark: every complaint of the shared synthetic database (bench/million.ts) written to CSV and to
// XLSX by the export code, in a child process of its own so that its peak memory (maximum RSS) is the export's
// alone; beside it the baseline, the same rows read from the database without formatting them.
// An export holds one organisation's complaints, so the child exports each synthetic organisation in turn:
// all the rows go through one process, one organisation's file after another.
//
// Run by `npm run bench -- --only export` (bench/run.ts); `--export-size N` sets the number of complaints.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ExportBenchMode = 'csv' | 'xlsx' | 'scan';

export interface ExportMeasurement {
  mode: ExportBenchMode;
  complaints: number;
  organisations: number;
  largestOrganisation: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMegabytes: number;
  /** RSS once the code is loaded and the database open, before the first row: the runtime's share of the peak. */
  startRssMegabytes: number;
  megabytesWritten: number;
}

/** Runs one export mode over the database in a child process and answers what it measured. */
export function measureExport(databaseUrl: string, mode: ExportBenchMode): Promise<ExportMeasurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/export.ts'), '--child', databaseUrl, mode], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent', LINTAS_DEMO: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`export benchmark child (${mode}) exited ${code}: ${output}`));
      else resolve(JSON.parse(line) as ExportMeasurement);
    });
  });
}

/**
 * The most memory this process ever held, runtime and export together, in MB. Linux's VmHWM:
 * getrusage's maxRSS would not do, since a child inherits it from the process that spawned it (a benchmark that
 * has just seeded a database is large, and its child then reports the parent's peak, measured: 404 MB for a
 * child of 39). Elsewhere maxRSS is the best there is.
 */
function peakRssMegabytes(): number {
  const status = process.platform === 'linux' ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const kilobytes = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return (kilobytes ? Number(kilobytes) : process.resourceUsage().maxRSS) / 1024;
}

/** In the child: export (or only read) every organisation's complaints and print the figures as one JSON line. */
async function runChild(databaseUrl: string, mode: ExportBenchMode) {
  const { openContext } = await import('../src/bootstrap');
  const { loadConfig } = await import('../src/config');
  const { prepareComplaintExport } = await import('../src/modules/exchange/export-complaints');
  const { exportRecords } = await import('../src/modules/exchange/repository');
  const { exportQuerySchema } = await import('../src/modules/exchange/schema');
  const { ctx, handle } = await openContext(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), { searchIndex: false });
  const organisations = await ctx.db.selectFrom('organisations').select('id').orderBy('id').execute();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-export-bench-'));
  const { lang: _lang, ...query } = exportQuerySchema.parse({ personal: 'true', sort: 'received_at' });
  let complaints = 0;
  let largest = 0;
  let bytes = 0;
  const startRss = process.memoryUsage().rss;
  const started = performance.now();
  try {
    for (const { id } of organisations) {
      let count = 0;
      if (mode === 'scan') {
        const filter = { organisationId: id, sortColumn: 'received_at' as const, descending: false };
        const reader = ctx.openReader();
        for await (const _record of exportRecords(reader.db, filter, true)) count += 1;
        await reader.close();
      } else {
        const file = path.join(dir, `${id}.${mode}`);
        const prepared = await prepareComplaintExport(ctx, { kind: 'system' }, { kind: 'complaints', format: mode, query, language: 'en', organisationId: id });
        count = await prepared.write(fs.createWriteStream(file));
        bytes += fs.statSync(file).size;
        fs.rmSync(file);
      }
      complaints += count;
      largest = Math.max(largest, count);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await handle.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const measurement: ExportMeasurement = {
    mode,
    complaints,
    organisations: organisations.length,
    largestOrganisation: largest,
    seconds,
    rowsPerSecond: complaints / seconds,
    peakRssMegabytes: peakRssMegabytes(),
    startRssMegabytes: startRss / 1048576,
    megabytesWritten: bytes / 1048576,
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  await runChild(process.argv[childIndex + 1], process.argv[childIndex + 2] as ExportBenchMode);
  process.exit(0);
}

// Search at a million complaints (`npm run bench -- --only search`): indexing rate and query latency on SQLite
// and PostgreSQL, beside a plain `LIKE '%…%'` scan of the same complaints measured in the same run.
import os from 'node:os';
import { sql } from 'kysely';
import { openContext } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { buildSearchDocument } from '../src/modules/search/document';
import { deleteSearchDocuments, insertSearchDocuments, loadHighlightSources } from '../src/modules/search/repository';
import { highlightResults, searchComplaints } from '../src/modules/search/service';
import { lastIndexBuild, millionComplaintDatabase } from './million';

/** A mix of what desk officers type: words in each script, names (also in Latin letters), parts of words, one or two characters. */
export const searchBenchQueries: Array<{ kind: string; q: string }> = [
  { kind: 'word', q: 'เงินเดือน' },
  { kind: 'word', q: 'นายจ้าง' },
  { kind: 'word', q: 'พาสปอร์ต' },
  { kind: 'word', q: 'ប្រាក់ខែ' },
  { kind: 'word', q: 'លិខិតឆ្លងដែន' },
  { kind: 'word', q: 'ເງິນເດືອນ' },
  { kind: 'word', q: 'ນາຍໜ້າ' },
  { kind: 'word', q: 'လစာ' },
  { kind: 'word', q: 'ပွဲစား' },
  { kind: 'word', q: 'lương' },
  { kind: 'word', q: 'hộ chiếu' },
  { kind: 'word', q: 'gaji' },
  { kind: 'word', q: 'paspor' },
  { kind: 'word', q: 'sahod' },
  { kind: 'word', q: 'passport' },
  { kind: 'word', q: 'unpaid wages' },
  { kind: 'rare word', q: 'karaoke' },
  { kind: 'rare word', q: 'สตรอว์เบอร์รี่' },
  { kind: 'tones', q: 'luong' },
  { kind: 'tones', q: 'ho chieu' },
  { kind: 'name', q: 'សុខា' },
  { kind: 'name', q: 'Nguyễn Thị' },
  { kind: 'name', q: 'Siti' },
  { kind: 'latin', q: 'Sokha' },
  { kind: 'latin', q: 'Heng Sokha' },
  { kind: 'latin', q: 'Somchai' },
  { kind: 'latin', q: 'Aung Kyaw' },
  { kind: 'latin', q: 'Somsak Phommavong' },
  { kind: 'respondent', q: 'Sdn Bhd' },
  { kind: 'respondent', q: 'Manpower' },
  { kind: 'substring', q: 'จ้าง' },
  { kind: 'substring', q: 'ឆ្លង' },
  { kind: 'substring', q: 'ensat' },
  { kind: 'substring', q: 'tangan' },
  { kind: 'short', q: 'ปี' },
  { kind: 'short', q: 'Lê' },
  { kind: 'short', q: 'ka' },
  { kind: 'short', q: 'ខ' },
  { kind: 'short', q: 'zq' },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value: number) => `${value.toFixed(1)} ms`;

interface SearchBenchOptions {
  size: number;
  repeats: number;
  kinds: Array<'sqlite' | 'postgres'>;
  print: (line?: string) => void;
}

/** Runs the search benchmark on each database kind and prints its figures. */
export async function benchSearch({ size, repeats, kinds, print }: SearchBenchOptions): Promise<void> {
  for (const kind of kinds) {
    const url = await millionComplaintDatabase(kind, size);
    // millionComplaintDatabase built the index if it was missing (a new database, or one indexed by another ICU):
    // that is the full indexing run, timed there.
    const rebuild = lastIndexBuild.get(url);
    const { ctx, handle } = await openContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
    const db = ctx.db;
    const complaints = Number((await db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const indexed = Number((await db.selectFrom('complaint_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    // Indexing measured again on a sample, in transactions rolled back so the cached database is left as it was:
    // building the entries (segmentation, transliteration) and writing them, in batches of 2,000.
    const sampleSize = Math.min(complaints, size >= 100_000 ? 20_000 : 2_000);
    const sampleIds = (await db.selectFrom('complaints').select('id').orderBy('received_at').orderBy('id').limit(sampleSize).execute()).map((row) => row.id);
    const sample = [...(await loadHighlightSources(db, sampleIds)).values()];
    const started = performance.now();
    const buildCpuStart = process.cpuUsage();
    const documents = sample.map(buildSearchDocument);
    const buildSeconds = (performance.now() - started) / 1000;
    const buildCpu = process.cpuUsage(buildCpuStart);
    const buildCpuSeconds = (buildCpu.user + buildCpu.system) / 1e6;
    let writeSeconds = 0;
    let writeCpuSeconds = 0;
    for (let i = 0; i < documents.length; i += 2000) {
      const batch = documents.slice(i, i + 2000);
      await db
        .transaction()
        .execute(async (trx) => {
          // These complaints are indexed already: take them out, time writing them again, then roll back.
          await deleteSearchDocuments(trx, batch.map((d) => d.complaintId));
          const writing = performance.now();
          const writingCpu = process.cpuUsage();
          await insertSearchDocuments(trx, batch);
          writeSeconds += (performance.now() - writing) / 1000;
          const usedCpu = process.cpuUsage(writingCpu);
          writeCpuSeconds += (usedCpu.user + usedCpu.system) / 1e6;
          throw new RollBack();
        })
        .catch((error) => {
          if (!(error instanceof RollBack)) throw error;
        });
    }

    const largest = await db
      .selectFrom('complaints')
      .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('organisation_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const organisationId = largest.organisation_id;

    const searchTimes: number[] = [];
    const likeTimes: number[] = [];
    // CPU time of this process per query: on SQLite (in-process) it is the work itself, whatever else the machine
    // runs; on PostgreSQL the server's share is not in it.
    const searchCpu: number[] = [];
    const likeCpu: number[] = [];
    const perKind = new Map<string, number[]>();
    const resultCounts = new Map<string, number>();
    const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    for (let r = 0; r < repeats; r += 1) {
      for (const { kind: queryKind, q } of searchBenchQueries) {
        // What the list does with q: rank the organisation's matches, then highlight a page of 50.
        let t = performance.now();
        const cpu = process.cpuUsage();
        const ranked = await searchComplaints(db, organisationId, q);
        await highlightResults(db, ranked.plan, ranked.complaintIds.slice(0, 50), true);
        const elapsed = performance.now() - t;
        const used = process.cpuUsage(cpu);
        searchCpu.push((used.user + used.system) / 1000);
        searchTimes.push(elapsed);
        perKind.set(queryKind, [...(perKind.get(queryKind) ?? []), elapsed]);
        resultCounts.set(q, ranked.complaintIds.length);
        // Baseline: the naive search, a LIKE scan of the organisation's narratives, newest first, one page.
        t = performance.now();
        const likeCpuStart = process.cpuUsage();
        await sql`
          select id from complaints
          where organisation_id = ${organisationId} and narrative_text like ${like(q)} escape '\\'
          order by received_at desc limit 50`.execute(db);
        likeTimes.push(performance.now() - t);
        const likeUsed = process.cpuUsage(likeCpuStart);
        likeCpu.push((likeUsed.user + likeUsed.system) / 1000);
      }
    }
    await handle.close();
    for (const list of [searchTimes, likeTimes, searchCpu, likeCpu]) list.sort((a, b) => a - b);

    print(`Search on ${kind} at ${complaints.toLocaleString('en')} complaints (${indexed.toLocaleString('en')} indexed; largest organisation ${Number(largest.n).toLocaleString('en')}), ICU ${process.versions.icu}:`);
    if (rebuild) {
      const what = rebuild.resumedFrom ? `index build resumed at ${rebuild.resumedFrom.toLocaleString('en')}`.padEnd(49) : 'full index build (as lintas search reindex)       ';
      print(`  ${what}: ${rebuild.seconds.toFixed(0)} s, ${Math.round(rebuild.complaints / rebuild.seconds).toLocaleString('en')} complaints/s   (target ≥ 1,000/s)`);
    } else {
      print('  full index build                                  : not in this run (index already built; `lintas search reindex` times one)');
    }
    print(`  indexing a sample of ${sampleSize.toLocaleString('en')}, entries built        : ${Math.round(sampleSize / buildSeconds).toLocaleString('en')} complaints/s`);
    print(`  indexing a sample of ${sampleSize.toLocaleString('en')}, entries written      : ${Math.round(sampleSize / writeSeconds).toLocaleString('en')} complaints/s`);
    print(`  indexing a sample, together                       : ${Math.round(sampleSize / (buildSeconds + writeSeconds)).toLocaleString('en')} complaints/s   (target ≥ 1,000/s)`);
    print(`  the same per second of this process's CPU time     : ${Math.round(sampleSize / (buildCpuSeconds + writeCpuSeconds)).toLocaleString('en')} complaints/s (entries built ${Math.round(sampleSize / buildCpuSeconds).toLocaleString('en')}/s)`);
    for (const [queryKind, times] of perKind) {
      const sorted = [...times].sort((a, b) => a - b);
      print(`  ${queryKind.padEnd(48)} p50 ${ms(percentile(sorted, 50)).padStart(9)}  p95 ${ms(percentile(sorted, 95)).padStart(9)}`);
    }
    print(`  all ${searchBenchQueries.length} queries ×${repeats}, ranked + page highlighted : p50 ${ms(percentile(searchTimes, 50))}, p95 ${ms(percentile(searchTimes, 95))}   (target p95 ≤ 150 ms)`);
    print(`  LIKE '%…%' scan of narratives, one page (baseline): p50 ${ms(percentile(likeTimes, 50))}, p95 ${ms(percentile(likeTimes, 95))}`);
    print(`  CPU time in this process, search / LIKE baseline  : p50 ${ms(percentile(searchCpu, 50))} / ${ms(percentile(likeCpu, 50))}, p95 ${ms(percentile(searchCpu, 95))} / ${ms(percentile(likeCpu, 95))}`);
    print(`  load average while measured                       : ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores`);
    const empty = [...resultCounts].filter(([, n]) => n === 0).map(([q]) => q);
    if (empty.length) print(`  queries without results: ${empty.join(', ')}`);
    print();
  }
}

class RollBack extends Error {}

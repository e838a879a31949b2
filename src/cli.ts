import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { buildApp } from './app';
import { openContext } from './bootstrap';
import type { EnsureSearchIndexOptions } from './modules/search/service';
import { ConfigError, loadConfig } from './config';
import { pickLanguage, translator } from './lib/i18n';
import { roles, type Role } from './modules/auth/actor';
import { verifyAuditChain } from './modules/audit/service';
import { countOrganisations, findOrganisation } from './modules/organisations/repository';
import { organisationTypes } from './modules/organisations/schema';
import { createOrganisation } from './modules/organisations/service';
import { countUsers } from './modules/users/repository';
import { createUser } from './modules/users/service';

// The command speaks the language of the terminal (LANG, such as th_TH.UTF-8), English otherwise.
const language = pickLanguage(process.env.LINTAS_LANG ?? process.env.LANG?.split(/[._]/)[0]);
const t = translator(language, 'cli');
const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

const positiveInteger = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number');
  return number;
};

/** Opens the configured database (migrated) and runs `work` with it, closing it afterwards. */
async function withContext<T>(work: (opened: Awaited<ReturnType<typeof openContext>>) => Promise<T>): Promise<T> {
  const opened = await openContext(loadConfig());
  try {
    return await work(opened);
  } finally {
    await opened.handle.close();
  }
}

function progressBar(label: string, total: number) {
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} ETA {eta_formatted}`, hideCursor: true, noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 5000 }, Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}

const program = new Command('lintas').description(t('description'));

program
  .command('start')
  .description('Migrate the database, add demo data to an empty one, and serve Lintas')
  .action(async () => {
    const config = loadConfig();
    // The server does not wait for a rebuild of the search index (an hour at a million complaints): it rebuilds
    // in the background, and the list tells searchers how far it has come.
    const { ctx, handle, applied } = await openContext(config, { search: backgroundRebuildProgress() });
    if (applied.length) say(t('migrated', { count: applied.length }));
    let demo: Awaited<ReturnType<typeof import('./modules/demo/seed-demo').seedDemo>> | undefined;
    const empty = (await countOrganisations(ctx.db)) === 0;
    if (empty && config.seedDemo) {
      say(t('demoSeeding'));
      // Loaded only when needed: the synthetic corpus is large and a running node rarely needs it.
      const { seedDemo } = await import('./modules/demo/seed-demo');
      demo = await seedDemo(ctx);
      say(t('demoSeeded'));
    }
    if (config.initialAdmin && (await countUsers(ctx.db)) === 0) {
      const organisation = await createOrganisation(ctx, { kind: 'system' }, { name: 'Lintas node', type: 'ngo', country: 'KH', languages: ['en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false });
      await createUser(ctx, { kind: 'system' }, { ...config.initialAdmin, name: 'System administrator', role: 'system_admin', organisationId: organisation.id });
      say(t('adminCreated', { email: config.initialAdmin.email }));
    }
    const app = await buildApp(ctx);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl ?? `http://localhost:${port}`;
    say(t('listening', { url }));
    say(t('apiDocs', { url: `${url}/api/docs` }));
    if (demo) {
      say(t('demoLogins', { password: demo.password }));
      for (const login of demo.logins) say(`  ${login.email.padEnd(26)} ${login.role.padEnd(13)} ${login.organisation}`);
    }
    say(t('stopHint'));
    const stop = async () => {
      say(t('stopping'));
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    await withContext(async ({ applied }) => say(t('migrated', { count: applied.length })));
  });

const organisation = program.command('organisation').description('Manage organisations');
organisation
  .command('create')
  .requiredOption('--name <name>')
  .requiredOption('--type <type>', organisationTypes.join(', '))
  .requiredOption('--country <code>', 'ISO 3166 alpha-2')
  .option('--languages <codes>', 'comma-separated language codes', 'en')
  .option('--public', 'accepts complaints from the public form', false)
  .action((options) =>
    withContext(async ({ ctx }) => {
      const created = await createOrganisation(ctx, { kind: 'system' }, {
        name: options.name,
        type: options.type,
        country: String(options.country).toUpperCase(),
        languages: String(options.languages).split(','),
        firstActionDays: 10,
        resolutionDays: 90,
        acceptsPublicComplaints: Boolean(options.public),
      });
      say(t('organisationCreated', { name: created.name, id: created.id }));
    }),
  );

const user = program.command('user').description('Manage users');
user
  .command('create')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--organisation <id>', 'organisation id')
  .requiredOption('--role <role>', roles.join(', '))
  .option('--password <password>', 'or set LINTAS_USER_PASSWORD (keeps it out of the shell history)')
  .action((options) =>
    withContext(async ({ ctx }) => {
      const password = options.password ?? process.env.LINTAS_USER_PASSWORD;
      if (!password) throw new Error(t('passwordMissing'));
      if (!roles.includes(options.role)) throw new InvalidArgumentError(`role: ${roles.join(', ')}`);
      if (!(await findOrganisation(ctx.db, options.organisation))) throw new Error(`organisation ${options.organisation}`);
      const created = await createUser(ctx, { kind: 'system' }, { email: options.email, name: options.name, organisationId: options.organisation, role: options.role as Role, password });
      say(t('userCreated', { email: created.email, role: created.role }));
    }),
  );

program
  .command('seed')
  .description('Add demo data (--demo) or N synthetic complaints (--synthetic N)')
  .option('--demo', 'demo organisations, users and complaints (empty database only)')
  .option('--synthetic <count>', 'number of synthetic complaints', positiveInteger)
  .option('--seed <seed>', 'random seed: the same seed gives the same complaints', positiveInteger, 1)
  .option('--until <date>', 'end of the five years the complaints spread over (YYYY-MM-DD); today by default')
  .action((options) =>
    withContext(async ({ ctx }) => {
      if (options.demo) {
        if ((await countOrganisations(ctx.db)) > 0) {
          say(t('demoExists'));
          return;
        }
        const { seedDemo } = await import('./modules/demo/seed-demo');
        const demo = await seedDemo(ctx);
        say(t('demoSeeded'));
        say(t('demoLogins', { password: demo.password }));
        for (const login of demo.logins) say(`  ${login.email.padEnd(26)} ${login.role.padEnd(13)} ${login.organisation}`);
      }
      if (options.synthetic) {
        const { seedSynthetic } = await import('./modules/synthetic/seed-synthetic');
        const started = performance.now();
        const bar = progressBar(t('syntheticProgress'), options.synthetic);
        await seedSynthetic(ctx, { count: options.synthetic, seed: options.seed, until: options.until ? new Date(options.until) : undefined, onProgress: (n) => bar.update(n) });
        bar.stop();
        say(t('syntheticDone', { count: options.synthetic, seconds: ((performance.now() - started) / 1000).toFixed(1), seed: options.seed }));
      }
    }),
  );

const agencies = program.command('agencies').description('The recruitment agency registry');
agencies
  .command('import <file>')
  .description('Import an official licence list (CSV or XLSX): new agencies are added, known licence numbers updated')
  .requiredOption('--country <code>', 'the country that issued the licences (ISO 3166 alpha-2)')
  .option('--map <file>', 'JSON mapping of columns and status words (see docs/OPERATIONS.md)')
  .option('--dry-run', 'check every row and report, without writing anything')
  .action((file: string, options: { country: string; map?: string; dryRun?: boolean }) =>
    withContext(async ({ ctx }) => {
      const { importMappingSchema } = await import('./modules/agencies/schema');
      const { importLicences } = await import('./modules/agencies/service');
      const { isCountryCode } = await import('./lib/codes');
      const country = options.country.toUpperCase();
      if (!isCountryCode(country)) throw new InvalidArgumentError(`--country ${options.country}`);
      const mapping = options.map ? importMappingSchema.parse(JSON.parse(fs.readFileSync(options.map, 'utf8'))) : undefined;
      let bar: SingleBar | undefined;
      const report = await importLicences(ctx, { kind: 'system' }, file, {
        country,
        mapping,
        dryRun: options.dryRun,
        onProgress: (done, total) => {
          bar ??= progressBar(t('agenciesProgress'), total);
          bar.update(done);
        },
      });
      bar?.stop();
      const server = translator(language, 'server');
      say(t(report.dryRun ? 'agenciesDryRun' : 'agenciesDone', { total: report.total, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length }));
      for (const row of report.rejected) {
        say(`  ${t('agenciesLine', { line: row.line })}: ${row.reasons.map((r) => server(`importReason.${r.code}`, { value: r.value ?? '' })).join('; ')}`);
      }
    }),
  );

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];
program
  .command('export')
  .argument('<what>', 'complaints, or htcds (complaints with trafficking indicators, as HTCDS fields)')
  .description("Write an organisation's complaints to CSV or XLSX (de-identified unless --personal), streamed, audited")
  .requiredOption('--organisation <id>', 'organisation id')
  .requiredOption('--out <file>', 'where to write it')
  .option('--format <format>', 'csv or xlsx', 'csv')
  .option('--personal', 'with names, contacts, documents and narratives')
  .option('--language <code>', 'language of the column headers', language)
  .option('--state <states>', 'comma-separated states', collect)
  .option('--channel <channels>', 'comma-separated channels', collect)
  .option('--origin <codes>', 'comma-separated countries of origin', collect)
  .option('--destination <codes>', 'comma-separated countries of destination', collect)
  .option('--grievance <code>')
  .option('--stage <stage>')
  .option('--received-from <date>', 'YYYY-MM-DD')
  .option('--received-to <date>', 'YYYY-MM-DD')
  .action((what: string, options) =>
    withContext(async ({ ctx }) => {
      const { exportQuerySchema } = await import('./modules/exchange/schema');
      const { prepareComplaintExport } = await import('./modules/exchange/export-complaints');
      if (what !== 'complaints' && what !== 'htcds') throw new InvalidArgumentError('complaints or htcds');
      if (options.format !== 'csv' && options.format !== 'xlsx') throw new InvalidArgumentError('--format csv|xlsx');
      const query = exportQuerySchema.parse({
        state: options.state?.join(','),
        channel: options.channel?.join(','),
        origin: options.origin?.join(','),
        destination: options.destination?.join(','),
        grievance: options.grievance,
        stage: options.stage,
        receivedFrom: options.receivedFrom,
        receivedTo: options.receivedTo,
        personal: options.personal ? 'true' : 'false',
      });
      const { lang: _lang, ...filters } = query;
      const prepared = await prepareComplaintExport(ctx, { kind: 'system' }, { kind: what, format: options.format, query: filters, language: pickLanguage(options.language), organisationId: options.organisation });
      fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      const count = await prepared.write(fs.createWriteStream(options.out));
      say(t('exportDone', { count, file: options.out }));
    }),
  );

const importCommand = program.command('import').description('Bring records in from files');
importCommand
  .command('complaints <file>')
  .description('Import complaints from CSV or XLSX: bad rows are reported by line and reason, rows imported before are skipped')
  .requiredOption('--organisation <id>', 'the organisation that receives them')
  .option('--map <file>', 'JSON: columns, defaults and value words (see src/modules/exchange/README.md)')
  .option('--dry-run', 'check every row and report, without writing anything')
  .action((file: string, options: { organisation: string; map?: string; dryRun?: boolean }) =>
    withContext(async ({ ctx }) => {
      const { complaintImportMappingSchema } = await import('./modules/exchange/schema');
      const { importComplaints } = await import('./modules/exchange/import-complaints');
      const { describeImportReason } = await import('./modules/exchange/translations');
      const mapping = options.map ? complaintImportMappingSchema.parse(JSON.parse(fs.readFileSync(options.map, 'utf8'))) : undefined;
      let bar: SingleBar | undefined;
      const report = await importComplaints(ctx, { kind: 'system' }, file, {
        organisationId: options.organisation,
        mapping,
        dryRun: options.dryRun,
        onProgress: (done, total) => {
          bar ??= progressBar(t('importProgress'), total);
          bar.update(done);
        },
      });
      bar?.stop();
      say(t(report.dryRun ? 'importDryRun' : 'importDone', { total: report.total, imported: report.imported, duplicates: report.duplicates, rejected: report.rejected.length }));
      for (const row of report.rejected) say(`  ${t('agenciesLine', { line: row.line })}: ${row.reasons.map((r) => describeImportReason(language, r)).join('; ')}`);
      if (report.rejected.length) process.exitCode = 4;
    }),
  );

/** What `start` and `search reindex` show while the search index is rebuilt: a line, then a progress bar. */
function searchRebuildProgress() {
  let bar: ReturnType<typeof progressBar> | undefined;
  return {
    onRebuild: (count: number) => say(t('searchRebuilding', { count })),
    onProgress: (done: number, total: number) => {
      if (total === 0) return;
      bar ??= progressBar(t('searchProgress'), total);
      bar.setTotal(total);
      bar.update(done);
      if (done >= total) bar.stop();
    },
  };
}

/** What `start` prints of a search index rebuilt in the background: a line at start, every tenth, and at the end. */
function backgroundRebuildProgress(): EnsureSearchIndexOptions {
  const started = performance.now();
  let reported = -1;
  return {
    background: true,
    // Smaller pages than a foreground rebuild: on SQLite a page's write holds the server's only thread.
    batchSize: 500,
    onRebuild: (count) => say(t('searchRebuildingBackground', { count })),
    onProgress: (done, total) => {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth === reported) return;
      reported = tenth;
      if (tenth >= 10) say(t('searchReindexed', { count: done, seconds: ((performance.now() - started) / 1000).toFixed(1), icu: process.versions.icu ?? '-' }));
      else if (tenth > 0) say(t('searchBackgroundProgress', { done, total, percent: tenth * 10 }));
    },
    onError: (error) => say(t('searchRebuildFailed', { message: error instanceof Error ? error.message : String(error) })),
  };
}

const search = program.command('search').description('The complaint search index');
search
  .command('reindex')
  .description('Rebuild the search index of every complaint (done at start by itself when the ICU version changes)')
  .action(async () => {
    const started = performance.now();
    let count: number | undefined;
    const progress = searchRebuildProgress();
    // Opening rebuilds a stale index by itself; otherwise rebuild it here.
    const opened = await openContext(loadConfig(), { search: { ...progress, onRebuild: (total) => void (count = total) } });
    try {
      if (count === undefined) {
        const { rebuildSearchIndex } = await import('./modules/search/service');
        count = await rebuildSearchIndex(opened.ctx.db, { onProgress: progress.onProgress });
      }
      say(t('searchReindexed', { count, seconds: ((performance.now() - started) / 1000).toFixed(1), icu: process.versions.icu ?? '-' }));
    } finally {
      await opened.handle.close();
    }
  });

const node = program.command('node').description('This node in a federation of Lintas nodes (LINTAS_NODE_ID, LINTAS_NODE_URL)');
node
  .command('show')
  .description("Print this node's id, address and public key: give them to partner nodes' administrators")
  .action(() =>
    withContext(async ({ ctx }) => {
      const { publicNodeIdentity } = await import('./modules/federation/partners');
      say(JSON.stringify(await publicNodeIdentity(ctx), null, 2));
    }),
  );

const partner = program.command('partner').description('Partner nodes this node trusts');
partner
  .command('add')
  .description("Register a partner node from the JSON its administrator gave you (the output of their 'lintas node show')")
  .requiredOption('--identity <file>', "JSON file: { nodeId, url, publicKey }")
  .option('--name <name>', 'a name to show for the partner')
  .action((options: { identity: string; name?: string }) =>
    withContext(async ({ ctx }) => {
      const { partnerInputSchema, registerPartner } = await import('./modules/federation/partners');
      const identity = JSON.parse(fs.readFileSync(options.identity, 'utf8')) as { nodeId: string; url: string; publicKey: unknown };
      const input = partnerInputSchema.parse({ ...identity, name: options.name ?? identity.nodeId });
      const registered = await registerPartner(ctx, { kind: 'system' }, input);
      say(t('partnerAdded', { node: registered.nodeId, url: registered.url }));
    }),
  );

const rights = program.command('rights').description('Agreements and rights');
rights
  .command('check <file>')
  .description('Check the facts of a case (a JSON file, as POST /api/v1/rights/check takes) against the agreements in force')
  .option('--json', 'print the whole answer as JSON')
  .action((file: string, options: { json?: boolean }) =>
    withContext(async ({ ctx }) => {
      const { rightsFactsSchema } = await import('./modules/agreements/schema');
      const { checkCase } = await import('./modules/agreements/service');
      const parsed = rightsFactsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const result = await checkCase(ctx, parsed.data, language);
      if (options.json) return say(JSON.stringify(result, null, 2));
      say(t('rightsAgreements', { count: result.agreements.length }));
      for (const agreement of result.agreements) say(`  ${agreement.title}`);
      for (const finding of result.findings) {
        say(`${t(`rightsStatus.${finding.status}`).padEnd(12)} ${finding.message}`);
        say(`${' '.repeat(13)}${finding.agreementTitle} — ${finding.clause}`);
      }
      if (result.findings.some((f) => f.status === 'breach')) process.exitCode = 3;
    }),
  );

program
  .command('backup')
  .description('Write a consistent copy of the database while Lintas runs')
  .option('--out <file>', 'where to write it', `backups/lintas-${new Date().toISOString().replace(/[:.]/g, '-')}`)
  .action((options) =>
    withContext(async ({ handle }) => {
      fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      if (handle.dialect === 'sqlite') {
        const file = options.out.endsWith('.db') ? options.out : `${options.out}.db`;
        const { sql } = await import('kysely');
        // VACUUM INTO writes a consistent, compacted copy without stopping writers for long.
        await sql`VACUUM INTO ${path.resolve(file)}`.execute(handle.db);
        say(t('backupDone', { file, megabytes: (fs.statSync(file).size / 1048576).toFixed(1) }));
      } else {
        const file = options.out.endsWith('.dump') ? options.out : `${options.out}.dump`;
        const result = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, loadConfig().databaseUrl], { stdio: 'inherit' });
        if (result.status !== 0) throw new Error(t('backupPgDump'));
        say(t('backupDone', { file, megabytes: (fs.statSync(file).size / 1048576).toFixed(1) }));
      }
    }),
  );

const audit = program.command('audit').description('The audit log');
audit
  .command('verify')
  .description('Recompute the hash chain of the audit log and report the first entry that was changed')
  .action(() =>
    withContext(async ({ ctx }) => {
      let bar: SingleBar | undefined;
      const result = await verifyAuditChain(ctx.db, (checked, total) => {
        bar ??= progressBar(t('auditProgress'), total);
        bar.update(checked);
      });
      bar?.stop();
      if (result.ok) say(t('auditOk', { count: result.entries }));
      else {
        say(t('auditBroken', { seq: result.brokenAt, problem: result.problem }));
        process.exitCode = 2;
      }
    }),
  );

program
  .command('bench')
  .description('Run the benchmarks in bench/ and print their figures (options: --quick, --list-size N, --intake-seconds S)')
  .allowUnknownOption()
  .allowExcessArguments()
  .action(async () => {
    await import('../bench/run');
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${t('configInvalid')}\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  } else {
    process.stderr.write(`${t('failed', { message: error instanceof Error ? error.message : String(error) })}\n`);
  }
  process.exit(1);
}

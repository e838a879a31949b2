import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { isPostgres } from './dialect';
import * as core from './migrations/20261128_0001_core';
import * as listIndexes from './migrations/20261128_0002_list_indexes';
import * as agreements from './migrations/20261128_0003_agreements';
import * as complaintRightsFacts from './migrations/20261128_0004_complaint_rights_facts';
import * as agencies from './migrations/20261128_0005_agencies';
import * as agencyOversight from './migrations/20261128_0006_agency_oversight';
import * as agencyLicenceIndex from './migrations/20261128_0007_agency_licence_index';
import * as referrals from './migrations/20261206_0008_referrals';
import * as dashboard from './migrations/20261206_0010_dashboard';
import * as search from './migrations/20261206_0009_search';
import * as complaintFacts from './migrations/20261207_0011_complaint_facts';
import * as searchScope from './migrations/20261207_0012_search_scope';
import * as factsByCode from './migrations/20261207_0013_facts_by_code';
import * as corridorIndex from './migrations/20261207_0014_corridor_index';
import * as trigramScope from './migrations/20261207_0015_trigram_scope';
import * as dayCounts from './migrations/20261207_0016_day_counts';
import * as searchNames from './migrations/20261207_0017_search_names';
import * as trigramByScope from './migrations/20261207_0018_trigram_by_scope';

// Migrations are listed here rather than read from the folder, so that they load the same way under tsx,
// in tests and in a bundled build. Names sort by date; append new ones at the end.
const migrations: Record<string, Migration> = {
  '20261128_0001_core': core,
  '20261128_0002_list_indexes': listIndexes,
  '20261128_0003_agreements': agreements,
  '20261128_0004_complaint_rights_facts': complaintRightsFacts,
  '20261128_0005_agencies': agencies,
  '20261128_0006_agency_oversight': agencyOversight,
  '20261128_0007_agency_licence_index': agencyLicenceIndex,
  '20261206_0008_referrals': referrals,
  '20261206_0010_dashboard': dashboard,
  '20261206_0009_search': search,
  '20261207_0011_complaint_facts': complaintFacts,
  '20261207_0012_search_scope': searchScope,
  '20261207_0013_facts_by_code': factsByCode,
  '20261207_0014_corridor_index': corridorIndex,
  '20261207_0015_trigram_scope': trigramScope,
  '20261207_0016_day_counts': dayCounts,
  '20261207_0017_search_names': searchNames,
  '20261207_0018_trigram_by_scope': trigramByScope,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // On PostgreSQL, name the schema: otherwise Kysely looks for its tables in every schema and can find
  // another database's (another node's, or another test's) in the same server.
  const schema = isPostgres(db) ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0].schema : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'lintas_migrations',
    migrationLockTableName: 'lintas_migration_lock',
    // Features are built side by side: a database may have a later migration before an earlier one lands.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

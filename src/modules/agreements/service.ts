import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { AgreementTable, Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { Language } from '../../lib/i18n';
import { nowIso } from '../../lib/time';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policies';
import { recordAudit } from '../audit/service';
import { AgreementIndex, applicableProvisions, checkRights, summariseAgreement } from './check-rights';
import { ExchangeRates } from './exchange-rates';
import {
  findAgreementRow,
  insertMissingAgreementRows,
  insertMissingExchangeRateRows,
  listAgreementRows,
  listExchangeRateRows,
  upsertAgreementRow,
  upsertExchangeRateRow,
} from './repository';
import { type Agreement, type AgreementInput, agreementSchema, type RightsFacts } from './schema';
import { iloBaseline, provisionsByAgreement, seededExchangeRates } from './seed-provisions';
import { table2Agreements } from './seed-table2';

function toRow(agreement: Agreement, seeded: boolean): AgreementTable {
  return {
    id: agreement.id,
    origin: agreement.origin,
    destination: agreement.destination,
    destination_region: agreement.destinationRegion,
    effective_from: agreement.effectiveFrom,
    expires_on: agreement.expiresOn,
    status: agreement.status,
    body: JSON.stringify(agreement),
    seeded: seeded ? 1 : 0,
    updated_at: nowIso(),
  };
}

/** The agreements of the paper's Table 2 with the provisions of Boxes 9 and 10, and the ILO baseline, validated. */
export function seededAgreements(): Agreement[] {
  return [...table2Agreements, iloBaseline].map((input: AgreementInput) =>
    agreementSchema.parse({ ...input, provisions: [...(input.provisions ?? []), ...(provisionsByAgreement[input.id] ?? [])] }),
  );
}

/** Adds the seeded agreements and exchange rates a database lacks; edits made since are kept. */
export async function ensureAgreementReferenceData(db: Kysely<Database>): Promise<void> {
  const now = nowIso();
  await insertMissingAgreementRows(db, seededAgreements().map((a) => toRow(a, true)));
  await insertMissingExchangeRateRows(db, seededExchangeRates.map((r) => ({ base: r.base, quote: r.quote, valid_on: r.validOn, rate: r.rate, source: r.source, updated_at: now })));
}

// The agreements and rates are few and read on every check: they are kept in memory per database and rebuilt
// after a change through this service.
const caches = new WeakMap<object, Promise<{ index: AgreementIndex; rates: ExchangeRates; agreements: Agreement[] }>>();

async function loadReference(db: Kysely<Database>) {
  const agreements = (await listAgreementRows(db)).map((row) => JSON.parse(row.body) as Agreement);
  const baseline = agreements.find((a) => a.type === 'baseline') ?? agreementSchema.parse(iloBaseline);
  const rates = (await listExchangeRateRows(db)).map((r) => ({ base: r.base, quote: r.quote, validOn: r.valid_on, rate: Number(r.rate), source: r.source }));
  return { index: new AgreementIndex(agreements, baseline), rates: new ExchangeRates(rates), agreements };
}

function reference(ctx: AppContext) {
  let cached = caches.get(ctx.db);
  if (!cached) {
    cached = loadReference(ctx.db);
    caches.set(ctx.db, cached);
    cached.catch(() => caches.delete(ctx.db));
  }
  return cached;
}

const forget = (ctx: AppContext) => caches.delete(ctx.db);

/** Checks a case's facts against the agreements in force and the ILO baseline; messages in `language`. */
export async function checkCase(ctx: AppContext, facts: RightsFacts, language: Language) {
  const { index, rates } = await reference(ctx);
  return checkRights(index, rates, facts, language);
}

/** All agreements, or those of one corridor, newest first within each corridor. */
export async function listAgreements(ctx: AppContext, filter: { origin?: string; destination?: string } = {}) {
  const { agreements } = await reference(ctx);
  return agreements.filter((a) => (!filter.origin || a.origin === filter.origin) && (!filter.destination || a.destination === filter.destination));
}

export async function getAgreement(ctx: AppContext, id: string): Promise<Agreement> {
  const row = await findAgreementRow(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return JSON.parse(row.body) as Agreement;
}

/** Creates or replaces an agreement with its provisions (system administrators). */
export async function saveAgreement(ctx: AppContext, actor: Actor, agreement: Agreement) {
  authorize(actor, 'agreement.manage');
  await ctx.db.transaction().execute(async (trx) => {
    await upsertAgreementRow(trx, toRow(agreement, false));
    await recordAudit(trx, actor, [{ action: 'agreement.save', entityType: 'agreement', entityId: agreement.id, details: { provisions: agreement.provisions.length } }]);
  });
  forget(ctx);
  return agreement;
}

export async function listExchangeRates(ctx: AppContext) {
  return (await listExchangeRateRows(ctx.db)).map((r) => ({ base: r.base, quote: r.quote, validOn: r.valid_on, rate: Number(r.rate), source: r.source }));
}

/** Adds or corrects a dated exchange rate (system administrators). */
export async function saveExchangeRate(ctx: AppContext, actor: Actor, rate: { base: string; quote: string; validOn: string; rate: number; source: string }) {
  authorize(actor, 'agreement.manage');
  await ctx.db.transaction().execute(async (trx) => {
    await upsertExchangeRateRow(trx, { base: rate.base, quote: rate.quote, valid_on: rate.validOn, rate: String(rate.rate), source: rate.source, updated_at: nowIso() });
    await recordAudit(trx, actor, [{ action: 'exchange_rate.save', entityType: 'exchange_rate', entityId: `${rate.base}/${rate.quote}/${rate.validOn}` }]);
  });
  forget(ctx);
  return rate;
}

/** What applies to a corridor and sector on a date, for the "know your rights" pages: agreements and provisions. */
export async function rightsOverview(ctx: AppContext, corridor: { origin: string; destination: string; sector?: string | null; region?: string | null; on: string }) {
  const { index } = await reference(ctx);
  const { agreements, provisions } = applicableProvisions(index, { origin: corridor.origin, destination: corridor.destination, sector: corridor.sector ?? null, destinationRegion: corridor.region ?? null, recruitedOn: corridor.on });
  return {
    on: corridor.on,
    agreements: agreements.map(summariseAgreement),
    provisions: provisions.map(({ agreement, provision }) => ({ agreementId: agreement.id, agreementTitle: agreement.title, baseline: agreement.type === 'baseline', clause: provision.clause, source: provision.source, data: provision.data })),
  };
}

import type { TFunction } from 'i18next';
import { type Language, translator } from '../../lib/i18n';
import type { ExchangeRate, ExchangeRates } from './exchange-rates';
import { minorDigits } from './exchange-rates';
import type { Agreement, AgreementSector, FeeItem, Finding, Provision, ProvisionData, RightsFacts } from './schema';

/** ISIC codes on complaints, mapped to the sectors agreements name. */
export function sectorFromIsic(sector: string | null | undefined): AgreementSector | null {
  if (!sector) return null;
  const map: Record<string, AgreementSector> = { T: 'domestic_work', '97': 'domestic_work', A: 'agriculture', '01': 'agriculture', '03': 'fishing', F: 'construction', C: 'manufacturing', Q: 'health_care', I: 'hospitality' };
  return (map[sector] ?? (sector.match(/^[a-z_]+$/) ? (sector as AgreementSector) : null)) as AgreementSector | null;
}

/** Agreements grouped by corridor, each with the date it stops applying worked out. */
export class AgreementIndex {
  private readonly byCorridor = new Map<string, Array<Agreement & { endsOn: string | null }>>();
  readonly baseline: Agreement;

  constructor(agreements: Agreement[], baseline: Agreement) {
    this.baseline = baseline;
    for (const agreement of agreements) {
      if (agreement.type === 'baseline') continue;
      const key = `${agreement.origin}-${agreement.destination}`;
      const list = this.byCorridor.get(key) ?? [];
      list.push({ ...agreement, endsOn: agreement.expiresOn });
      this.byCorridor.set(key, list);
    }
    // A superseded agreement without an end date ends when the next one of its corridor and sectors starts.
    for (const list of this.byCorridor.values()) {
      for (const agreement of list) {
        if (agreement.status !== 'superseded' || agreement.endsOn || !agreement.effectiveFrom) continue;
        const next = list
          .filter((other) => other !== agreement && other.effectiveFrom && other.effectiveFrom > agreement.effectiveFrom! && other.destinationRegion === agreement.destinationRegion && other.sectors.some((s) => s === 'all' || agreement.sectors.includes(s) || agreement.sectors.includes('all')))
          .sort((a, b) => a.effectiveFrom!.localeCompare(b.effectiveFrom!))[0];
        agreement.endsOn = next?.effectiveFrom ?? null;
      }
    }
  }

  /** The agreements in force on the date for this corridor, province and sector. */
  inForce(facts: Pick<RightsFacts, 'origin' | 'destination' | 'destinationRegion' | 'sector' | 'recruitedOn'>): Agreement[] {
    const sector = sectorFromIsic(facts.sector ?? null);
    const on = facts.recruitedOn;
    const region = facts.destinationRegion?.trim().toLowerCase() || null;
    return (this.byCorridor.get(`${facts.origin}-${facts.destination}`) ?? []).filter((a) => {
      if (a.status === 'in_negotiation' || !a.effectiveFrom || a.effectiveFrom > on) return false;
      if (a.endsOn && a.endsOn <= on) return false;
      if (a.destinationRegion && a.destinationRegion.toLowerCase() !== region) return false;
      // An agreement for one sector applies to cases of that sector; when the sector is not known, it may apply.
      return a.sectors.includes('all') || sector === null || a.sectors.includes(sector);
    });
  }
}

interface Context {
  facts: RightsFacts;
  rates: ExchangeRates;
  t: TFunction;
  language: Language;
}

/** An authority code (`PH_government`, `ID_mission`) in words: "the government of the Philippines". */
function authorityName(code: string, ctx: Context): string {
  const [country, kind] = code.split('_');
  const name = new Intl.DisplayNames([ctx.language], { type: 'region', fallback: 'code' }).of(country) ?? country;
  return kind === 'mission' || kind === 'government' ? ctx.t(`authority.${kind}`, { country: name }) : code;
}

interface Evaluation {
  status: Finding['status'];
  message: string;
  exchangeRate?: ExchangeRate;
}

const covers = (items: 'all' | FeeItem[], item: FeeItem) => items === 'all' || items.includes(item);

function money(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  return `${(amount / 10 ** digits).toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}

/** Sums amounts into one currency; undefined (with the missing pair) when a rate is lacking. */
function total(entries: Array<{ amount: number; currency: string }>, currency: string, ctx: Context) {
  let sum = 0;
  let used: ExchangeRate | undefined;
  for (const entry of entries) {
    const converted = ctx.rates.convert(entry.amount, entry.currency, currency, ctx.facts.recruitedOn);
    if (!converted) return { missing: `${entry.currency}\u2192${currency}` };
    if (entry.currency !== currency) used = converted.rate;
    sum += converted.amount;
  }
  return { sum, rate: used };
}

function evaluate(data: ProvisionData, ctx: Context): Evaluation {
  const { facts, t } = ctx;
  switch (data.kind) {
    case 'worker_fee': {
      if (facts.workerPaid === undefined && facts.deductions === undefined) return { status: 'unknown', message: t('rights.worker_fee.unknown') };
      const charged = [...(facts.workerPaid ?? []), ...(facts.deductions ?? [])].filter((p) => covers(data.forbidden, p.item) || data.employerPays.includes(p.item));
      if (charged.length === 0) return { status: 'complies', message: t('rights.worker_fee.complies') };
      const items = [...new Set(charged.map((c) => t(`feeItem.${c.item}`)))].join(', ');
      return { status: 'breach', message: t('rights.worker_fee.breach', { items }) };
    }
    case 'fee_cap': {
      const paid = (facts.workerPaid ?? []).filter((p) => covers(data.items, p.item));
      if (facts.workerPaid === undefined) return { status: 'unknown', message: t('rights.fee_cap.unknown', { cap: money(data.cap.amount, data.cap.currency) }) };
      const sum = total(paid, data.cap.currency, ctx);
      if (sum.missing) return { status: 'unknown', message: t('rights.noRate', { pair: sum.missing }) };
      const cap = money(data.cap.amount, data.cap.currency);
      if (sum.sum! > data.cap.amount) return { status: 'breach', message: t('rights.fee_cap.over', { paid: money(sum.sum!, data.cap.currency), cap }), exchangeRate: sum.rate };
      if (data.paidBy === 'employer' && sum.sum! > 0) return { status: 'breach', message: t('rights.fee_cap.workerPaid', { paid: money(sum.sum!, data.cap.currency), cap }), exchangeRate: sum.rate };
      return { status: 'complies', message: t('rights.fee_cap.complies', { cap }), exchangeRate: sum.rate };
    }
    case 'deduction_cap': {
      if (facts.deductions === undefined) return { status: 'unknown', message: t('rights.deduction_cap.unknown') };
      const sum = total(facts.deductions.filter((d) => covers(data.items, d.item)), data.cap.currency, ctx);
      if (sum.missing) return { status: 'unknown', message: t('rights.noRate', { pair: sum.missing }) };
      const values = { deducted: money(sum.sum!, data.cap.currency), cap: money(data.cap.amount, data.cap.currency) };
      return sum.sum! > data.cap.amount
        ? { status: 'breach', message: t('rights.deduction_cap.breach', values), exchangeRate: sum.rate }
        : { status: 'complies', message: t('rights.deduction_cap.complies', values), exchangeRate: sum.rate };
    }
    case 'deduction_share': {
      if (facts.deductions === undefined || !facts.monthlyWage) return { status: 'unknown', message: t('rights.deduction_share.unknown') };
      const wage = facts.monthlyWage;
      const byMonth = new Map<string, Array<{ amount: number; currency: string }>>();
      for (const d of facts.deductions) byMonth.set(d.month ?? '', [...(byMonth.get(d.month ?? '') ?? []), d]);
      let worst = 0;
      let worstMonth = '';
      let rate: ExchangeRate | undefined;
      for (const [month, entries] of byMonth) {
        const sum = total(entries, wage.currency, ctx);
        if (sum.missing) return { status: 'unknown', message: t('rights.noRate', { pair: sum.missing }) };
        rate ??= sum.rate;
        const share = wage.amount > 0 ? sum.sum! / wage.amount : Infinity;
        if (share > worst) [worst, worstMonth] = [share, month];
      }
      const values = { share: Math.round(worst * 100), limit: Math.round(data.maxShareOfMonthlyWage * 100), month: worstMonth || '\u2014' };
      return worst > data.maxShareOfMonthlyWage
        ? { status: 'breach', message: t('rights.deduction_share.breach', values), exchangeRate: rate }
        : { status: 'complies', message: t('rights.deduction_share.complies', values), exchangeRate: rate };
    }
    case 'passport_retention': {
      if (!facts.passportHeldBy) return { status: 'unknown', message: t('rights.passport_retention.unknown') };
      return facts.passportHeldBy === 'worker'
        ? { status: 'complies', message: t('rights.passport_retention.complies') }
        : { status: 'breach', message: t('rights.passport_retention.breach', { holder: t(`holder.${facts.passportHeldBy}`) }) };
    }
    case 'rest_day': {
      const days = facts.restDaysPerWeek;
      if (days === undefined || days === null) return { status: 'unknown', message: t('rights.rest_day.unknown', { count: data.daysPerWeek }) };
      if (days >= data.daysPerWeek) return { status: 'complies', message: t('rights.rest_day.complies', { count: data.daysPerWeek }) };
      if (data.payInLieuAllowed && facts.restDayPaidInLieu === true) return { status: 'complies', message: t('rights.rest_day.paidInLieu', { count: data.daysPerWeek }) };
      if (data.payInLieuAllowed && (facts.restDayPaidInLieu === undefined || facts.restDayPaidInLieu === null)) {
        return { status: 'unknown', message: t('rights.rest_day.unlessPaid', { days, count: data.daysPerWeek }) };
      }
      return { status: 'breach', message: t('rights.rest_day.breach', { days, count: data.daysPerWeek }) };
    }
    case 'wage_payment': {
      const method = facts.wagePayment?.method;
      if (!method) return { status: 'unknown', message: t('rights.wage_payment.unknown') };
      if (method !== 'bank_account') return { status: 'breach', message: t('rights.wage_payment.notBank') };
      const late = facts.wagePayment?.daysAfterPayDate;
      if (data.withinDays !== null && late !== undefined && late !== null && late > data.withinDays) {
        return { status: 'breach', message: t('rights.wage_payment.late', { days: late, within: data.withinDays }) };
      }
      return { status: 'complies', message: t('rights.wage_payment.complies') };
    }
    case 'contract_endorsement': {
      if (!facts.contractEndorsedBy) return { status: 'unknown', message: t('rights.contract_endorsement.unknown') };
      const missing = data.endorsedBy.filter((authority) => !facts.contractEndorsedBy!.includes(authority));
      return missing.length
        ? { status: 'breach', message: t('rights.contract_endorsement.breach', { missing: missing.map((code) => authorityName(code, ctx)).join(', ') }) }
        : { status: 'complies', message: t('rights.contract_endorsement.complies') };
    }
    case 'communication_with_family': {
      const can = facts.canCommunicateWithFamily;
      if (can === undefined || can === null) return { status: 'unknown', message: t('rights.communication_with_family.unknown') };
      return can ? { status: 'complies', message: t('rights.communication_with_family.complies') } : { status: 'breach', message: t('rights.communication_with_family.breach') };
    }
  }
}

// The baseline is left out where an agreement in force already protects as much (it forbids every fee, or
// leaves the passport with the worker); otherwise it is checked beside the agreement.
function baselineNeeded(baseline: Provision, applicable: Provision[]): boolean {
  return !applicable.some((p) => p.data.kind === baseline.data.kind && (p.data.kind !== 'worker_fee' || p.data.forbidden === 'all'));
}

/**
 * The agreements in force for a corridor, sector and date, and the provisions that apply: theirs (a protocol's
 * provision replacing the same kind in the agreement it amends) and the ILO baseline where it protects more.
 */
export function applicableProvisions(index: AgreementIndex, facts: Pick<RightsFacts, 'origin' | 'destination' | 'destinationRegion' | 'sector' | 'recruitedOn'>) {
  const agreements = index.inForce(facts);
  const amendedKinds = new Map<string, Set<string>>();
  for (const a of agreements) if (a.amends) amendedKinds.set(a.amends, new Set(a.provisions.map((p) => p.data.kind)));
  const applicable = agreements.flatMap((agreement) =>
    agreement.provisions.filter((p) => !amendedKinds.get(agreement.id)?.has(p.data.kind)).map((provision) => ({ agreement, provision })),
  );
  const baseline = index.baseline.provisions.filter((p) => baselineNeeded(p, applicable.map((a) => a.provision))).map((provision) => ({ agreement: index.baseline, provision }));
  return { agreements, provisions: [...applicable, ...baseline] };
}

export const summariseAgreement = (a: Agreement) => ({
  id: a.id,
  title: a.title,
  type: a.type,
  origin: a.origin,
  destination: a.destination,
  destinationRegion: a.destinationRegion,
  signedOn: a.signedOn,
  effectiveFrom: a.effectiveFrom,
  expiresOn: a.expiresOn,
  status: a.status,
});

/**
 * Checks a case's facts against the agreements in force for its corridor, sector and date, and the ILO baseline:
 * one finding per relevant provision, each citing its clause and, where money was converted, the rate used.
 */
export function checkRights(index: AgreementIndex, rates: ExchangeRates, facts: RightsFacts, language: Language) {
  const { agreements, provisions } = applicableProvisions(index, facts);
  const ctx: Context = { facts, rates, t: translator(language), language };
  const findings: Finding[] = provisions.map(({ agreement, provision }) => {
    const result = evaluate(provision.data, ctx);
    return {
      kind: provision.data.kind,
      status: result.status,
      agreementId: agreement.id,
      agreementTitle: agreement.title,
      provisionId: provision.id,
      clause: provision.clause,
      source: provision.source,
      baseline: agreement.type === 'baseline',
      message: result.message,
      exchangeRate: result.exchangeRate ? { from: result.exchangeRate.base, to: result.exchangeRate.quote, rate: result.exchangeRate.rate, validOn: result.exchangeRate.validOn, source: result.exchangeRate.source } : null,
    };
  });
  return { agreements: agreements.map(summariseAgreement), findings };
}

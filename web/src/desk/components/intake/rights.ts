// The intake's "facts for the agreement check": their state in the form, which of them the corridor's provisions
// need, and their conversion to the API's `rightsFacts`.
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../shared/api';
import { parseMinorUnits, randomId } from '../codes';
import type { RightsOverview } from '../rights';

export interface FeeRow {
  key: string;
  item: string;
  amount: string;
  currency: string;
}
export interface DeductionRow extends FeeRow {
  month: string;
}
export interface RightsForm {
  recruitedOn: string;
  destinationRegion: string;
  wageAmount: string;
  wageCurrency: string;
  paid: FeeRow[];
  deductions: DeductionRow[];
  passportHeldBy: string;
  restDays: string;
  /** '', 'yes' or 'no' ('' is not known). */
  restDayPaidInLieu: string;
  wageMethod: string;
  wageDays: string;
  endorsedBy: string[];
  /** Ticked when the contract was endorsed by none of the authorities listed (unticked and nothing ticked: not known). */
  endorsedByNone: boolean;
  family: string;
}

export const emptyFeeRow = (currency = ''): FeeRow => ({ key: randomId(), item: '', amount: '', currency });
export const emptyDeductionRow = (currency = '', month = ''): DeductionRow => ({ key: randomId(), item: '', amount: '', currency, month });

export function emptyRights(): RightsForm {
  return {
    recruitedOn: '',
    destinationRegion: '',
    wageAmount: '',
    wageCurrency: '',
    paid: [],
    deductions: [],
    passportHeldBy: '',
    restDays: '',
    restDayPaidInLieu: '',
    wageMethod: '',
    wageDays: '',
    endorsedBy: [],
    endorsedByNone: false,
    family: '',
  };
}

/** A draft saved before these facts existed, or by another version: fill in what it lacks. */
export function normaliseRights(stored: Partial<RightsForm> | undefined): RightsForm {
  const base = emptyRights();
  if (!stored || typeof stored !== 'object') return base;
  return {
    ...base,
    ...stored,
    paid: Array.isArray(stored.paid) ? stored.paid : [],
    deductions: Array.isArray(stored.deductions) ? stored.deductions : [],
    endorsedBy: Array.isArray(stored.endorsedBy) ? stored.endorsedBy : [],
  };
}

/** True when none of the facts was entered (besides the date). */
export function rightsFactsEmpty(r: RightsForm): boolean {
  return (
    !r.destinationRegion.trim() && !r.wageAmount.trim() && r.paid.length === 0 && r.deductions.length === 0 && !r.passportHeldBy && !r.restDays &&
    !r.restDayPaidInLieu && !r.wageMethod && !r.wageDays.trim() && r.endorsedBy.length === 0 && !r.endorsedByNone && !r.family
  );
}

export const rightsPristine = (r: RightsForm) => !r.recruitedOn && rightsFactsEmpty(r);

/** Which facts the form asks for. Fees paid, the passport and the date are always asked (the ILO baseline covers them). */
export interface AskedFacts {
  region: boolean;
  wageAndDeductions: boolean;
  /** The rest days due a week, and whether pay in lieu may replace them; null when no provision sets rest days. */
  restDay: { daysPerWeek: number; payInLieu: boolean } | null;
  wagePayment: boolean;
  /** The authorities whose endorsement a provision requires. */
  endorsements: string[];
  family: boolean;
}

export type OverviewState =
  | { status: 'idle' }
  | { status: 'loading'; overview?: RightsOverview }
  | { status: 'ready'; overview: RightsOverview }
  | { status: 'error' };

/** The facts to ask for, from the provisions that apply (all of them when they could not be loaded). */
export function askedFacts(state: OverviewState, destination: string): AskedFacts {
  const region = destination === 'CA';
  if (state.status === 'error') {
    return { region, wageAndDeductions: true, restDay: { daysPerWeek: 1, payInLieu: true }, wagePayment: true, endorsements: [], family: true };
  }
  const provisions = state.status === 'idle' ? [] : (state.overview?.provisions ?? []);
  const kinds = new Set(provisions.map((p) => p.data.kind));
  const restDays = provisions.filter((p) => p.data.kind === 'rest_day');
  const endorsements = [...new Set(provisions.flatMap((p) => (p.data.kind === 'contract_endorsement' ? (p.data.endorsedBy ?? []) : [])))];
  return {
    region,
    wageAndDeductions: kinds.has('deduction_cap') || kinds.has('deduction_share'),
    restDay: restDays.length
      ? { daysPerWeek: Math.max(...restDays.map((p) => p.data.daysPerWeek ?? 1)), payInLieu: restDays.some((p) => p.data.payInLieuAllowed) }
      : null,
    wagePayment: kinds.has('wage_payment'),
    endorsements,
    family: kinds.has('communication_with_family'),
  };
}

/** Whether the "paid in lieu" question is asked: when fewer rest days than due were given and pay may replace them. */
export const asksPaidInLieu = (asked: AskedFacts, r: RightsForm) =>
  Boolean(asked.restDay?.payInLieu) && r.restDays !== '' && Number(r.restDays) < (asked.restDay?.daysPerWeek ?? 1);

/** Rows that carry something: an item or an amount (a currency alone, carried over from the row before, does not count). */
const filled = (row: FeeRow) => Boolean(row.item || row.amount.trim());

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const monthPattern = /^\d{4}-\d{2}$/;

const today = () => {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 10);
};

/**
 * The `rightsFacts` to send (undefined without a recruitment date: nothing is recorded then), with the errors
 * found, keyed like the API's paths but with the form's row numbers.
 */
export function rightsPayload(
  r: RightsForm,
  asked: AskedFacts,
  language: string,
  t: (key: string) => string,
  errors: Record<string, string>,
): Record<string, unknown> | undefined {
  if (!r.recruitedOn.trim()) return undefined;
  const path = (p: string) => `rightsFacts.${p}`;
  if (!datePattern.test(r.recruitedOn) || Number.isNaN(new Date(`${r.recruitedOn}T00:00:00Z`).getTime())) errors[path('recruitedOn')] = t('intake.rights.errors.date');
  else if (r.recruitedOn > today()) errors[path('recruitedOn')] = t('intake.rights.errors.future');

  const money = (prefix: string, amountText: string, currency: string, needed: boolean) => {
    const amount = parseMinorUnits(amountText, currency || 'USD', language);
    if (amount === undefined) {
      if (needed) errors[`${prefix}.amount`] = t('intake.errors.required');
      return undefined;
    }
    if (Number.isNaN(amount)) {
      errors[`${prefix}.amount`] = t('intake.errors.amount');
      return undefined;
    }
    if (!currency) {
      errors[`${prefix}.currency`] = t('intake.errors.currency');
      return undefined;
    }
    return { amount, currency };
  };

  const rows = <R extends FeeRow>(list: R[], name: string, extra: (row: R, prefix: string) => Record<string, unknown> = () => ({})) =>
    list
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => filled(row))
      .map(({ row, index }) => {
        const prefix = path(`${name}.${index}`);
        if (!row.item) errors[`${prefix}.item`] = t('intake.errors.choose');
        const amount = money(prefix, row.amount, row.currency, true);
        return { item: row.item, ...(amount ?? { amount: 0, currency: row.currency }), ...extra(row, prefix) };
      });

  const facts: Record<string, unknown> = { recruitedOn: r.recruitedOn };
  if (asked.region && r.destinationRegion.trim()) facts.destinationRegion = r.destinationRegion.trim();
  const paid = rows(r.paid, 'workerPaid');
  if (paid.length) facts.workerPaid = paid;
  if (r.passportHeldBy) facts.passportHeldBy = r.passportHeldBy;
  if (asked.wageAndDeductions) {
    const wage = money(path('monthlyWage'), r.wageAmount, r.wageCurrency, false);
    if (wage) facts.monthlyWage = wage;
    const deductions = rows(r.deductions, 'deductions', (row, prefix) => {
      const month = row.month.trim();
      if (!month) return {};
      if (!monthPattern.test(month)) errors[`${prefix}.month`] = t('intake.rights.errors.month');
      return { month };
    });
    if (deductions.length) facts.deductions = deductions;
  }
  if (asked.restDay && r.restDays !== '') {
    facts.restDaysPerWeek = Number(r.restDays);
    if (asksPaidInLieu(asked, r) && r.restDayPaidInLieu) facts.restDayPaidInLieu = r.restDayPaidInLieu === 'yes';
  }
  if (asked.wagePayment) {
    const wagePayment: Record<string, unknown> = {};
    if (r.wageMethod) wagePayment.method = r.wageMethod;
    const days = r.wageDays.trim();
    if (days) {
      if (/^\d{1,3}$/.test(days) && Number(days) <= 365) wagePayment.daysAfterPayDate = Number(days);
      else errors[path('wagePayment.daysAfterPayDate')] = t('intake.rights.errors.days');
    }
    if (Object.keys(wagePayment).length) facts.wagePayment = wagePayment;
  }
  if (asked.endorsements.length) {
    const ticked = r.endorsedBy.filter((code) => asked.endorsements.includes(code));
    if (ticked.length) facts.contractEndorsedBy = ticked;
    else if (r.endorsedByNone) facts.contractEndorsedBy = [];
  }
  if (asked.family && r.family) facts.canCommunicateWithFamily = r.family === 'yes';
  return facts;
}

/** Maps the API's row numbers of fees and deductions (empty rows are not sent) back to the form's. */
export function mapRightsPath(r: RightsForm, path: string): string {
  const sent = (list: FeeRow[]) => list.map((row, index) => ({ row, index })).filter(({ row }) => filled(row)).map(({ index }) => index);
  return path.replace(/^rightsFacts\.(workerPaid|deductions)\.(\d+)/, (whole, name: 'workerPaid' | 'deductions', n: string) => {
    const index = sent(name === 'workerPaid' ? r.paid : r.deductions)[Number(n)];
    return index === undefined ? whole : `rightsFacts.${name}.${index}`;
  });
}

const validDate = (value: string) => datePattern.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());

/**
 * The agreements and provisions that apply to the corridor, sector and province on the recruitment date (today
 * until the date is entered), fetched a moment after the last change; answers already seen are kept.
 */
export function useRightsOverview(query: { origin: string; destination: string; sector: string; region: string; recruitedOn: string }): OverviewState {
  const [state, setState] = useState<OverviewState>({ status: 'idle' });
  const cache = useRef(new Map<string, RightsOverview>());
  const { origin, destination, sector, region, recruitedOn } = query;
  const params = new URLSearchParams();
  const ready = /^[A-Z]{2}$/.test(origin) && /^[A-Z]{2}$/.test(destination);
  if (ready) {
    params.set('origin', origin);
    params.set('destination', destination);
    if (sector) params.set('sector', sector);
    if (destination === 'CA' && region.trim()) params.set('region', region.trim());
    if (validDate(recruitedOn)) params.set('on', recruitedOn);
  }
  const url = ready ? `/api/v1/public/rights?${params.toString()}` : '';

  useEffect(() => {
    if (!url) {
      setState({ status: 'idle' });
      return;
    }
    const known = cache.current.get(url);
    if (known) {
      setState({ status: 'ready', overview: known });
      return;
    }
    let current = true;
    setState((previous) => ({ status: 'loading', overview: previous.status === 'loading' || previous.status === 'ready' ? previous.overview : undefined }));
    const timer = window.setTimeout(() => {
      api<RightsOverview>('GET', url).then(
        (overview) => {
          cache.current.set(url, overview);
          if (current) setState({ status: 'ready', overview });
        },
        () => {
          // An answer for another corridor would ask the wrong facts: ask them all instead.
          if (current) setState({ status: 'error' });
        },
      );
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [url]);
  return state;
}

/** A dated exchange rate: units of `quote` for one unit of `base`. */
export interface ExchangeRate {
  base: string;
  quote: string;
  validOn: string;
  rate: number;
  source: string;
}

/** Decimal digits of a currency's minor unit (2 for MYR, 0 for JPY), as ISO 4217 and Intl give them. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The rates Lintas holds, looked up by pair and date: the latest rate valid on or before the date. */
export class ExchangeRates {
  private readonly byPair = new Map<string, ExchangeRate[]>();

  constructor(rates: ExchangeRate[]) {
    for (const rate of rates) {
      const key = `${rate.base}/${rate.quote}`;
      const list = this.byPair.get(key) ?? [];
      list.push(rate);
      this.byPair.set(key, list);
    }
    for (const list of this.byPair.values()) list.sort((a, b) => a.validOn.localeCompare(b.validOn));
  }

  private latest(base: string, quote: string, on: string): ExchangeRate | undefined {
    const list = this.byPair.get(`${base}/${quote}`);
    if (!list) return undefined;
    let found: ExchangeRate | undefined;
    for (const rate of list) if (rate.validOn <= on) found = rate;
    // A rate from after the date is better than none: the finding names it, so the reader can judge.
    return found ?? list[0];
  }

  /** The rate to turn `from` into `to` on a date: direct, inverse, or through US dollars. */
  rateFor(from: string, to: string, on: string): ExchangeRate | undefined {
    if (from === to) return { base: from, quote: to, validOn: on, rate: 1, source: 'same currency' };
    const direct = this.latest(from, to, on);
    if (direct) return direct;
    const inverse = this.latest(to, from, on);
    if (inverse) return { base: from, quote: to, validOn: inverse.validOn, rate: 1 / inverse.rate, source: inverse.source };
    if (from !== 'USD' && to !== 'USD') {
      const a = this.rateFor(from, 'USD', on);
      const b = this.rateFor('USD', to, on);
      if (a && b) return { base: from, quote: to, validOn: a.validOn < b.validOn ? a.validOn : b.validOn, rate: a.rate * b.rate, source: `${a.source}; ${b.source}` };
    }
    return undefined;
  }

  /** Converts minor units of one currency into minor units of another; undefined when no rate is held. */
  convert(amount: number, from: string, to: string, on: string): { amount: number; rate: ExchangeRate } | undefined {
    const rate = this.rateFor(from, to, on);
    if (!rate) return undefined;
    const major = amount / 10 ** minorDigits(from);
    return { amount: Math.round(major * rate.rate * 10 ** minorDigits(to)), rate };
  }
}

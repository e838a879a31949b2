import { describe, expect, it } from 'vitest';
import { AgreementIndex, checkRights } from './check-rights';
import { ExchangeRates } from './exchange-rates';
import type { RightsFacts } from './schema';
import { seededAgreements } from './service';
import { seededExchangeRates } from './seed-provisions';
import { indonesianDomesticWorkerFacts } from '../../../test/support/factories';

const agreements = seededAgreements();
const index = new AgreementIndex(agreements, agreements.find((a) => a.type === 'baseline')!);
const rates = new ExchangeRates(seededExchangeRates.map((r) => ({ ...r, rate: Number(r.rate) })));
const check = (facts: RightsFacts, withRates = rates) => checkRights(index, withRates, facts, 'en');
const finding = (result: ReturnType<typeof check>, provisionId: string) => result.findings.find((f) => f.provisionId === provisionId);

const indonesianInMalaysia = indonesianDomesticWorkerFacts;

describe('the rights check', () => {
  it('seeds every agreement of Table 2 and the provisions of Boxes 9 and 10, all valid', () => {
    expect(agreements.length).toBeGreaterThan(60);
    const withProvisions = agreements.filter((a) => a.provisions.length > 0).map((a) => a.id);
    expect(withProvisions).toEqual(expect.arrayContaining(['id-my-2011-protocol', 'id-my-2006-domestic-workers', 'id-jo-2009-domestic-workers', 'ph-jp-2009', 'ph-kr-2009-eps', 'ph-ca-ab-2008', 'ph-jo-2010', 'ilo-fair-recruitment']));
    for (const a of agreements) for (const p of a.provisions) expect(p.clause.length && p.source.length, p.id).toBeTruthy();
  });

  it('judges a 2012 case under the 2006 MOU as amended by the 2011 Protocol, finding every breach', () => {
    const result = check(indonesianInMalaysia);
    expect(result.agreements.map((a) => a.id).sort()).toEqual(['id-my-2006-domestic-workers', 'id-my-2011-protocol']);
    expect(finding(result, 'id-my-2011-passport')).toMatchObject({ status: 'breach', kind: 'passport_retention', clause: expect.stringContaining('30 May 2011') });
    expect(finding(result, 'id-my-2011-fee-cap')).toMatchObject({ status: 'breach', kind: 'fee_cap' });
    expect(finding(result, 'id-my-2011-fee-cap')!.exchangeRate).toMatchObject({ from: 'MYR', to: 'USD', validOn: '2011-05-30' });
    expect(finding(result, 'id-my-2011-deduction-cap')).toMatchObject({ status: 'breach', message: expect.stringContaining('1,800.00 MYR') });
    expect(finding(result, 'id-my-2011-deduction-share')).toMatchObject({ status: 'breach', message: expect.stringContaining('286%') });
    expect(finding(result, 'id-my-2011-rest-day')).toMatchObject({ status: 'unknown', message: expect.stringContaining('unless') });
    expect(finding(result, 'id-my-2011-bank')).toMatchObject({ status: 'breach', kind: 'wage_payment' });
    expect(finding(result, 'id-my-2006-contract')).toMatchObject({ status: 'breach', kind: 'contract_endorsement', message: expect.stringContaining('the embassy or consulate of Indonesia, the embassy or consulate of Malaysia') });
    expect(finding(result, 'id-my-2011-family')).toMatchObject({ status: 'unknown' });
    // The Protocol lets the employer recover fees from wages; the ILO baseline protects more, so it is checked too.
    expect(finding(result, 'ilo-no-fees')).toMatchObject({ status: 'breach', baseline: true });
    // The Protocol already leaves the passport with the worker: no second, baseline finding for it.
    expect(finding(result, 'ilo-documents')).toBeUndefined();
  });

  it('does not judge a 2009 case by the 2011 Protocol', () => {
    const result = check({ ...indonesianInMalaysia, recruitedOn: '2009-06-01' });
    expect(result.agreements.map((a) => a.id)).toEqual(['id-my-2006-domestic-workers']);
    expect(result.findings.some((f) => f.agreementId === 'id-my-2011-protocol')).toBe(false);
    expect(finding(result, 'ilo-documents')).toMatchObject({ status: 'breach', baseline: true });
  });

  it('finds compliance when the facts are right, and unknown when they are missing', () => {
    const good = check({
      ...indonesianInMalaysia,
      workerPaid: [],
      deductions: [{ item: 'recruitment_fee', amount: 30_000, currency: 'MYR', month: '2012-04' }],
      passportHeldBy: 'worker',
      restDaysPerWeek: 1,
      wagePayment: { method: 'bank_account', daysAfterPayDate: 2 },
      contractEndorsedBy: ['ID_mission', 'MY_mission'],
      canCommunicateWithFamily: true,
    });
    for (const id of ['id-my-2011-passport', 'id-my-2011-fee-cap', 'id-my-2011-deduction-cap', 'id-my-2011-deduction-share', 'id-my-2011-rest-day', 'id-my-2011-bank', 'id-my-2006-contract', 'id-my-2011-family']) {
      expect(finding(good, id)?.status, id).toBe('complies');
    }
    const bare = check({ origin: 'ID', destination: 'MY', sector: 'domestic_work', recruitedOn: '2012-03-01' });
    expect(bare.findings.length).toBeGreaterThan(8);
    expect(bare.findings.every((f) => f.status === 'unknown')).toBe(true);
  });

  it('finds a worker kept from contacting her family', () => {
    expect(finding(check({ ...indonesianInMalaysia, canCommunicateWithFamily: false }), 'id-my-2011-family')).toMatchObject({ status: 'breach', kind: 'communication_with_family' });
  });

  it('covers rest days paid in lieu, and wages paid late into the account', () => {
    expect(finding(check({ ...indonesianInMalaysia, restDayPaidInLieu: true }), 'id-my-2011-rest-day')?.status).toBe('complies');
    expect(finding(check({ ...indonesianInMalaysia, restDayPaidInLieu: false }), 'id-my-2011-rest-day')?.status).toBe('breach');
    const jordan = check({ origin: 'ID', destination: 'JO', sector: 'T', recruitedOn: '2012-01-01', wagePayment: { method: 'bank_account', daysAfterPayDate: 12 } });
    expect(finding(jordan, 'id-jo-2009-bank-account')).toMatchObject({ status: 'breach', message: expect.stringContaining('12 days') });
    expect(finding(check({ origin: 'ID', destination: 'JO', sector: 'T', recruitedOn: '2012-01-01', wagePayment: { method: 'bank_account', daysAfterPayDate: 5 } }), 'id-jo-2009-bank-account')?.status).toBe('complies');
    const returnTicket = check({ origin: 'ID', destination: 'JO', sector: 'T', recruitedOn: '2012-01-01', workerPaid: [{ item: 'return_ticket', amount: 30_000, currency: 'JOD' }] });
    expect(finding(returnTicket, 'id-jo-2009-employer-pays')).toMatchObject({ status: 'breach', message: expect.stringContaining('return ticket') });
  });

  it('applies a province’s agreement only in that province', () => {
    const alberta = check({ origin: 'PH', destination: 'CA', destinationRegion: 'Alberta', recruitedOn: '2010-01-01', workerPaid: [{ item: 'placement_fee', amount: 100_000, currency: 'CAD' }] });
    expect(alberta.agreements.map((a) => a.id)).toEqual(['ph-ca-ab-2008']);
    expect(finding(alberta, 'ph-ca-ab-2008-no-fees')?.status).toBe('breach');
    expect(finding(alberta, 'ilo-no-fees')).toBeUndefined();
    const ontario = check({ origin: 'PH', destination: 'CA', destinationRegion: 'Ontario', recruitedOn: '2010-01-01', workerPaid: [{ item: 'placement_fee', amount: 100_000, currency: 'CAD' }] });
    expect(ontario.agreements).toEqual([]);
    expect(finding(ontario, 'ilo-no-fees')).toMatchObject({ status: 'breach', baseline: true });
  });

  it('falls back on the ILO baseline when no agreement applies', () => {
    const result = check({ origin: 'NP', destination: 'MY', recruitedOn: '2020-01-01', workerPaid: [], passportHeldBy: 'worker' });
    expect(result.agreements).toEqual([]);
    expect(result.findings.map((f) => [f.provisionId, f.status])).toEqual([
      ['ilo-no-fees', 'complies'],
      ['ilo-documents', 'complies'],
    ]);
  });

  it('converts currencies with the dated rate it names, and says so when it has none', () => {
    // 1,600 USD paid, in a case of 2012: above the cap of 1,500 USD.
    const usd = check({ ...indonesianInMalaysia, workerPaid: [{ item: 'recruitment_fee', amount: 160_000, currency: 'USD' }] });
    expect(finding(usd, 'id-my-2011-fee-cap')).toMatchObject({ status: 'breach', message: expect.stringContaining('exceed') });
    // 4,000 MYR is 1,330 USD at the Protocol's rate: under the cap, but paid by the worker.
    const myr = check({ ...indonesianInMalaysia, workerPaid: [{ item: 'recruitment_fee', amount: 400_000, currency: 'MYR' }] });
    expect(finding(myr, 'id-my-2011-fee-cap')).toMatchObject({ status: 'breach', exchangeRate: { rate: expect.closeTo(1 / 3.0073, 6) } });
    expect(finding(myr, 'id-my-2011-fee-cap')!.message).toContain('1,330.10 USD');
    const idr = check({ ...indonesianInMalaysia, workerPaid: [{ item: 'recruitment_fee', amount: 1_500_000_000, currency: 'IDR' }] });
    expect(finding(idr, 'id-my-2011-fee-cap')).toMatchObject({ status: 'unknown', message: expect.stringContaining('IDR') });
    const withIdr = new ExchangeRates([...seededExchangeRates.map((r) => ({ ...r, rate: Number(r.rate) })), { base: 'USD', quote: 'IDR', validOn: '2012-01-01', rate: 9000, source: 'test' }]);
    expect(finding(check({ ...indonesianInMalaysia, workerPaid: [{ item: 'recruitment_fee', amount: 1_500_000_000, currency: 'IDR' }] }, withIdr), 'id-my-2011-fee-cap')).toMatchObject({ status: 'breach', exchangeRate: { from: 'IDR', to: 'USD', rate: 1 / 9000 } });
  });

  it('lists the fees an employer pays under the Philippines–Japan MOU and finds them charged to the worker', () => {
    const japan = check({ origin: 'PH', destination: 'JP', recruitedOn: '2012-01-01', workerPaid: [{ item: 'processing_fee', amount: 42_500, currency: 'USD' }], contractEndorsedBy: ['PH_government'] });
    expect(finding(japan, 'ph-jp-2009-employer-fees')).toMatchObject({ status: 'breach', message: expect.stringContaining('processing fee') });
    expect(finding(japan, 'ph-jp-2009-contract')?.status).toBe('complies');
    expect(finding(japan, 'ilo-no-fees')).toMatchObject({ status: 'breach', baseline: true });
  });

  it('gives its messages in the language asked for', () => {
    const thai = checkRights(index, rates, indonesianInMalaysia, 'th');
    expect(thai.findings.find((f) => f.provisionId === 'id-my-2011-passport')!.message).toMatch(/[\u0E00-\u0E7F]/);
  });
});

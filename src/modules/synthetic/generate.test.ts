import { describe, expect, it } from 'vitest';
import { complaintInputSchema } from '../complaints/schema';
import { generateComplaints, syntheticOrganisations } from './generate';

const until = new Date('2026-11-01');
const sample = [...generateComplaints(5000, 11, until)];

describe('synthetic complaints', () => {
  it('are valid standard complaint forms', () => {
    for (const { input } of sample.slice(0, 500)) {
      const parsed = complaintInputSchema.safeParse(input);
      expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 2))).toBe(true);
    }
  });

  it('follow the published figures: about 7 workers per complaint, most cases in Thailand and Malaysia, a wide gap between money claimed and received', () => {
    const meanWorkers = sample.reduce((sum, c) => sum + c.input.workers.length, 0) / sample.length;
    expect(meanWorkers).toBeGreaterThan(5.5);
    expect(meanWorkers).toBeLessThan(9);
    const inThailandOrMalaysia = sample.filter((c) => ['TH', 'MY'].includes(c.input.destination)).length / sample.length;
    expect(inThailandOrMalaysia).toBeGreaterThan(0.6);
    let claimed = 0;
    let received = 0;
    for (const outcome of sample.flatMap((c) => c.outcomes)) {
      claimed += outcome.claimed ?? 0;
      received += outcome.received ?? 0;
    }
    expect(received / claimed).toBeGreaterThan(0.05);
    expect(received / claimed).toBeLessThan(0.35);
    const domestic = sample.filter((c) => c.input.sector === 'T').flatMap((c) => c.input.workers);
    expect(domestic.filter((w) => w.sex === 'female').length / domestic.length).toBeGreaterThan(0.85);
  });

  it('tell narratives in the workers’ own languages and scripts', () => {
    const scripts: Record<string, RegExp> = { km: /[\u1780-\u17FF]/, th: /[\u0E00-\u0E7F]/, lo: /[\u0E80-\u0EFF]/, my: /[\u1000-\u109F]/, vi: /[ăâđêôơư]/i };
    for (const [language, script] of Object.entries(scripts)) {
      const narratives = sample.filter((c) => c.input.narrative.language === language);
      expect(narratives.length, language).toBeGreaterThan(20);
      expect(narratives.every((c) => script.test(c.input.narrative.text)), language).toBe(true);
      expect(narratives.some((c) => /\{\w+\}/.test(c.input.narrative.text)), `${language} has unfilled placeholders`).toBe(false);
    }
    const khmer = sample.find((c) => c.input.origin === 'KH')!;
    expect(khmer.input.workers[0].name).toMatch(scripts.km);
    expect(khmer.input.workers[0].nameLatin).toMatch(/^[A-Za-z' -]+$/);
  });

  it('are the same for the same seed and differ for another', () => {
    const again = [...generateComplaints(50, 11, until)];
    expect(again).toEqual(sample.slice(0, 50));
    expect([...generateComplaints(50, 12, until)]).not.toEqual(again);
  });

  it('give older complaints later states: every closed case has an outcome and was resolved before it closed', () => {
    for (const c of sample.filter((s) => s.state === 'closed')) {
      expect(c.outcomes.length).toBe(1);
      expect(c.resolvedAt! <= c.closedAt!).toBe(true);
      expect(c.input.receivedAt <= c.firstActionAt!).toBe(true);
    }
  });

  it('refer about one case in twenty across its corridor, after the first action, answered and completed in order', () => {
    const referred = sample.filter((c) => c.referral);
    expect(referred.length / sample.length).toBeGreaterThan(0.03);
    expect(referred.length / sample.length).toBeLessThan(0.1);
    const desks = new Map(syntheticOrganisations.map((o) => [o.key, o.country]));
    for (const c of referred) {
      const r = c.referral!;
      expect(r.toOrganisationKey).not.toBe(c.organisationKey);
      expect([c.input.origin, c.input.destination]).toContain(desks.get(r.toOrganisationKey));
      expect(c.input.consent.shareWithOrganisations).toBe(true);
      expect(c.firstActionAt! <= r.sentAt).toBe(true);
      if (r.respondedAt) expect(r.sentAt < r.respondedAt).toBe(true);
      if (r.completedAt) expect(r.respondedAt! < r.completedAt && r.state === 'completed').toBe(true);
      expect(r.state === 'pending').toBe(r.respondedAt === null);
    }
    // Pending referrals are those of the last two weeks: too few in a sample this size to count on.
    expect(new Set(referred.map((c) => c.referral!.state).filter((s) => s !== 'pending'))).toEqual(new Set(['accepted', 'declined', 'withdrawn', 'completed']));
  });
});

import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatNumber } from '../codes';
import { Announcement, ErrorAlert, Field, useAnnouncement, useErrorMessage, useSubmission } from '../ui';
import { formatScore, PeriodOptions, usePeriodLabel } from './helpers';
import type { CriteriaSet } from './types';

/** The criteria sets of the API, shared by the assessment form and the ranking page. */
export function useCriteriaSets() {
  const errorMessage = useErrorMessage();
  const [sets, setSets] = useState<CriteriaSet[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: CriteriaSet[] }>('GET', '/api/v1/assessments/criteria-sets').then(
      (result) => setSets(result.items),
      (caught) => setError(errorMessage(caught)),
    );
  }, [errorMessage]);
  return { sets, error };
}

export const rankingLink = (criteriaSetId: string, period: string) =>
  `/desk/agencies/ranking?${new URLSearchParams({ ...(criteriaSetId ? { criteriaSetId } : {}), ...(period ? { period } : {}) })}`;

/** The id of the control an API error path points to: `scores.no_fees.score` → the score of `no_fees`. */
const idFor = (path: string) => {
  const match = /^scores\.([^.]+)(?:\.(score|evidence))?$/.exec(path);
  return match ? `assess-${match[2] ?? 'score'}-${match[1]}` : `assess-${path}`;
};

/** The regulator's assessment of an agency against a code of conduct: a score and evidence for each criterion. */
export function AssessmentForm({ agencyId }: { agencyId: string }) {
  const { t, i18n } = useTranslation('agencies');
  const periodLabel = usePeriodLabel();
  const { sets, error: setsError } = useCriteriaSets();
  const [setId, setSetId] = useState('');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [scores, setScores] = useState<Record<string, { score: string; evidence: string }>>({});
  // The errors are keyed by the id of the control they belong to.
  const { busy, error, setError, errors, setErrors, send } = useSubmission({
    fieldsOf: (caught) => Object.fromEntries(Object.entries(caught.fieldErrors()).map(([path, message]) => [idFor(path), message])),
    controlId: (id) => id,
  });
  const status = useAnnouncement();

  useEffect(() => {
    if (sets && sets.length > 0 && !setId) setSetId(sets[0].id);
  }, [sets, setId]);

  const set = sets?.find((s) => s.id === setId);
  const value = (code: string) => scores[code] ?? { score: '', evidence: '' };
  const change = (code: string, key: 'score' | 'evidence', text: string) => setScores((current) => ({ ...current, [code]: { ...(current[code] ?? { score: '', evidence: '' }), [key]: text } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!set) return;
    setError(null);
    const problems: Record<string, string> = {};
    if (!period) problems[idFor('period')] = t('assess.errors.period');
    for (const criterion of set.criteria) {
      const typed = value(criterion.code).score.trim().replace(',', '.');
      const score = Number(typed);
      if (typed === '' || Number.isNaN(score) || score < 0 || score > criterion.maxScore) {
        problems[idFor(`scores.${criterion.code}`)] = t('assess.errors.score', { max: formatNumber(criterion.maxScore, i18n.language) });
      }
    }
    setErrors(problems);
    if (Object.keys(problems).length) {
      setError(t('assess.errors.summary', { count: Object.keys(problems).length }));
      const first = Object.keys(problems)[0];
      requestAnimationFrame(() => document.getElementById(first)?.focus());
      return;
    }
    await send(async () => {
      const body = {
        criteriaSetId: set.id,
        period,
        scores: Object.fromEntries(
          set.criteria.map((c) => {
            const evidence = value(c.code).evidence.trim();
            return [c.code, { score: Number(value(c.code).score.trim().replace(',', '.')), ...(evidence ? { evidence } : {}) }];
          }),
        ),
      };
      const result = await api<{ score: number; period: string }>('POST', `/api/v1/agencies/${agencyId}/assessments`, body);
      setScores({});
      status.announce(
        t('assess.recorded', {
          score: formatScore(result.score, i18n.language),
          period: periodLabel(result.period),
          set: set.name,
        }),
      );
    });
  };

  return (
    <section aria-labelledby="assess-heading" className="agency-section">
      <h2 id="assess-heading">{t('assess.title')}</h2>
      <ErrorAlert message={setsError} />
      {!sets && !setsError && <p>{t('desk:common.loading')}</p>}
      {sets && (
        <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="assess-heading">
          <p className="hint">{t('assess.hint')}</p>
          <div className="fields">
            <Field id="assess-criteriaSetId" label={t('assess.criteriaSet')} required error={errors['assess-criteriaSetId']} render={(p) => (
              <select {...p} value={setId} onChange={(e) => { setSetId(e.target.value); setErrors({}); }}>
                {sets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            )} />
            <Field id="assess-period" label={t('assess.period')} required error={errors['assess-period']} render={(p) => (
              <select {...p} value={period} onChange={(e) => setPeriod(e.target.value)}>
                <PeriodOptions />
              </select>
            )} />
          </div>
          {set && <p className="hint">{t('assess.source', { source: set.source })}</p>}
          {set?.criteria.map((criterion) => {
            const scoreId = idFor(`scores.${criterion.code}`);
            const evidenceId = idFor(`scores.${criterion.code}.evidence`);
            return (
              <fieldset key={`${set.id}-${criterion.code}`} className="criterion">
                <legend>{criterion.label}</legend>
                <div className="fields">
                  <Field id={scoreId} label={t('assess.score')} required hint={t('assess.scoreHint', { max: formatNumber(criterion.maxScore, i18n.language), weight: formatNumber(criterion.weight, i18n.language) })} error={errors[scoreId]} render={(p) => (
                    <input {...p} type="number" min={0} max={criterion.maxScore} step="any" inputMode="decimal" value={value(criterion.code).score} onChange={(e) => change(criterion.code, 'score', e.target.value)} />
                  )} />
                  <Field id={evidenceId} label={t('assess.evidence')} error={errors[evidenceId]} render={(p) => (
                    <textarea {...p} maxLength={2000} value={value(criterion.code).evidence} onChange={(e) => change(criterion.code, 'evidence', e.target.value)} />
                  )} />
                </div>
              </fieldset>
            );
          })}
          <ErrorAlert message={error} />
          <Announcement message={status.message} announcementRef={status.ref} />
          <div className="actions" style={{ alignItems: 'center' }}>
            <button type="submit" disabled={busy || !set}>{t('assess.submit')}</button>
            <Link to={rankingLink(setId, period)}>{t('assess.rankingLink', { period: periodLabel(period) })}</Link>
          </div>
        </form>
      )}
    </section>
  );
}

import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatMoney } from '../../../shared/i18n';
import { parseMinorUnits } from '../codes';
import { Announcement, CurrencyOptions, ErrorAlert, Field, useAnnouncement, useErrorMessage, useSubmission } from '../ui';
import { formatDay } from './helpers';
import { type AgencyLookup, type Sanction, sanctionTypes } from './types';

const empty = { type: 'warning', decidedOn: '', until: '', decision: '', authority: '', amount: '', currency: '' };

/**
 * The sanctions of an agency (as the public look-up lists them) and the regulator's form to record one. Anyone
 * can open the form; the API answers who may record, and its refusal is shown as it is.
 */
export function Sanctions({ agencyId, licenceNumber, onRecorded }: { agencyId: string; licenceNumber: string; onRecorded: () => void }) {
  const { t, i18n } = useTranslation('agencies');
  const errorMessage = useErrorMessage();
  const [sanctions, setSanctions] = useState<Sanction[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [draft, setDraft] = useState(empty);
  const { busy, error, setError, errors, setErrors, send } = useSubmission({ controlId: (field) => `sanction-${field}` });
  const [tick, setTick] = useState(0);
  const status = useAnnouncement();

  useEffect(() => {
    let current = true;
    api<{ items: AgencyLookup[] }>('GET', `/api/v1/public/agencies?q=${encodeURIComponent(licenceNumber)}`)
      .then((result) => current && setSanctions(result.items.find((a) => a.id === agencyId)?.sanctions ?? []))
      .catch((caught) => current && setListError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [agencyId, licenceNumber, tick, errorMessage]);

  const set = (key: keyof typeof empty, value: string) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const problems: Record<string, string> = {};
    if (!draft.decidedOn) problems.decidedOn = t('sanctions.errors.decidedOn');
    if (draft.decision.trim().length < 2) problems.decision = t('sanctions.errors.decision');
    if (draft.type === 'suspension' && draft.until && draft.decidedOn && draft.until <= draft.decidedOn) problems.until = t('sanctions.errors.until');
    const amount = draft.type === 'fine' ? parseMinorUnits(draft.amount, draft.currency || 'USD', i18n.language) : undefined;
    if (draft.type === 'fine' && amount !== undefined && Number.isNaN(amount)) problems.amount = t('sanctions.errors.amount');
    if (draft.type === 'fine' && amount !== undefined && !draft.currency) problems.currency = t('sanctions.errors.currency');
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      requestAnimationFrame(() => document.getElementById(`sanction-${first}`)?.focus());
      return;
    }
    await send(async () => {
      const body = {
        type: draft.type,
        decidedOn: draft.decidedOn,
        decision: draft.decision.trim(),
        ...(draft.type === 'suspension' && draft.until ? { until: draft.until } : {}),
        ...(draft.authority.trim() ? { authority: draft.authority.trim() } : {}),
        ...(draft.type === 'fine' && amount !== undefined ? { amount, currency: draft.currency } : {}),
      };
      const result = await api<{ type: string; licenceStatus: string }>('POST', `/api/v1/agencies/${agencyId}/sanctions`, body);
      setDraft(empty);
      setTick((n) => n + 1);
      onRecorded();
      status.announce(t('sanctions.recorded', { type: t(`sanctionType.${result.type}`), status: t(`status.${result.licenceStatus}`, { defaultValue: result.licenceStatus }) }));
    });
  };

  const typedAmount = draft.type === 'fine' && draft.currency ? parseMinorUnits(draft.amount, draft.currency, i18n.language) : undefined;
  return (
    <section aria-labelledby="sanctions-heading" className="agency-section">
      <h2 id="sanctions-heading">{t('sanctions.title')}</h2>
      <ErrorAlert message={listError} />
      {sanctions === null && !listError && <p>{t('desk:common.loading')}</p>}
      {sanctions && sanctions.length === 0 && <p>{t('sanctions.none')}</p>}
      {sanctions && sanctions.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="sanctions-heading">
            <thead>
              <tr>
                <th scope="col">{t('sanctions.type')}</th>
                <th scope="col">{t('sanctions.decidedOn')}</th>
                <th scope="col">{t('sanctions.until')}</th>
                <th scope="col">{t('sanctions.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {sanctions.map((s, index) => (
                <tr key={`${s.decidedOn}-${s.decision}-${index}`}>
                  <th scope="row">{t(`sanctionType.${s.type}`)}</th>
                  <td className="nowrap">{formatDay(s.decidedOn, i18n.language)}</td>
                  <td className="nowrap">{formatDay(s.until, i18n.language)}</td>
                  <td>{s.decision}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Announcement message={status.message} announcementRef={status.ref} />

      <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="sanction-form-heading">
        <h3 id="sanction-form-heading" style={{ marginTop: 0 }}>{t('sanctions.formTitle')}</h3>
        <p className="hint">{t('sanctions.formHint')}</p>
        <div className="fields">
          <Field id="sanction-type" label={t('sanctions.type')} required error={errors.type} render={(p) => (
            <select {...p} value={draft.type} onChange={(e) => set('type', e.target.value)}>
              {sanctionTypes.map((type) => <option key={type} value={type}>{t(`sanctionType.${type}`)}</option>)}
            </select>
          )} />
          <Field id="sanction-decidedOn" label={t('sanctions.decidedOn')} required error={errors.decidedOn} render={(p) => (
            <input {...p} type="date" value={draft.decidedOn} onChange={(e) => set('decidedOn', e.target.value)} />
          )} />
          {draft.type === 'suspension' && (
            <Field id="sanction-until" label={t('sanctions.until')} hint={t('sanctions.untilHint')} error={errors.until} render={(p) => (
              <input {...p} type="date" value={draft.until} onChange={(e) => set('until', e.target.value)} />
            )} />
          )}
        </div>
        <div className="fields">
          <Field id="sanction-decision" label={t('sanctions.decision')} hint={t('sanctions.decisionHint')} required error={errors.decision} render={(p) => (
            <input {...p} type="text" maxLength={300} autoComplete="off" value={draft.decision} onChange={(e) => set('decision', e.target.value)} />
          )} />
          <Field id="sanction-authority" label={t('sanctions.authority')} error={errors.authority} render={(p) => (
            <input {...p} type="text" maxLength={300} value={draft.authority} onChange={(e) => set('authority', e.target.value)} />
          )} />
        </div>
        {draft.type === 'fine' && (
          <div className="fields">
            <Field id="sanction-amount" label={t('sanctions.amount')} error={errors.amount} render={(p) => (
              <input {...p} type="text" inputMode="decimal" autoComplete="off" value={draft.amount} onChange={(e) => set('amount', e.target.value)} />
            )} />
            <Field id="sanction-currency" label={t('sanctions.currency')} error={errors.currency} render={(p) => (
              <select {...p} value={draft.currency} onChange={(e) => set('currency', e.target.value)}>
                <option value="">{t('desk:common.choose')}</option>
                <CurrencyOptions />
              </select>
            )} />
          </div>
        )}
        <p className="hint" aria-live="polite">
          {typedAmount !== undefined && !Number.isNaN(typedAmount) ? t('sanctions.amountReads', { amount: formatMoney(typedAmount, draft.currency, i18n.language) }) : ''}
        </p>
        <ErrorAlert message={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>{t('sanctions.submit')}</button>
        </div>
      </form>
    </section>
  );
}

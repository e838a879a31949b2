// Outcomes with the money claimed, awarded and actually received, and the form to record one.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/i18n';
import { useSession } from '../../session';
import { finalStates, outcomeTypes, parseMinorUnits, type ComplaintState } from '../codes';
import type { ComplaintDetail } from '../types';
import { CurrencyOptions, ErrorAlert, Field, useSubmission } from '../ui';

const amounts = ['claimed', 'awarded', 'received'] as const;

export function Outcomes({ complaint, done }: { complaint: ComplaintDetail; done: (message: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [type, setType] = useState('');
  const [currency, setCurrency] = useState(complaint.reliefSought.find((r) => r.amount)?.amount?.currency ?? '');
  const [money, setMoney] = useState<Record<(typeof amounts)[number], string>>({ claimed: '', awarded: '', received: '' });
  const [decidedOn, setDecidedOn] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, setError, errors, setErrors, send } = useSubmission();

  const canRecord = ['case_manager', 'supervisor'].includes(user.role);
  const open = !finalStates.includes(complaint.state as ComplaintState);
  const show = (value: number | null, code: string | null) => (value === null || !code ? t('complaint.notGiven') : formatMoney(value, code, i18n.language));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found: Record<string, string> = {};
    if (!type) found.type = t('intake.errors.choose');
    const parsed: Record<string, number> = {};
    for (const key of amounts) {
      const value = parseMinorUnits(money[key], currency || 'USD', i18n.language);
      if (value !== undefined && Number.isNaN(value)) found[key] = t('intake.errors.amount');
      else if (value !== undefined) parsed[key] = value;
    }
    if (Object.keys(parsed).length > 0 && !currency) found.currency = t('intake.errors.currency');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`outcome-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    await send(async () => {
      await api('POST', `/api/v1/complaints/${complaint.id}/outcomes`, {
        type,
        currency: Object.keys(parsed).length > 0 ? currency : undefined,
        ...parsed,
        decidedOn: decidedOn || undefined,
        note: note.trim() || undefined,
      });
      setType('');
      setMoney({ claimed: '', awarded: '', received: '' });
      setDecidedOn('');
      setNote('');
      await done(t('complaint.outcomes.added', { type: t(`server:outcome.${type}`) }));
    });
  };

  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('complaint.outcomes.title')}</h2>
      {complaint.outcomes.length === 0 ? (
        <p>{t('complaint.outcomes.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('complaint.outcomes.type')}</th>
                <th scope="col" className="num">{t('complaint.outcomes.claimed')}</th>
                <th scope="col" className="num">{t('complaint.outcomes.awarded')}</th>
                <th scope="col" className="num">{t('complaint.outcomes.received')}</th>
                <th scope="col" className="num">{t('complaint.outcomes.outstanding')}</th>
                <th scope="col">{t('complaint.outcomes.decidedOn')}</th>
                <th scope="col">{t('complaint.outcomes.note')}</th>
              </tr>
            </thead>
            <tbody>
              {complaint.outcomes.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    {t(`server:outcome.${o.type}`)}
                    <span className="hint">{t('complaint.outcomes.recorded', { time: formatDateTime(o.createdAt, i18n.language) })}</span>
                  </th>
                  <td className="num nowrap">{show(o.claimed, o.currency)}</td>
                  <td className="num nowrap">{show(o.awarded, o.currency)}</td>
                  <td className="num nowrap">{show(o.received, o.currency)}</td>
                  <td className="num nowrap">{o.awarded !== null && o.received !== null ? show(Math.max(0, o.awarded - o.received), o.currency) : t('complaint.notGiven')}</td>
                  <td className="nowrap">{o.decidedOn ? formatDate(o.decidedOn, i18n.language) : t('complaint.notGiven')}</td>
                  <td className="preserve">{o.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canRecord && !open && <p className="hint">{t('complaint.outcomes.closed')}</p>}
      {canRecord && open && (
        <form onSubmit={(event) => void submit(event)} className="card" aria-labelledby="outcome-form-heading" noValidate>
          <h3 id="outcome-form-heading" style={{ marginTop: 0 }}>{t('complaint.outcomes.addTitle')}</h3>
          <div className="fields">
            <Field id="outcome-type" label={t('complaint.outcomes.type')} error={errors.type} required render={(p) => (
              <select {...p} value={type} onChange={(e) => setType(e.target.value)}>
                <option value="">{t('common.choose')}</option>
                {outcomeTypes.map((code) => <option key={code} value={code}>{t(`server:outcome.${code}`)}</option>)}
              </select>
            )} />
            <Field id="outcome-currency" label={t('intake.relief.currency')} error={errors.currency} render={(p) => (
              <select {...p} value={currency} onChange={(e) => setCurrency(e.target.value)}>
                <option value="">{t('common.choose')}</option>
                <CurrencyOptions />
              </select>
            )} />
            {amounts.map((key) => (
              <Field key={key} id={`outcome-${key}`} label={t(`complaint.outcomes.${key}`)} error={errors[key]} render={(p) => (
                <input {...p} type="text" inputMode="decimal" autoComplete="off" value={money[key]}
                  onChange={(e) => setMoney((current) => ({ ...current, [key]: e.target.value }))} />
              )} />
            ))}
            <Field id="outcome-decidedOn" label={t('complaint.outcomes.decidedOn')} error={errors.decidedOn} render={(p) => (
              <input {...p} type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
            )} />
          </div>
          <Field id="outcome-note" label={t('complaint.outcomes.note')} error={errors.note} render={(p) => (
            <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          )} />
          <ErrorAlert message={error} />
          <div className="actions">
            <button type="submit" disabled={busy}>{t('complaint.outcomes.add')}</button>
          </div>
        </form>
      )}
    </section>
  );
}

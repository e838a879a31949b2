// What one side of a referral may do in its state: accept, decline, withdraw, complete with an outcome, write.
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../shared/api';
import { useSession } from '../../session';
import { outcomeTypes, parseMinorUnits } from '../codes';
import { ErrorSummary } from '../ErrorSummary';
import { CurrencyOptions, Field } from '../ui';
import type { Referral } from './types';

type Action =
  | { action: 'accept'; note?: string }
  | { action: 'decline'; reason: string }
  | { action: 'withdraw'; reason: string }
  | { action: 'complete'; outcome: { type: string; currency?: string; claimed?: number; awarded?: number; received?: number; note?: string } }
  | { action: 'message'; body: string };

const amounts = ['claimed', 'awarded', 'received'] as const;

/** Sends one action; on failure shows the API's translated message and its field errors above the form. */
function useAction(referral: Referral, prefix: string, onDone: (updated: Referral, message: string) => void) {
  const { t } = useTranslation('referrals');
  const [summary, setSummary] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const idFor = useCallback((path: string) => `${prefix}-${path.replace(/^outcome\./, '').replace(/\./g, '-')}`, [prefix]);

  const fail = (message: string, fields: Record<string, string> = {}) => {
    setErrors(fields);
    setSummary(message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const send = async (action: Action, message: string) => {
    setBusy(true);
    setSummary(null);
    setErrors({});
    try {
      const updated = await api<Referral>('POST', `/api/v1/referrals/${referral.id}/actions`, action);
      onDone(updated, message);
      return true;
    } catch (caught) {
      if (caught instanceof ApiError) fail(caught.message, caught.fieldErrors());
      else fail(t('desk:common.networkError'));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const box = summary ? <ErrorSummary ref={summaryRef} message={summary} errors={errors} idFor={idFor} /> : null;
  return { send, fail, busy, errors, box, idFor };
}

function ReasonForm({ referral, kind, onDone }: { referral: Referral; kind: 'decline' | 'withdraw'; onDone: (updated: Referral, message: string) => void }) {
  const { t } = useTranslation('referrals');
  const [reason, setReason] = useState('');
  const { send, fail, busy, errors, box, idFor } = useAction(referral, kind, onDone);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) return fail(t('errors.reasonRequired'), { reason: t('errors.reasonRequired') });
    if (await send({ action: kind, reason: reason.trim() }, t(`done.${kind}`))) setReason('');
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${kind}-heading`} noValidate>
      <h3 id={`${kind}-heading`} style={{ marginTop: 0 }}>{t(`actions.${kind}Title`)}</h3>
      {box}
      <Field id={idFor('reason')} label={t('actions.reason')} hint={t(`actions.${kind}Hint`)} error={errors.reason} required render={(p) => (
        <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      )} />
      <div className="actions">
        <button type="submit" className="danger" disabled={busy}>{t(`actions.${kind}`)}</button>
      </div>
    </form>
  );
}

function AcceptForm({ referral, onDone }: { referral: Referral; onDone: (updated: Referral, message: string) => void }) {
  const { t } = useTranslation('referrals');
  const [note, setNote] = useState('');
  const { send, busy, errors, box, idFor } = useAction(referral, 'accept', onDone);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send({ action: 'accept', note: note.trim() || undefined }, t(referral.kind === 'transfer' ? 'done.acceptTransfer' : 'done.accept'));
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="accept-heading" noValidate>
      <h3 id="accept-heading" style={{ marginTop: 0 }}>{t('actions.acceptTitle')}</h3>
      <p className="hint">{t(referral.kind === 'transfer' ? 'actions.acceptTransferHint' : 'actions.acceptHint')}</p>
      {box}
      <Field id={idFor('note')} label={t('actions.note')} error={errors.note} render={(p) => (
        <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      )} />
      <div className="actions">
        <button type="submit" disabled={busy}>{t('actions.accept')}</button>
      </div>
    </form>
  );
}

function CompleteForm({ referral, onDone }: { referral: Referral; onDone: (updated: Referral, message: string) => void }) {
  const { t, i18n } = useTranslation('referrals');
  const [type, setType] = useState('');
  const [currency, setCurrency] = useState(referral.shared.reliefSought?.find((r) => r.amount)?.amount?.currency ?? '');
  const [money, setMoney] = useState<Record<(typeof amounts)[number], string>>({ claimed: '', awarded: '', received: '' });
  const [note, setNote] = useState('');
  const { send, fail, busy, errors, box, idFor } = useAction(referral, 'complete', onDone);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!type) found.type = t('desk:intake.errors.choose');
    const parsed: Record<string, number> = {};
    for (const key of amounts) {
      const value = parseMinorUnits(money[key], currency || 'USD', i18n.language);
      if (value !== undefined && Number.isNaN(value)) found[key] = t('desk:intake.errors.amount');
      else if (value !== undefined) parsed[key] = value;
    }
    if (Object.keys(parsed).length > 0 && !currency) found.currency = t('desk:intake.errors.currency');
    if (Object.keys(found).length > 0) return fail(t('errors.checkFields'), found);
    const outcome = { type, ...(Object.keys(parsed).length > 0 ? { currency, ...parsed } : {}), note: note.trim() || undefined };
    await send({ action: 'complete', outcome }, t('done.complete', { outcome: t(`server:outcome.${type}`) }));
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="complete-heading" noValidate>
      <h3 id="complete-heading" style={{ marginTop: 0 }}>{t('actions.completeTitle')}</h3>
      <p className="hint">{t('actions.completeHint')}</p>
      {box}
      <div className="fields">
        <Field id={idFor('type')} label={t('outcome.type')} error={errors.type} required render={(p) => (
          <select {...p} value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t('desk:common.choose')}</option>
            {outcomeTypes.map((code) => <option key={code} value={code}>{t(`server:outcome.${code}`)}</option>)}
          </select>
        )} />
        <Field id={idFor('currency')} label={t('outcome.currency')} error={errors.currency} render={(p) => (
          <select {...p} value={currency} onChange={(e) => setCurrency(e.target.value)}>
            <option value="">{t('desk:common.choose')}</option>
            <CurrencyOptions />
          </select>
        )} />
        {amounts.map((key) => (
          <Field key={key} id={idFor(key)} label={t(`outcome.${key}`)} hint={t('outcome.amountHint')} error={errors[key]} render={(p) => (
            <input {...p} type="text" inputMode="decimal" autoComplete="off" value={money[key]} onChange={(e) => setMoney((m) => ({ ...m, [key]: e.target.value }))} />
          )} />
        ))}
      </div>
      <Field id={idFor('note')} label={t('actions.note')} error={errors.note} render={(p) => (
        <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      )} />
      <div className="actions">
        <button type="submit" disabled={busy}>{t('actions.complete')}</button>
      </div>
    </form>
  );
}

/** The thread: either side writes a question or an answer while the referral is pending or accepted. */
export function MessageForm({ referral, onDone }: { referral: Referral; onDone: (updated: Referral, message: string) => void }) {
  const { t } = useTranslation('referrals');
  const [body, setBody] = useState('');
  const { send, fail, busy, errors, box, idFor } = useAction(referral, 'message', onDone);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return fail(t('errors.messageRequired'), { body: t('errors.messageRequired') });
    if (await send({ action: 'message', body: body.trim() }, t('done.message'))) setBody('');
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="message-heading" noValidate>
      <h3 id="message-heading" style={{ marginTop: 0 }}>{t('actions.messageTitle')}</h3>
      {box}
      <Field id={idFor('body')} label={t('actions.message')} hint={t('actions.messageHint', { organisation: referral.direction === 'incoming' ? referral.from.name : referral.to.name })} error={errors.body} required render={(p) => (
        <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      )} />
      <div className="actions">
        <button type="submit" disabled={busy}>{t('actions.send')}</button>
      </div>
    </form>
  );
}

/** The forms this user may use on this referral now; a line saying why when there are none. */
export function ReferralActions({ referral, onDone }: { referral: Referral; onDone: (updated: Referral, message: string) => void }) {
  const { t } = useTranslation('referrals');
  const { user } = useSession();
  const responds = ['case_manager', 'supervisor'].includes(user.role);
  const receiver = referral.direction === 'incoming';
  const forms = [];
  if (receiver && referral.state === 'pending' && responds) {
    forms.push(<AcceptForm key="accept" referral={referral} onDone={onDone} />, <ReasonForm key="decline" kind="decline" referral={referral} onDone={onDone} />);
  }
  if (receiver && referral.state === 'accepted' && referral.kind === 'referral' && responds) forms.push(<CompleteForm key="complete" referral={referral} onDone={onDone} />);
  if (!receiver && referral.state === 'pending' && responds) forms.push(<ReasonForm key="withdraw" kind="withdraw" referral={referral} onDone={onDone} />);
  const open = referral.state === 'pending' || referral.state === 'accepted';
  return (
    <section aria-labelledby="referral-actions-heading">
      <h2 id="referral-actions-heading">{t('actions.title')}</h2>
      {forms.length === 0 && (
        <p>
          {!open
            ? t('actions.finished')
            : !responds
              ? t('actions.onlyCaseManagers')
              : receiver && referral.kind === 'transfer' && referral.state === 'accepted'
                ? t('actions.transferAccepted')
                : t('actions.waitingForOther')}
        </p>
      )}
      {forms}
    </section>
  );
}

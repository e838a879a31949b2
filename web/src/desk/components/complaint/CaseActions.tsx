// Who handles the complaint and which state it moves to next.
import { type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useSession } from '../../session';
import { caseRoles, finalStates, transitionsNeedingReason, type ComplaintState } from '../codes';
import type { ComplaintDetail, User } from '../types';
import { ErrorAlert, Field, useSubmission } from '../ui';

interface Props {
  complaint: ComplaintDetail;
  users: User[] | null;
  /** Reloads the complaint and announces what changed. */
  done: (message: string) => Promise<void>;
  statusRef?: RefObject<HTMLElement | null>;
}

export function Assignment({ complaint, users, done }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [choice, setChoice] = useState(complaint.assignedTo ?? '');
  const { busy, error, send } = useSubmission();

  const assign = async (userId: string | null) => {
    await send(async () => {
      await api('PUT', `/api/v1/complaints/${complaint.id}/assignment`, { userId });
      const name = userId === null ? null : userId === user.id ? user.name : (users?.find((u) => u.id === userId)?.name ?? '');
      await done(name ? t('complaint.assignment.assigned', { name }) : t('complaint.assignment.cleared'));
    });
  };

  if (user.role === 'supervisor') {
    const candidates = (users ?? []).filter((u) => caseRoles.includes(u.role));
    return (
      <form onSubmit={(event) => { event.preventDefault(); void assign(choice || null); }}>
        <label htmlFor="assign-to">{t('complaint.assignment.label')}</label>
        <div className="inline-controls">
          <select id="assign-to" value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t('complaint.assignment.nobody')}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {t('complaint.assignment.option', { name: u.name, role: t(`server:role.${u.role}`) })}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary" disabled={busy || (choice || null) === complaint.assignedTo}>
            {t('complaint.assignment.save')}
          </button>
        </div>
        <ErrorAlert message={error} />
      </form>
    );
  }
  if (user.role === 'case_manager') {
    return (
      <div>
        <div className="actions">
          {complaint.assignedTo !== user.id ? (
            <button type="button" className="secondary" disabled={busy} onClick={() => void assign(user.id)}>{t('complaint.assignment.toMe')}</button>
          ) : (
            <button type="button" className="secondary" disabled={busy} onClick={() => void assign(null)}>{t('complaint.assignment.unassignMe')}</button>
          )}
        </div>
        <ErrorAlert message={error} />
      </div>
    );
  }
  return null;
}

export function Transitions({ complaint, done }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [reason, setReason] = useState('');
  const { busy, error, setError, errors, setErrors, send } = useSubmission({ controlId: (field) => `transition-${field}` });
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  if (!['case_manager', 'supervisor'].includes(user.role)) return null;
  const from = complaint.state as ComplaintState;
  const isReopening = (to: string) => finalStates.includes(from) && to === 'in_progress';
  const targets = complaint.allowedTransitions.filter((to) => !isReopening(to) || user.role === 'supervisor');
  if (targets.length === 0) return null;
  const needsReason = (to: string) => isReopening(to) || transitionsNeedingReason.includes(to as ComplaintState);

  const move = async (to: string) => {
    setError(null);
    setErrors({});
    if (needsReason(to) && !reason.trim()) {
      setErrors({ reason: isReopening(to) ? t('complaint.transition.reasonRequiredReopen') : t('complaint.transition.reasonRequired', { state: t(`server:state.${to}`) }) });
      reasonRef.current?.focus();
      return;
    }
    await send(async () => {
      await api('POST', `/api/v1/complaints/${complaint.id}/transitions`, { to, reason: reason.trim() || undefined });
      setReason('');
      await done(t('complaint.transition.done', { state: t(`server:state.${to}`) }));
    });
  };

  return (
    <div>
      <Field id="transition-reason" label={t('complaint.transition.reason')} hint={t('complaint.transition.reasonHint')} error={errors.reason}
        render={(p) => <textarea {...p} ref={reasonRef} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />} />
      <div className="actions">
        {targets.map((to) => (
          <button key={to} type="button" disabled={busy} className={to === 'inadmissible' || to === 'withdrawn' ? 'danger' : undefined} onClick={() => void move(to)}>
            {t(isReopening(to) ? 'actions.reopen' : 'actions.moveTo', { state: t(`server:state.${to}`) })}
          </button>
        ))}
      </div>
      {targets.includes('resolved') && complaint.outcomes.length === 0 && <p className="hint">{t('complaint.transition.outcomeFirst')}</p>}
      <ErrorAlert message={error} />
    </div>
  );
}

// The complaint's timeline, newest first, and the form to add a contact, session, letter, decision or note.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/i18n';
import { eventTypes, localDateTimeToIso } from '../codes';
import type { ComplaintDetail, ComplaintEvent } from '../types';
import { ErrorAlert, Field, useSubmission } from '../ui';
import { ReferralTimelineLine } from '../referrals/TimelineLine';

function EventDetails({ event, complaint, userName }: { event: ComplaintEvent; complaint: ComplaintDetail; userName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const data = event.data;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  switch (event.type) {
    case 'created':
      return <p>{t('complaint.timeline.created', { channel: t(`server:channel.${text('channel')}`), count: Number(data.workers ?? 0) })}</p>;
    case 'transition':
      return (
        <p>
          {t(data.reopened ? 'complaint.timeline.reopened' : 'complaint.timeline.transition', {
            from: t(`server:state.${text('from')}`),
            to: t(`server:state.${text('to')}`),
          })}
        </p>
      );
    case 'assignment':
      return <p>{data.to ? t('complaint.timeline.assigned', { name: userName(text('to')) }) : t('complaint.timeline.unassigned')}</p>;
    case 'outcome':
      return <p>{t(`server:outcome.${text('type')}`)}</p>;
    case 'referral':
      return <ReferralTimelineLine data={data} />;
    case 'evidence_added': {
      const file = complaint.evidence.find((e) => e.id === text('evidenceId'));
      return <p>{file ? file.filename : text('mediaType')}</p>;
    }
    default:
      return null;
  }
}

export function Timeline({ complaint, userName, done }: { complaint: ComplaintDetail; userName: (id: string | null) => string; done: (message: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [type, setType] = useState<string>('contact');
  const [occurredAt, setOccurredAt] = useState('');
  const [summary, setSummary] = useState('');
  const { busy, error, setError, errors, setErrors, send } = useSubmission();

  const events = [...complaint.events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.recordedAt.localeCompare(a.recordedAt));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setErrors({});
    if (!summary.trim()) {
      setErrors({ summary: t('intake.errors.required') });
      document.getElementById('event-summary')?.focus();
      return;
    }
    await send(async () => {
      await api('POST', `/api/v1/complaints/${complaint.id}/events`, { type, summary: summary.trim(), occurredAt: localDateTimeToIso(occurredAt) });
      setSummary('');
      setOccurredAt('');
      await done(t('complaint.timeline.added', { type: t(`server:event.${type}`) }));
    });
  };

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('complaint.timeline.title')}</h2>
      <form onSubmit={(event) => void submit(event)} className="card" aria-labelledby="event-form-heading">
        <h3 id="event-form-heading" style={{ marginTop: 0 }}>{t('complaint.timeline.addTitle')}</h3>
        <div className="fields">
          <Field id="event-type" label={t('complaint.timeline.type')} error={errors.type} render={(p) => (
            <select {...p} value={type} onChange={(e) => setType(e.target.value)}>
              {eventTypes.map((code) => <option key={code} value={code}>{t(`server:event.${code}`)}</option>)}
            </select>
          )} />
          <Field id="event-occurredAt" label={t('complaint.timeline.occurredAt')} hint={t('complaint.timeline.occurredAtHint')} error={errors.occurredAt} render={(p) => (
            <input {...p} type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} />
          )} />
        </div>
        <Field id="event-summary" label={t('complaint.timeline.summary')} error={errors.summary} required render={(p) => (
          <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        )} />
        <ErrorAlert message={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>{t('complaint.timeline.add')}</button>
        </div>
      </form>
      <ol className="timeline">
        {events.map((event) => {
          const manual = (eventTypes as readonly string[]).includes(event.type);
          return (
            <li key={event.id} className={manual ? 'manual' : undefined}>
              <strong>{t(`server:event.${event.type}`)}</strong>{' '}
              <span className="meta">
                {t('complaint.timeline.meta', { time: formatDateTime(event.occurredAt, i18n.language), who: userName(event.userId) })}
              </span>
              <EventDetails event={event} complaint={complaint} userName={userName} />
              {event.summary && (
                <p className="preserve">
                  {event.type === 'transition' ? t('complaint.timeline.reason', { reason: event.summary }) : event.summary}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

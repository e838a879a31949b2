// One referral: who sent it to whom and why, what was shared, the history and thread, and what this side may do.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/i18n';
import { useNames } from '../../components/codes';
import { referralsChanged } from '../../components/referrals/counts';
import { MessageForm, ReferralActions } from '../../components/referrals/ReferralActions';
import { ReferralOverdueBadge, ReferralStateBadge } from '../../components/referrals/ReferralTable';
import { SharedCaseView } from '../../components/referrals/SharedCaseView';
import type { Referral, ReferralEvent, ReferralOutcome } from '../../components/referrals/types';
import { Announcement, ErrorAlert, PageHeading, useAnnouncement, useErrorMessage } from '../../components/ui';

export function OutcomeLine({ outcome }: { outcome: ReferralOutcome }) {
  const { t, i18n } = useTranslation('referrals');
  const parts = [t(`server:outcome.${outcome.type}`)];
  if (outcome.currency) {
    for (const key of ['claimed', 'awarded', 'received'] as const) {
      const value = outcome[key];
      if (value !== undefined) parts.push(t(`outcome.${key}Amount`, { amount: formatMoney(value, outcome.currency, i18n.language) }));
    }
  }
  return <>{parts.join(' · ')}</>;
}

function EventItem({ event, referral }: { event: ReferralEvent; referral: Referral }) {
  const { t, i18n } = useTranslation('referrals');
  const ours = (event.organisationId === referral.from.id) === (referral.direction === 'outgoing');
  const organisation = event.organisationId === referral.from.id ? referral.from.name : event.organisationId === referral.to.id ? referral.to.name : t('unknownOrganisation');
  const outcome = event.type === 'completed' ? (event.data.outcome as ReferralOutcome | undefined) : undefined;
  const progress = event.type === 'progress' && typeof event.data.state === 'string' ? event.data.state : undefined;
  return (
    <li className={`${ours ? 'from-us' : ''} ${event.type === 'message' ? 'message' : ''}`.trim() || undefined} data-testid={`event-${event.type}`}>
      <strong>{t(`event.${event.type}`, { kind: t(`kind.${referral.kind}`) })}</strong>{' '}
      <span className="meta">
        {t('history.meta', {
          time: formatDateTime(event.occurredAt, i18n.language),
          who: event.userName ? t('history.person', { name: event.userName, organisation }) : organisation,
        })}
      </span>
      {progress && <p>{t('history.progress', { state: t(`server:state.${progress}`) })}</p>}
      {outcome && (
        <p>
          <OutcomeLine outcome={outcome} />
        </p>
      )}
      {event.body && <p className="preserve">{event.body}</p>}
    </li>
  );
}

export function ReferralPage() {
  const { t, i18n } = useTranslation('referrals');
  const { id = '' } = useParams();
  const names = useNames();
  const errorMessage = useErrorMessage();
  const [referral, setReferral] = useState<Referral | null>(null);
  const [error, setError] = useState<string | null>(null);
  const status = useAnnouncement();

  const load = useCallback(async () => {
    try {
      setReferral(await api<Referral>('GET', `/api/v1/referrals/${id}`));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [id, errorMessage]);

  useEffect(() => {
    setReferral(null);
    void load();
  }, [load]);

  const done = useCallback(
    (updated: Referral, message: string) => {
      setReferral(updated);
      referralsChanged();
      status.announce(message);
    },
    [status.announce],
  );

  const title = referral ? t(`page.title.${referral.kind}`, { reference: referral.reference }) : t('page.loading');
  const other = referral ? (referral.direction === 'incoming' ? referral.from : referral.to) : null;
  return (
    <>
      <p>
        <Link to={`/desk/referrals?direction=${referral?.direction ?? 'incoming'}`}>{t('page.back')}</Link>
      </p>
      <PageHeading title={title} focusKey={referral?.id} />
      <ErrorAlert message={error} />
      <Announcement message={status.message} announcementRef={status.ref} />
      {referral && other && (
        <>
          <section aria-labelledby="referral-summary-heading" className="card">
            <h2 id="referral-summary-heading" style={{ marginTop: 0 }}>{t('page.summary')}</h2>
            <dl className="summary-list">
              <dt>{t('page.state')}</dt>
              <dd data-testid="referral-state">
                <ReferralStateBadge state={referral.state} /> <ReferralOverdueBadge overdue={referral.overdue} />
              </dd>
              <dt>{t('page.kind')}</dt>
              <dd>
                {t(`kind.${referral.kind}`)}
                <span className="hint">{t(`kindHint.${referral.kind}`)}</span>
              </dd>
              <dt>{t('page.from')}</dt>
              <dd>{t('page.organisation', { name: referral.from.name || t('unknownOrganisation'), country: names.country(referral.from.country) })}</dd>
              <dt>{t('page.to')}</dt>
              <dd>{t('page.organisation', { name: referral.to.name || t('unknownOrganisation'), country: names.country(referral.to.country) })}</dd>
              <dt>{t('page.sent')}</dt>
              <dd>{formatDateTime(referral.createdAt, i18n.language)}</dd>
              <dt>{t('page.answerBy')}</dt>
              <dd>{formatDate(referral.responseDueAt, i18n.language)}</dd>
              {referral.respondedAt && (
                <>
                  <dt>{t('page.answered')}</dt>
                  <dd>{formatDateTime(referral.respondedAt, i18n.language)}</dd>
                </>
              )}
              {referral.completedAt && (
                <>
                  <dt>{t('page.completed')}</dt>
                  <dd>{formatDateTime(referral.completedAt, i18n.language)}</dd>
                </>
              )}
              {referral.outcome && (
                <>
                  <dt>{t('page.outcome')}</dt>
                  <dd>
                    <OutcomeLine outcome={referral.outcome} />
                    {referral.outcome.note && <span className="hint preserve">{referral.outcome.note}</span>}
                  </dd>
                </>
              )}
              <dt>{t('page.workerTold')}</dt>
              <dd>{referral.hideReceiverFromWorker ? t('page.workerToldHidden') : t('page.workerToldNamed', { name: referral.to.name })}</dd>
              {referral.complaintId && (
                <>
                  <dt>{t('page.complaint')}</dt>
                  <dd>
                    <Link to={`/desk/complaints/${referral.complaintId}`}>
                      {referral.direction === 'outgoing' ? t('page.ourComplaint') : t('page.transferredComplaint')}
                    </Link>
                  </dd>
                </>
              )}
            </dl>
          </section>

          <section aria-labelledby="reason-heading">
            <h2 id="reason-heading">{t('page.reason')}</h2>
            <p className="preserve">{referral.reason}</p>
          </section>

          {referral.consentOverride && (
            <div className="warning-box" data-testid="consent-override">
              <h2 style={{ marginTop: 0 }}>{t('page.overrideTitle')}</h2>
              <p>{t('page.overrideBy', { name: referral.consentOverride.by ?? t('unknownPerson'), time: formatDateTime(referral.consentOverride.at, i18n.language) })}</p>
              <p className="preserve">{referral.consentOverride.reason}</p>
            </div>
          )}

          <ReferralActions referral={referral} onDone={done} />

          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t('history.title')}</h2>
            <p className="hint">{t('history.hint')}</p>
            <ol className="thread" data-testid="referral-history">
              {referral.events.map((event) => (
                <EventItem key={event.id} event={event} referral={referral} />
              ))}
            </ol>
            {(referral.state === 'pending' || referral.state === 'accepted') && <MessageForm referral={referral} onDone={done} />}
          </section>

          <SharedCaseView shared={referral.shared} sharedFields={referral.sharedFields} />
        </>
      )}
    </>
  );
}

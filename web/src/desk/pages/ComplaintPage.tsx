import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api';
import { Assignment, Transitions } from '../components/complaint/CaseActions';
import { CaseSummary, NarrativeAndConsent, People } from '../components/complaint/Details';
import { AuditHistory, EvidenceSection } from '../components/complaint/Evidence';
import { Outcomes } from '../components/complaint/Outcomes';
import { RightsSection } from '../components/complaint/Rights';
import { ReferPanel } from '../components/referrals/ReferPanel';
import { Timeline } from '../components/complaint/Timeline';
import type { ComplaintDetail, CreatedState, User } from '../components/types';
import { Announcement, ErrorAlert, PageHeading, useAnnouncement, useErrorMessage } from '../components/ui';
import { useSession } from '../session';

/** The reference and PIN to give the worker, shown once after registering. */
function CreatedNotice({ created, agencyLinksFailed, onDone }: { created: NonNullable<CreatedState['created']>; agencyLinksFailed: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice" tabIndex={-1} ref={ref} aria-labelledby="created-heading">
      <h2 id="created-heading" style={{ marginTop: 0 }}>{t('complaint.created.title')}</h2>
      <p>{t('complaint.created.give')}</p>
      <div className="secret-box">
        <div>
          <span className="hint">{t('complaint.created.reference')}</span>
          <span className="secret" data-testid="created-reference">{created.reference}</span>
        </div>
        <div>
          <span className="hint">{t('complaint.created.pin')}</span>
          <span className="secret" data-testid="created-pin">{created.pin}</span>
        </div>
      </div>
      <p className="hint">{t('complaint.created.pinOnce')}</p>
      {created.failedUploads.length > 0 && (
        <div className="alert" role="alert">
          <p>{t('complaint.created.uploadsFailed')}</p>
          <ul>
            {created.failedUploads.map((f) => (
              <li key={f.filename}>{t('common.errorFor', { field: f.filename, message: f.message })}</li>
            ))}
          </ul>
        </div>
      )}
      {agencyLinksFailed.length > 0 && (
        <div className="alert" role="alert" id="agency-links-failed">
          <p style={{ margin: 0 }}>{t('agencyMatch.linkFailed', { names: agencyLinksFailed.join(t('common.listSeparator')), count: agencyLinksFailed.length })}</p>
        </div>
      )}
      <div className="actions" style={{ marginBottom: 0 }}>
        <button type="button" className="secondary" onClick={() => window.print()}>{t('complaint.created.print')}</button>
        <button type="button" onClick={onDone}>{t('complaint.created.done')}</button>
      </div>
    </div>
  );
}

export function ComplaintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const [complaint, setComplaint] = useState<ComplaintDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [users, setUsers] = useState<User[] | null>(null);
  const status = useAnnouncement();
  const createdState = location.state as (CreatedState & { agencyLinksFailed?: string[] }) | null;
  const created = createdState?.created;
  const showCreated = created?.id === id ? created : undefined;

  const load = useCallback(async () => {
    try {
      setComplaint(await api<ComplaintDetail>('GET', `/api/v1/complaints/${id}`));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [id, errorMessage]);

  useEffect(() => {
    setComplaint(null);
    void load();
  }, [load]);

  useEffect(() => {
    if (!['case_manager', 'supervisor'].includes(user.role)) return;
    api<{ items: User[] }>('GET', '/api/v1/users').then((r) => setUsers(r.items), () => setUsers(null));
  }, [user.role]);

  const userName = useCallback(
    (userId: string | null) => {
      if (!userId) return t('complaint.system');
      if (userId === user.id) return t('complaint.you', { name: user.name });
      return users?.find((u) => u.id === userId)?.name ?? t('complaint.otherUser');
    },
    [t, user, users],
  );

  /** After a change: reload, then announce it and move focus to the announcement. */
  const done = useCallback(
    async (message: string) => {
      await load();
      status.announce(message);
    },
    [load, status.announce],
  );

  const dismissCreated = () => {
    navigate(location.pathname, { replace: true, state: null });
    requestAnimationFrame(() => document.getElementById('complaint-heading')?.focus());
  };

  const title = complaint ? t('complaint.title', { reference: complaint.reference }) : t('complaint.loadingTitle');
  return (
    <>
      <p>
        <Link to="/desk/complaints">{t('complaint.backToList')}</Link>
      </p>
      <PageHeading id="complaint-heading" title={title} focusKey={showCreated ? undefined : complaint?.id} />
      {error && <ErrorAlert message={error} />}
      {showCreated && <CreatedNotice created={showCreated} agencyLinksFailed={createdState?.agencyLinksFailed ?? []} onDone={dismissCreated} />}
      <Announcement message={status.message} announcementRef={status.ref} />
      {complaint && (
        <>
          <CaseSummary complaint={complaint} assignee={complaint.assignedTo ? userName(complaint.assignedTo) : t('complaint.assignment.nobody')} />
          {['case_manager', 'supervisor'].includes(user.role) && (
            <section key={complaint.id} aria-labelledby="handling-heading" className="card">
              <h2 id="handling-heading" style={{ marginTop: 0 }}>{t('complaint.handling')}</h2>
              <Assignment complaint={complaint} users={users} done={done} />
              <Transitions complaint={complaint} users={users} done={done} />
            </section>
          )}
          <People complaint={complaint} done={done} />
          <NarrativeAndConsent complaint={complaint} />
          <RightsSection complaint={complaint} />
          <ReferPanel complaint={complaint} done={done} />
          <Timeline complaint={complaint} userName={userName} done={done} />
          <Outcomes complaint={complaint} done={done} />
          <EvidenceSection complaint={complaint} done={done} />
          {user.role === 'supervisor' && <AuditHistory key={complaint.id} complaintId={complaint.id} userName={userName} />}
        </>
      )}
    </>
  );
}

// The respondents of a complaint; for recruitment agencies, the registry agency confirmed for them, its licence
// status on the recruitment date and the illegal-recruitment warning, or a search of the registry to link one.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useSession } from '../../session';
import { useNames } from '../codes';
import {
  type AgencySummary,
  AgencySuggestions,
  type LicenceStatus,
  LicenceStatusBadge,
  linkRespondentAgency,
  matchCountry,
} from '../intake/AgencyMatch';
import { formatDay } from '../rights';
import type { ComplaintDetail } from '../types';
import { ErrorAlert, useErrorMessage, useSubmission } from '../ui';

/** A respondent as the API answers it, with the registry link of recruitment agencies. */
export type LinkedRespondent = ComplaintDetail['respondents'][number] & {
  agencyId?: string | null;
  licenceStatusOnRecruitment?: LicenceStatus | null;
  possibleIllegalRecruitment?: boolean;
};

const editors = ['desk_officer', 'case_manager', 'supervisor'];

/** The date the licence is checked on: the recruitment date when recorded, else the date received (as the API does). */
function checkedOn(complaint: ComplaintDetail): { date: string; recruitment: boolean } {
  const recruitedOn = complaint.rightsFacts?.recruitedOn;
  return recruitedOn ? { date: recruitedOn, recruitment: true } : { date: complaint.receivedAt.slice(0, 10), recruitment: false };
}

export function Respondents({ complaint, done }: { complaint: ComplaintDetail; done?: (message: string) => Promise<void> }) {
  const { t } = useTranslation();
  const names = useNames();
  const respondents = complaint.respondents as LinkedRespondent[];
  return (
    <section aria-labelledby="respondents-heading">
      <h2 id="respondents-heading">{t('intake.respondents.legend')}</h2>
      {respondents.length === 0 ? (
        <p>{t('complaint.respondents.none')}</p>
      ) : (
        <ul className="respondent-list">
          {respondents.map((r) => (
            <li key={r.id} id={`respondent-${r.id}`}>
              <strong>{t(`server:respondentType.${r.type}`)}</strong>
              {t('common.colon')}
              {r.name}
              {r.country && ` (${names.country(r.country)})`}
              {r.type === 'recruitment_agency' && <AgencyLink complaint={complaint} respondent={r} done={done} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AgencyLink({ complaint, respondent, done }: { complaint: ComplaintDetail; respondent: LinkedRespondent; done?: (message: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const canEdit = Boolean(done) && editors.includes(user.role);
  const [agency, setAgency] = useState<AgencySummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, send } = useSubmission();
  const agencyId = respondent.agencyId ?? null;

  useEffect(() => {
    setAgency(null);
    setLoadError(null);
    if (!agencyId) return;
    let current = true;
    api<AgencySummary>('GET', `/api/v1/agencies/${agencyId}`).then(
      (answer) => current && setAgency(answer),
      (caught) => current && setLoadError(errorMessage(caught)),
    );
    return () => {
      current = false;
    };
  }, [agencyId, errorMessage]);

  const save = async (id: string | null, message: string) => {
    if (!done) return;
    await send(async () => {
      await linkRespondentAgency(complaint.id, respondent.id, id);
      await done(message);
    });
  };

  if (!agencyId) {
    return (
      <div className="agency-link">
        <p className="hint" style={{ margin: 0 }}>{t('agencyMatch.notLinked')}</p>
        {canEdit && <AgencyFinder complaint={complaint} respondent={respondent} busy={busy} error={error}
          onChoose={(chosen) => void save(chosen.id, t('agencyMatch.linked', { name: chosen.name }))} />}
      </div>
    );
  }

  const when = checkedOn(complaint);
  const date = formatDay(when.date, i18n.language);
  const status = respondent.licenceStatusOnRecruitment;
  const displayName = agency?.name ?? respondent.name;
  return (
    <div className="agency-link" data-agency-id={agencyId}>
      {respondent.possibleIllegalRecruitment && status && (
        <div className="alert illegal-recruitment" id={`illegal-recruitment-${respondent.id}`} data-testid="illegal-recruitment-warning" data-status={status}>
          <strong>{t('agencyMatch.warning', { status: t(`agencyMatch.status.${status}`), date })}</strong>
          {t('agencyMatch.warningHint')}
        </div>
      )}
      <p style={{ margin: '0.25rem 0' }}>
        {t('agencyMatch.linkedTo')}
        {t('common.colon')}
        <strong>{displayName}</strong>
      </p>
      {loadError && <ErrorAlert message={t('agencyMatch.agencyUnavailable', { message: loadError })} />}
      <dl className="agency-facts">
        {agency && (
          <div>
            <dt>{t('agencyMatch.licenceNumber')}</dt>
            <dd className="nowrap">{agency.licenceNumber}</dd>
          </div>
        )}
        {status && (
          <div>
            <dt>{t(when.recruitment ? 'agencyMatch.statusOnRecruitment' : 'agencyMatch.statusOnReceipt', { date })}</dt>
            <dd><LicenceStatusBadge status={status} id={`licence-status-${respondent.id}`} /></dd>
          </div>
        )}
        {agency && agency.licenceStatus !== status && (
          <div>
            <dt>{t('agencyMatch.statusNow')}</dt>
            <dd><LicenceStatusBadge status={agency.licenceStatus} /></dd>
          </div>
        )}
      </dl>
      {canEdit && (
        <>
          <ErrorAlert message={error} />
          <button type="button" className="secondary small" id={`agency-clear-${respondent.id}`} disabled={busy}
            aria-label={t('agencyMatch.clearNamed', { name: displayName })}
            onClick={() => {
              if (window.confirm(t('agencyMatch.confirmClear', { name: displayName }))) void save(null, t('agencyMatch.unlinked'));
            }}>
            {t('agencyMatch.clear')}
          </button>
        </>
      )}
    </div>
  );
}

/** "Find in the registry": a name to search (the respondent's at first) and the registry's suggestions. */
function AgencyFinder({
  complaint,
  respondent,
  busy,
  error,
  onChoose,
}: {
  complaint: ComplaintDetail;
  respondent: LinkedRespondent;
  busy: boolean;
  error: string | null;
  onChoose: (agency: AgencySummary) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(respondent.name);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const prefix = `agency-find-${respondent.id}`;
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  return (
    <>
      <button type="button" className="secondary small" id={`${prefix}-open`} ref={toggleRef} aria-expanded={open} aria-controls={prefix}
        aria-label={t('agencyMatch.findNamed', { name: respondent.name })} onClick={() => setOpen((o) => !o)}>
        {t('agencyMatch.find')}
      </button>
      {open && (
        <div className="agency-finder" id={prefix}>
          <label htmlFor={`${prefix}-name`}>{t('agencyMatch.searchName')}</label>
          <input id={`${prefix}-name`} ref={inputRef} type="search" autoComplete="off" maxLength={300} value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setOpen(false);
                toggleRef.current?.focus();
              }
            }} />
          <AgencySuggestions idPrefix={`${prefix}-match`} name={name} country={matchCountry(respondent.country, complaint.origin)} busy={busy} onChoose={onChoose} />
          <ErrorAlert message={error} />
          <button type="button" className="secondary small" onClick={() => {
            setOpen(false);
            toggleRef.current?.focus();
          }}>
            {t('agencyMatch.close')}
          </button>
        </div>
      )}
    </>
  );
}

// The read-only parts of a complaint: summary, people, narrative, relief sought, consent.
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/i18n';
import { isicDivisions, isicSections, useNames } from '../codes';
import type { ComplaintDetail } from '../types';
import { OverdueBadge, StateBadge } from '../ui';
import { Respondents } from './Respondents';

export function sectorLabel(t: (key: string) => string, code: string | null): string {
  if (!code) return t('complaint.notGiven');
  return isicSections.includes(code) || isicDivisions.includes(code) ? `${code} · ${t(`isic.${code}`)}` : code;
}

export function CaseSummary({ complaint, assignee }: { complaint: ComplaintDetail; assignee: string }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('complaint.notYet'));
  return (
    <section aria-labelledby="summary-heading" className="card">
      <h2 id="summary-heading" style={{ marginTop: 0 }}>{t('complaint.summary.title')}</h2>
      <dl className="summary-list">
        <dt>{t('complaint.summary.state')}</dt>
        <dd>
          <StateBadge state={complaint.state} /> <OverdueBadge overdue={complaint.overdue} />
        </dd>
        <dt>{t('complaint.summary.assignedTo')}</dt>
        <dd>{assignee}</dd>
        <dt>{t('complaint.summary.corridor')}</dt>
        <dd>{t('common.corridor', { origin: names.country(complaint.origin), destination: names.country(complaint.destination) })}</dd>
        <dt>{t('complaint.summary.sector')}</dt>
        <dd>{sectorLabel(t, complaint.sector)}</dd>
        <dt>{t('complaint.summary.occupation')}</dt>
        <dd>{complaint.occupation ?? t('complaint.notGiven')}</dd>
        <dt>{t('complaint.summary.stage')}</dt>
        <dd>{t(`server:stage.${complaint.stage}`)}</dd>
        <dt>{t('complaint.summary.channel')}</dt>
        <dd>{t(`server:channel.${complaint.channel}`)}</dd>
        <dt>{t('complaint.summary.grievances')}</dt>
        <dd>{complaint.grievances.map((g) => t(`server:grievance.${g}`)).join(t('common.listSeparator'))}</dd>
        <dt>{t('complaint.summary.received')}</dt>
        <dd>{formatDateTime(complaint.receivedAt, i18n.language)}</dd>
        <dt>{t('complaint.summary.firstActionDue')}</dt>
        <dd>
          {formatDate(complaint.firstActionDueAt, i18n.language)}
          {complaint.firstActionAt && ` · ${t('complaint.summary.firstActionAt', { date: formatDateTime(complaint.firstActionAt, i18n.language) })}`}
        </dd>
        <dt>{t('complaint.summary.resolutionDue')}</dt>
        <dd>{formatDate(complaint.resolutionDueAt, i18n.language)}</dd>
        <dt>{t('complaint.summary.resolved')}</dt>
        <dd>{date(complaint.resolvedAt)}</dd>
        <dt>{t('complaint.summary.closed')}</dt>
        <dd>{date(complaint.closedAt)}</dd>
      </dl>
    </section>
  );
}

/** Workers, complainant and respondents; `done` (reload and announce) lets officers link respondents to the agency registry. */
export function People({ complaint, done }: { complaint: ComplaintDetail; done?: (message: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const dash = t('complaint.notGiven');
  const { complainant } = complaint;
  return (
    <>
      <section aria-labelledby="workers-heading">
        <h2 id="workers-heading">{t('complaint.workers.title', { count: complaint.workers.length })}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('intake.workers.name')}</th>
                <th scope="col">{t('intake.workers.sex')}</th>
                <th scope="col">{t('complaint.workers.born')}</th>
                <th scope="col">{t('intake.workers.nationality')}</th>
                <th scope="col">{t('intake.workers.passport')}</th>
                <th scope="col">{t('intake.workers.phone')}</th>
              </tr>
            </thead>
            <tbody>
              {complaint.workers.map((worker) => (
                <tr key={worker.id}>
                  <th scope="row">
                    {worker.name}
                    {worker.nameLatin && worker.nameLatin !== worker.name && <span className="hint">{worker.nameLatin}</span>}
                  </th>
                  <td>{t(`server:sex.${worker.sex}`)}</td>
                  <td>{worker.birthDate ? formatDate(worker.birthDate, i18n.language) : (worker.birthYear ?? dash)}</td>
                  <td>{worker.nationality ? names.country(worker.nationality) : dash}</td>
                  <td className="nowrap">{worker.passportNumber ?? dash}</td>
                  <td className="nowrap">{worker.phone ?? dash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="grid">
        <section aria-labelledby="complainant-heading">
          <h2 id="complainant-heading">{t('complaint.complainant.title')}</h2>
          <dl className="summary-list">
            <dt>{t('intake.complainant.type')}</dt>
            <dd>{t(`server:complainantType.${complainant.type}`)}</dd>
            <dt>{t('intake.complainant.name')}</dt>
            <dd>{complainant.name ?? dash}</dd>
            <dt>{t('intake.complainant.phone')}</dt>
            <dd>{complainant.phone ?? dash}</dd>
            {complainant.relationship && (
              <>
                <dt>{t('intake.complainant.relationship')}</dt>
                <dd>{complainant.relationship}</dd>
              </>
            )}
          </dl>
        </section>
        <Respondents complaint={complaint} done={done} />
      </div>
    </>
  );
}

export function NarrativeAndConsent({ complaint }: { complaint: ComplaintDetail }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  return (
    <>
      <section aria-labelledby="narrative-heading">
        <h2 id="narrative-heading">{t('complaint.narrative.title')}</h2>
        <p className="hint">{t('complaint.narrative.language', { language: names.language(complaint.narrative.language) })}</p>
        <p className="narrative" lang={complaint.narrative.language}>
          {complaint.narrative.text}
        </p>
      </section>
      <div className="grid">
        <section aria-labelledby="relief-heading">
          <h2 id="relief-heading">{t('intake.relief.legend')}</h2>
          {complaint.reliefSought.length === 0 ? (
            <p>{t('complaint.relief.none')}</p>
          ) : (
            <ul>
              {complaint.reliefSought.map((relief, index) => (
                <li key={index}>
                  {t(`server:relief.${relief.type}`)}
                  {relief.amount && `${t('common.colon')}${formatMoney(relief.amount.amount, relief.amount.currency, i18n.language)}`}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="consent-heading">
          <h2 id="consent-heading">{t('intake.consent.legend')}</h2>
          <dl className="summary-list">
            <dt>{t('intake.consent.services')}</dt>
            <dd>{yesNo(complaint.consent.services)}</dd>
            <dt>{t('intake.consent.shareWithOrganisations')}</dt>
            <dd>{yesNo(complaint.consent.shareWithOrganisations)}</dd>
            <dt>{t('intake.consent.statistics')}</dt>
            <dd>{yesNo(complaint.consent.statistics)}</dd>
            <dt>{t('intake.consent.explained')}</dt>
            <dd className="preserve">{complaint.consent.explained ?? t('complaint.notGiven')}</dd>
            <dt>{t('complaint.consent.recorded')}</dt>
            <dd>{formatDateTime(complaint.consent.recordedAt, i18n.language)}</dd>
          </dl>
        </section>
      </div>
    </>
  );
}

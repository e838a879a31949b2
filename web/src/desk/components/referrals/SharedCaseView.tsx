// What the receiving organisation sees of a referred complaint: the case's facts, then only the parts shared.
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/i18n';
import { sectorLabel } from '../complaint/Details';
import { formatNumber, useNames } from '../codes';
import type { SharedCase } from './types';

export function SharedCaseView({ shared, sharedFields }: { shared: SharedCase; sharedFields: string[] }) {
  const { t, i18n } = useTranslation('referrals');
  const names = useNames();
  const dash = t('notGiven');
  const yesNo = (value: boolean) => (value ? t('desk:common.yes') : t('desk:common.no'));
  const money = (amount: number | null, currency: string | null) => (amount === null || !currency ? dash : formatMoney(amount, currency, i18n.language));
  const complainant = shared.complainant as { type?: string; name?: string; phone?: string; relationship?: string } | undefined;
  return (
    <section aria-labelledby="shared-heading" data-testid="shared-case">
      <h2 id="shared-heading">{t('shared.title')}</h2>
      <p className="hint">
        {sharedFields.length > 0
          ? t('shared.fieldsShared', { fields: sharedFields.map((f) => t(`field.${f}`)).join(t('desk:common.listSeparator')) })
          : t('shared.noFieldsShared')}
      </p>
      <dl className="summary-list card">
        <dt>{t('shared.reference')}</dt>
        <dd>{shared.reference}</dd>
        <dt>{t('desk:complaint.summary.corridor')}</dt>
        <dd>{t('desk:common.corridor', { origin: names.country(shared.origin), destination: names.country(shared.destination) })}</dd>
        <dt>{t('desk:complaint.summary.sector')}</dt>
        <dd>{sectorLabel((key) => t(`desk:${key}`), shared.sector)}</dd>
        <dt>{t('desk:complaint.summary.occupation')}</dt>
        <dd>{shared.occupation ?? dash}</dd>
        <dt>{t('desk:complaint.summary.stage')}</dt>
        <dd>{t(`server:stage.${shared.stage}`)}</dd>
        <dt>{t('desk:complaint.summary.grievances')}</dt>
        <dd>{shared.grievances.map((g) => t(`server:grievance.${g}`)).join(t('desk:common.listSeparator'))}</dd>
        <dt>{t('shared.workerCount')}</dt>
        <dd>{formatNumber(shared.workerCount, i18n.language)}</dd>
        <dt>{t('desk:complaint.summary.channel')}</dt>
        <dd>{t(`server:channel.${shared.channel}`)}</dd>
        <dt>{t('desk:complaint.summary.received')}</dt>
        <dd>{formatDateTime(shared.receivedAt, i18n.language)}</dd>
        <dt>{t('shared.consent')}</dt>
        <dd>
          {t('shared.consentLine', {
            services: yesNo(shared.consent.services),
            share: yesNo(shared.consent.shareWithOrganisations),
            statistics: yesNo(shared.consent.statistics),
          })}
        </dd>
      </dl>

      {shared.narrative && (
        <>
          <h3>{t('field.narrative')}</h3>
          <p className="hint">{t('desk:complaint.narrative.language', { language: names.language(shared.narrative.language) })}</p>
          <p className="narrative" lang={shared.narrative.language}>{shared.narrative.text}</p>
        </>
      )}

      {shared.workers && shared.workers.length > 0 && (
        <>
          <h3>{t('field.workers')}</h3>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('desk:intake.workers.name')}</th>
                  <th scope="col">{t('desk:intake.workers.sex')}</th>
                  <th scope="col">{t('shared.languages')}</th>
                  {sharedFields.includes('workerIdentity') && (
                    <>
                      <th scope="col">{t('desk:complaint.workers.born')}</th>
                      <th scope="col">{t('desk:intake.workers.nationality')}</th>
                      <th scope="col">{t('desk:intake.workers.passport')}</th>
                    </>
                  )}
                  {sharedFields.includes('workerContacts') && <th scope="col">{t('desk:intake.workers.phone')}</th>}
                </tr>
              </thead>
              <tbody>
                {shared.workers.map((w, index) => (
                  <tr key={index}>
                    <th scope="row">
                      {w.name ?? t('shared.workerNumber', { n: index + 1 })}
                      {w.nameLatin && w.nameLatin !== w.name && <span className="hint">{w.nameLatin}</span>}
                    </th>
                    <td>{w.sex ? t(`server:sex.${w.sex}`) : dash}</td>
                    <td>{w.languages && w.languages.length > 0 ? w.languages.map((l) => names.language(l)).join(t('desk:common.listSeparator')) : dash}</td>
                    {sharedFields.includes('workerIdentity') && (
                      <>
                        <td>{w.birthDate ? formatDate(w.birthDate, i18n.language) : (w.birthYear ?? dash)}</td>
                        <td>{w.nationality ? names.country(w.nationality) : dash}</td>
                        <td className="nowrap">{w.passportNumber ?? dash}</td>
                      </>
                    )}
                    {sharedFields.includes('workerContacts') && <td className="nowrap">{w.phone ?? dash}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {complainant && (
        <>
          <h3>{t('field.complainant')}</h3>
          <dl className="summary-list">
            <dt>{t('desk:intake.complainant.type')}</dt>
            <dd>{complainant.type ? t(`server:complainantType.${complainant.type}`) : dash}</dd>
            <dt>{t('desk:intake.complainant.name')}</dt>
            <dd>{complainant.name ?? dash}</dd>
            <dt>{t('desk:intake.complainant.phone')}</dt>
            <dd>{complainant.phone ?? dash}</dd>
            {complainant.relationship && (
              <>
                <dt>{t('desk:intake.complainant.relationship')}</dt>
                <dd>{complainant.relationship}</dd>
              </>
            )}
          </dl>
        </>
      )}

      {shared.respondents && (
        <>
          <h3>{t('field.respondents')}</h3>
          {shared.respondents.length === 0 ? (
            <p>{dash}</p>
          ) : (
            <ul>
              {shared.respondents.map((r, index) => (
                <li key={index}>
                  {r.name} · {t(`server:respondentType.${r.type}`)}
                  {r.country && ` · ${names.country(r.country)}`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {shared.reliefSought && (
        <>
          <h3>{t('field.reliefSought')}</h3>
          {shared.reliefSought.length === 0 ? (
            <p>{dash}</p>
          ) : (
            <ul>
              {shared.reliefSought.map((relief, index) => (
                <li key={index}>
                  {t(`server:relief.${relief.type}`)}
                  {relief.amount && `${t('desk:common.colon')}${formatMoney(relief.amount.amount, relief.amount.currency, i18n.language)}`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {shared.outcomes && (
        <>
          <h3>{t('field.outcomes')}</h3>
          {shared.outcomes.length === 0 ? (
            <p>{dash}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('outcome.type')}</th>
                    <th scope="col" className="num">{t('outcome.claimed')}</th>
                    <th scope="col" className="num">{t('outcome.awarded')}</th>
                    <th scope="col" className="num">{t('outcome.received')}</th>
                    <th scope="col">{t('desk:complaint.outcomes.decidedOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shared.outcomes.map((o, index) => (
                    <tr key={index}>
                      <th scope="row">{t(`server:outcome.${o.type}`)}</th>
                      <td className="num nowrap">{money(o.claimed, o.currency)}</td>
                      <td className="num nowrap">{money(o.awarded, o.currency)}</td>
                      <td className="num nowrap">{money(o.received, o.currency)}</td>
                      <td className="nowrap">{o.decidedOn ? formatDate(o.decidedOn, i18n.language) : dash}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

// The rights check of a complaint: the agreements applied, one finding per provision, and the facts recorded.
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, localeFor } from '../../../shared/i18n';
import { useNames } from '../codes';
import { authorityLabel, feeItemLabel, findingStatuses, formatDay, formatMonth } from '../rights';
import type { ComplaintDetail, RightsFacts, RightsFinding } from '../types';

function FindingItem({ finding }: { finding: RightsFinding }) {
  const { t, i18n } = useTranslation();
  const rate = finding.exchangeRate;
  return (
    <li className={`finding finding-${finding.status}`}>
      <span className={`badge finding-${finding.status}`}>{t(`complaint.rights.status.${finding.status}`)}</span>{' '}
      <span className="finding-message">{finding.message}</span>
      <span className="finding-source">
        {t('complaint.rights.cited', { agreement: finding.baseline ? t('complaint.rights.baseline') : finding.agreementTitle, clause: finding.clause })}
      </span>
      <span className="finding-source">{t('complaint.rights.source', { source: finding.source })}</span>
      {rate && (
        <span className="finding-source">
          {t('complaint.rights.rate', {
            from: rate.from,
            to: rate.to,
            rate: new Intl.NumberFormat(localeFor(i18n.language), { maximumFractionDigits: 6 }).format(rate.rate),
            date: formatDay(rate.validOn, i18n.language),
            source: rate.source,
          })}
        </span>
      )}
    </li>
  );
}

/** The facts recorded at intake, only those given. */
function FactsList({ facts }: { facts: RightsFacts }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const language = i18n.language;
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const money = (m: { amount: number; currency: string }) => formatMoney(m.amount, m.currency, language);
  const rows: Array<[string, ReactNode]> = [[t('intake.rights.recruitedOn'), formatDay(facts.recruitedOn, language)]];
  if (facts.destinationRegion) rows.push([t('intake.rights.region'), facts.destinationRegion]);
  if (facts.workerPaid?.length) {
    rows.push([t('intake.rights.paid.legend'), facts.workerPaid.map((p) => t('complaint.rights.paidItem', { item: feeItemLabel(t, p.item, language), amount: money(p) })).join(t('common.listSeparator'))]);
  }
  if (facts.passportHeldBy) rows.push([t('intake.rights.passport'), t(`intake.rights.holder.${facts.passportHeldBy}`)]);
  if (facts.monthlyWage) rows.push([t('intake.rights.wage'), money(facts.monthlyWage)]);
  if (facts.deductions?.length) {
    rows.push([
      t('intake.rights.deductions.legend'),
      facts.deductions
        .map((d) =>
          d.month
            ? t('complaint.rights.deductionItem', { item: feeItemLabel(t, d.item, language), amount: money(d), month: formatMonth(d.month, language) })
            : t('complaint.rights.paidItem', { item: feeItemLabel(t, d.item, language), amount: money(d) }),
        )
        .join(t('common.listSeparator')),
    ]);
  }
  if (facts.restDaysPerWeek !== undefined && facts.restDaysPerWeek !== null) rows.push([t('intake.rights.restDays'), t('intake.rights.restDaysOption', { count: facts.restDaysPerWeek })]);
  if (facts.restDayPaidInLieu !== undefined && facts.restDayPaidInLieu !== null) rows.push([t('intake.rights.paidInLieu'), yesNo(facts.restDayPaidInLieu)]);
  if (facts.wagePayment?.method) rows.push([t('intake.rights.wageMethod'), t(`intake.rights.method.${facts.wagePayment.method}`)]);
  if (facts.wagePayment?.daysAfterPayDate !== undefined && facts.wagePayment?.daysAfterPayDate !== null) {
    rows.push([t('intake.rights.wageDays'), String(facts.wagePayment.daysAfterPayDate)]);
  }
  if (facts.contractEndorsedBy) {
    rows.push([
      t('intake.rights.endorsements'),
      facts.contractEndorsedBy.length ? facts.contractEndorsedBy.map((code) => authorityLabel(code, t, names.country)).join(t('common.listSeparator')) : t('intake.rights.endorsedByNone'),
    ]);
  }
  if (facts.canCommunicateWithFamily !== undefined && facts.canCommunicateWithFamily !== null) rows.push([t('intake.rights.family'), yesNo(facts.canCommunicateWithFamily)]);
  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function RightsSection({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const check = complaint.rightsCheck;
  const facts = complaint.rightsFacts;
  // Breaches first, then what could not be checked, then what complies; the agreements' order within each.
  const findings = check ? [...check.findings].sort((a, b) => findingStatuses.indexOf(a.status) - findingStatuses.indexOf(b.status)) : [];
  const counts = findingStatuses
    .map((status) => ({ status, count: findings.filter((f) => f.status === status).length }))
    .filter((c) => c.count > 0)
    .map((c) => t(`complaint.rights.count.${c.status}`, { count: c.count }));
  return (
    <section aria-labelledby="rights-heading" className="card rights-check">
      <h2 id="rights-heading" style={{ marginTop: 0 }}>{t('complaint.rights.title')}</h2>
      {!check ? (
        <p>{t('complaint.rights.notChecked')}</p>
      ) : (
        <>
          <p className="hint">{t('complaint.rights.intro')}</p>
          <h3>{t('complaint.rights.agreements', { count: check.agreements.length })}</h3>
          {check.agreements.length === 0 ? (
            <p>{t('complaint.rights.noAgreement')}</p>
          ) : (
            <ul>
              {check.agreements.map((a) => (
                <li key={a.id}>{a.title}</li>
              ))}
            </ul>
          )}
          <h3>{t('complaint.rights.findings', { count: findings.length })}</h3>
          {counts.length > 0 && <p>{counts.join(t('common.listSeparator'))}</p>}
          <ul className="findings">
            {findings.map((finding) => (
              <FindingItem key={`${finding.agreementId}-${finding.provisionId}`} finding={finding} />
            ))}
          </ul>
        </>
      )}
      {facts && (
        <>
          <h3>{t('complaint.rights.facts')}</h3>
          <FactsList facts={facts} />
        </>
      )}
    </section>
  );
}

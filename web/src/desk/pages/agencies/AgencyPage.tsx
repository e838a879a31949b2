import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../shared/api';
import { useNames } from '../../components/codes';
import { AssessmentForm } from '../../components/agencies/AssessmentForm';
import { ComplaintRecord } from '../../components/agencies/ComplaintRecord';
import { AgencyLinks, formatDay, LicenceStatusBadge } from '../../components/agencies/helpers';
import { Sanctions } from '../../components/agencies/Sanctions';
import type { AgencyDetail } from '../../components/agencies/types';
import { ErrorAlert, PageHeading, useErrorMessage } from '../../components/ui';

export function AgencyPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('agencies');
  const names = useNames();
  const errorMessage = useErrorMessage();
  const [agency, setAgency] = useState<AgencyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setAgency(await api<AgencyDetail>('GET', `/api/v1/agencies/${id}`));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [id, errorMessage]);

  useEffect(() => {
    setAgency(null);
    void load();
  }, [load]);

  // A suspension or cancellation changes the licence status and its history.
  const onSanction = useCallback(() => void load(), [load]);

  if (!agency) {
    return (
      <>
        <PageHeading title={error ? t('agency.notFoundTitle') : t('desk:common.loading')} focusKey={id} />
        <AgencyLinks />
        <ErrorAlert message={error} />
      </>
    );
  }
  const validity =
    agency.licenceValidFrom || agency.licenceValidTo
      ? t('agency.validity', { from: formatDay(agency.licenceValidFrom, i18n.language) || '–', to: formatDay(agency.licenceValidTo, i18n.language) || '–' })
      : t('agency.notKnown');
  return (
    <>
      <PageHeading title={agency.name} focusKey={id} />
      <AgencyLinks />
      <ErrorAlert message={error} />
      <section aria-labelledby="licence-heading" className="card agency-section">
        <h2 id="licence-heading" style={{ marginTop: 0 }}>{t('agency.licence')}</h2>
        <dl className="summary-list">
          <dt>{t('agency.status')}</dt>
          <dd><LicenceStatusBadge status={agency.licenceStatus} /></dd>
          <dt>{t('columns.licenceNumber')}</dt>
          <dd>{agency.licenceNumber}</dd>
          <dt>{t('agency.issuingCountry')}</dt>
          <dd>{names.country(agency.issuingCountry)} ({agency.issuingCountry})</dd>
          <dt>{t('agency.authority')}</dt>
          <dd>{agency.issuingAuthority ?? t('agency.notKnown')}</dd>
          <dt>{t('agency.validityLabel')}</dt>
          <dd>{validity}</dd>
          <dt>{t('agency.otherNames')}</dt>
          <dd>{agency.otherNames.length ? agency.otherNames.join(t('desk:common.listSeparator')) : t('agency.noOtherNames')}</dd>
        </dl>
        <h3 id="history-heading">{t('agency.history')}</h3>
        {agency.licenceHistory.length === 0 ? (
          <p className="hint">{t('agency.noHistory')}</p>
        ) : (
          <div className="table-scroll">
            <table aria-labelledby="history-heading">
              <thead>
                <tr>
                  <th scope="col">{t('agency.effectiveOn')}</th>
                  <th scope="col">{t('agency.status')}</th>
                  <th scope="col">{t('agency.source')}</th>
                </tr>
              </thead>
              <tbody>
                {[...agency.licenceHistory]
                  .sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn))
                  .map((event, index) => (
                    <tr key={`${event.effectiveOn}-${event.status}-${index}`}>
                      <th scope="row" className="nowrap">{formatDay(event.effectiveOn, i18n.language)}</th>
                      <td><LicenceStatusBadge status={event.status} /></td>
                      <td className="preserve">{event.source}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ComplaintRecord agencyId={agency.id} />
      <Sanctions agencyId={agency.id} licenceNumber={agency.licenceNumber} onRecorded={onSanction} />
      <AssessmentForm agencyId={agency.id} />
    </>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/i18n';
import { formatNumber, useNames } from '../../components/codes';
import { AgencyLinks } from '../../components/agencies/helpers';
import type { PendingRating } from '../../components/agencies/types';
import { Announcement, ErrorAlert, PageHeading, useAnnouncement, useErrorMessage } from '../../components/ui';

/** The moderation queue: workers' ratings of agencies count only once a moderator approves them. */
export function Ratings() {
  const { t, i18n } = useTranslation('agencies');
  const names = useNames();
  const errorMessage = useErrorMessage();
  const [items, setItems] = useState<PendingRating[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const status = useAnnouncement();

  const load = useCallback(async () => {
    try {
      const result = await api<{ items: PendingRating[] }>('GET', '/api/v1/agency-ratings/pending');
      setItems(result.items);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [errorMessage]);

  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (rating: PendingRating, decision: 'approve' | 'reject') => {
    setActionError(null);
    setBusy(rating.id);
    try {
      await api('PUT', `/api/v1/agency-ratings/${rating.id}`, { decision });
      setItems((current) => (current ?? []).filter((r) => r.id !== rating.id));
      status.announce(t(decision === 'approve' ? 'ratings.approved' : 'ratings.rejected', { agency: rating.agencyName }));
    } catch (caught) {
      setActionError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  const count = items?.length ?? 0;
  const score = (value: number) => t('ratings.outOfFive', { score: formatNumber(value, i18n.language) });
  return (
    <>
      <PageHeading title={t('ratings.title')} />
      <AgencyLinks />
      <p>{t('ratings.intro')}</p>
      <ErrorAlert message={error} />
      <Announcement message={status.message} announcementRef={status.ref} />
      <ErrorAlert message={actionError} />
      {items && (
        <section aria-labelledby="ratings-heading">
          <h2 id="ratings-heading">{t('ratings.count', { count, formatted: formatNumber(count, i18n.language) })}</h2>
          {items.length === 0 ? (
            <p>{t('ratings.none')}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t('ratings.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ratings.agency')}</th>
                    <th scope="col">{t('ratings.fees')}</th>
                    <th scope="col">{t('ratings.orientation')}</th>
                    <th scope="col">{t('ratings.contract')}</th>
                    <th scope="col">{t('ratings.comment')}</th>
                    <th scope="col">{t('ratings.submitted')}</th>
                    <th scope="col">{t('ratings.decision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((rating) => {
                    const submitted = formatDateTime(rating.createdAt, i18n.language);
                    return (
                      <tr key={rating.id}>
                        <th scope="row"><Link to={`/desk/agencies/${rating.agencyId}`}>{rating.agencyName}</Link></th>
                        <td className="nowrap">{score(rating.fees)}</td>
                        <td className="nowrap">{score(rating.orientation)}</td>
                        <td className="nowrap">{score(rating.contract)}</td>
                        <td>
                          {rating.comment ? <span className="preserve" lang={rating.language}>{rating.comment}</span> : <span className="hint">{t('ratings.noComment')}</span>}
                          {rating.comment && <span className="hint">{t('ratings.language', { language: names.language(rating.language) })}</span>}
                        </td>
                        <td className="nowrap">{submitted}</td>
                        <td>
                          <div className="actions" style={{ margin: 0 }}>
                            <button type="button" className="small" disabled={busy !== null} onClick={() => void decide(rating, 'approve')}
                              aria-label={t('ratings.approveLabel', { agency: rating.agencyName, date: submitted })}>
                              {t('ratings.approve')}
                            </button>
                            <button type="button" className="small danger" disabled={busy !== null} onClick={() => void decide(rating, 'reject')}
                              aria-label={t('ratings.rejectLabel', { agency: rating.agencyName, date: submitted })}>
                              {t('ratings.reject')}
                            </button>
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {!items && !error && <p>{t('desk:common.loading')}</p>}
    </>
  );
}

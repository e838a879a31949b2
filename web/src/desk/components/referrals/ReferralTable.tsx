// The referrals table of the referrals page and of the complaint page: no personal data, one link per referral.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/i18n';
import { useNames } from '../codes';
import type { ReferralSummary } from './types';
import './referrals.css';

export function ReferralStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('referrals');
  return <span className={`badge referral-${state}`}>{t(`state.${state}`)}</span>;
}

export function ReferralOverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation('referrals');
  if (!overdue) return null;
  return <span className="badge overdue">{t('overdue')}</span>;
}

export function ReferralTable({ items, caption }: { items: ReferralSummary[]; caption: string }) {
  const { t, i18n } = useTranslation('referrals');
  const names = useNames();
  const other = (r: ReferralSummary) => (r.direction === 'incoming' ? r.from : r.to);
  return (
    <div className="table-scroll">
      <table className="complaint-table referral-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.reference')}</th>
            <th scope="col">{t('columns.kind')}</th>
            <th scope="col">{t('columns.state')}</th>
            <th scope="col">{items[0]?.direction === 'incoming' ? t('columns.from') : t('columns.to')}</th>
            <th scope="col">{t('columns.grievances')}</th>
            <th scope="col">{t('columns.sent')}</th>
            <th scope="col">{t('columns.answerBy')}</th>
            <th scope="col">{t('columns.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-testid={`referral-row-${r.id}`}>
              <th scope="row" className="nowrap">
                <Link to={`/desk/referrals/${r.id}`}>
                  {r.reference}
                </Link>
              </th>
              <td data-label={t('columns.kind')}>{t(`kind.${r.kind}`)}</td>
              <td data-label={t('columns.state')}>
                <ReferralStateBadge state={r.state} />
              </td>
              <td className="wide" data-label={r.direction === 'incoming' ? t('columns.from') : t('columns.to')}>
                {other(r).name || t('unknownOrganisation')}
                {other(r).country && <span className="hint">{names.country(other(r).country)}</span>}
              </td>
              <td className="wide" data-label={t('columns.grievances')}>{r.grievances.map((code) => t(`server:grievance.${code}`)).join(t('desk:common.listSeparator'))}</td>
              <td className="nowrap" data-label={t('columns.sent')}>{formatDate(r.createdAt, i18n.language)}</td>
              <td className="nowrap" data-label={t('columns.answerBy')}>{r.state === 'pending' ? formatDate(r.responseDueAt, i18n.language) : ''}</td>
              <td className="badge-cell">
                <ReferralOverdueBadge overdue={r.overdue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

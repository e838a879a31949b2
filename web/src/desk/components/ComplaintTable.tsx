import { type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/i18n';
import { useSession } from '../session';
import { formatNumber, useNames } from './codes';
import type { ComplaintSummary } from './types';
import { OverdueBadge, StateBadge } from './ui';

/** Roles that may open a complaint (analysts see lists without personal data only). */
export const canReadComplaints = (role: string) => ['desk_officer', 'case_manager', 'supervisor'].includes(role);

/**
 * The complaints table of the list and of "My work". `focusRowId`/`focusRef` give focus to the reference link
 * of one row (the first one loaded by "Load more").
 */
export function ComplaintTable({
  items,
  caption,
  focusRowId,
  focusRef,
}: {
  items: ComplaintSummary[];
  caption: string;
  focusRowId?: string;
  focusRef?: RefObject<HTMLAnchorElement | null>;
}) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const names = useNames();
  const linkable = canReadComplaints(user.role);
  return (
    <div className="table-scroll">
      <table className="complaint-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.columns.reference')}</th>
            <th scope="col">{t('list.columns.state')}</th>
            <th scope="col">{t('list.columns.corridor')}</th>
            <th scope="col">{t('list.columns.grievances')}</th>
            <th scope="col" className="num">{t('list.columns.workers')}</th>
            <th scope="col">{t('list.columns.received')}</th>
            <th scope="col">{t('list.columns.firstActionDue')}</th>
            <th scope="col">{t('list.columns.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="nowrap">
                {linkable ? (
                  <Link to={`/desk/complaints/${item.id}`} ref={item.id === focusRowId ? focusRef : undefined}>
                    {item.reference}
                  </Link>
                ) : (
                  item.reference
                )}
              </th>
              <td data-label={t('list.columns.state')}>
                <StateBadge state={item.state} />
              </td>
              <td data-label={t('list.columns.corridor')}>{t('common.corridor', { origin: names.country(item.origin), destination: names.country(item.destination) })}</td>
              <td className="wide" data-label={t('list.columns.grievances')}>{item.grievances.map((code) => t(`server:grievance.${code}`)).join(t('common.listSeparator'))}</td>
              <td className="num" data-label={t('list.columns.workers')}>{formatNumber(item.workerCount, i18n.language)}</td>
              <td className="nowrap" data-label={t('list.columns.received')}>{formatDate(item.receivedAt, i18n.language)}</td>
              <td className="nowrap" data-label={t('list.columns.firstActionDue')}>
                {item.firstActionAt ? t('list.firstActionDone', { date: formatDate(item.firstActionAt, i18n.language) }) : formatDate(item.firstActionDueAt, i18n.language)}
              </td>
              <td className="badge-cell">
                <OverdueBadge overdue={item.overdue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

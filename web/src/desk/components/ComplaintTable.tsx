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

/** Where a search matched in one complaint (see SearchHighlight in the API): UTF-16 ranges of `text`. */
export interface SearchHighlight {
  field: 'reference' | 'worker' | 'complainant' | 'respondent' | 'narrative';
  text: string;
  matches: Array<{ start: number; end: number }>;
}

/** Text with its matched ranges marked. */
export function HighlightedText({ text, matches }: Pick<SearchHighlight, 'text' | 'matches'>) {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const { start, end } of [...matches].sort((a, b) => a.start - b.start)) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return <>{parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
}

function Highlights({ highlights }: { highlights: SearchHighlight[] }) {
  const { t } = useTranslation();
  if (highlights.length === 0) return null;
  return (
    <ul className="plain" style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
      {highlights.map((highlight, i) => (
        <li key={i}>
          <span className="hint" style={{ display: 'inline' }}>
            {t(`list.highlight.${highlight.field}`)}
            {t('list.highlight.separator')}
          </span>
          <HighlightedText text={highlight.text} matches={highlight.matches} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The complaints table of the list and of "My work". `focusRowId`/`focusRef` give focus to the reference link
 * of one row (the first one loaded by "Load more"). With `showHighlights` (a search), each row says where the
 * search matched, with the matching words marked.
 */
export function ComplaintTable({
  items,
  caption,
  focusRowId,
  focusRef,
  showHighlights = false,
}: {
  items: Array<ComplaintSummary & { highlights?: SearchHighlight[] }>;
  caption: string;
  focusRowId?: string;
  focusRef?: RefObject<HTMLAnchorElement | null>;
  showHighlights?: boolean;
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
            {showHighlights && <th scope="col">{t('list.columns.matches')}</th>}
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
              {showHighlights && (
                <td className="wide" data-label={t('list.columns.matches')}>
                  <Highlights highlights={item.highlights ?? []} />
                </td>
              )}
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

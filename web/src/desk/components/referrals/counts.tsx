// Referral counts: the navigation link with what waits for an answer, and the boxes on "My work".
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { api } from '../../../shared/api';
import { formatNumber } from '../codes';
import type { ReferralCounts } from './types';

/** Roles that see referrals (the API's `referral.read`). */
export const canSeeReferrals = (role: string) => ['desk_officer', 'case_manager', 'supervisor'].includes(role);

const changedEvent = 'lintas:referrals-changed';
/** Tells the counts on screen that a referral was sent or answered. */
export const referralsChanged = () => window.dispatchEvent(new Event(changedEvent));

/** The organisation's referral counts, reloaded on each page change and after a referral changes; null until loaded or on failure. */
export function useReferralCounts(): ReferralCounts | null {
  const { pathname } = useLocation();
  const [counts, setCounts] = useState<ReferralCounts | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const changed = () => setTick((n) => n + 1);
    window.addEventListener(changedEvent, changed);
    return () => window.removeEventListener(changedEvent, changed);
  }, []);
  useEffect(() => {
    let current = true;
    api<ReferralCounts>('GET', '/api/v1/referrals/counts').then(
      (result) => current && setCounts(result),
      () => current && setCounts(null),
    );
    return () => {
      current = false;
    };
  }, [pathname, tick]);
  return counts;
}

/** "Referrals · 3 waiting · 1 overdue": incoming referrals waiting for an answer, and those of them past their response date. */
export function ReferralsNavLink() {
  const { t, i18n } = useTranslation('referrals');
  const counts = useReferralCounts();
  const waiting = counts?.incoming.pending ?? 0;
  const overdue = counts?.incoming.overdue ?? 0;
  return (
    <NavLink to="/desk/referrals" data-testid="nav-referrals">
      {t('nav.referrals')}
      {waiting > 0 && <span className="nav-count">{t('nav.waiting', { count: waiting, n: formatNumber(waiting, i18n.language) })}</span>}
      {overdue > 0 && <span className="nav-count overdue">{t('nav.overdue', { count: overdue, n: formatNumber(overdue, i18n.language) })}</span>}
    </NavLink>
  );
}

/** The referral boxes on "My work": incoming waiting and overdue, outgoing waiting and accepted, each a link to the list. */
export function ReferralCountBoxes() {
  const { t, i18n } = useTranslation('referrals');
  const counts = useReferralCounts();
  if (!counts) return null;
  const boxes = [
    { key: 'incoming-pending', count: counts.incoming.pending, label: t('counts.incomingPending'), to: '/desk/referrals?direction=incoming&state=pending' },
    { key: 'incoming-overdue', count: counts.incoming.overdue, label: t('counts.incomingOverdue'), to: '/desk/referrals?direction=incoming&overdue=true' },
    { key: 'incoming-accepted', count: counts.incoming.accepted, label: t('counts.incomingAccepted'), to: '/desk/referrals?direction=incoming&state=accepted' },
    { key: 'outgoing-pending', count: counts.outgoing.pending, label: t('counts.outgoingPending'), to: '/desk/referrals?direction=outgoing&state=pending' },
    { key: 'outgoing-overdue', count: counts.outgoing.overdue, label: t('counts.outgoingOverdue'), to: '/desk/referrals?direction=outgoing&overdue=true' },
    { key: 'outgoing-accepted', count: counts.outgoing.accepted, label: t('counts.outgoingAccepted'), to: '/desk/referrals?direction=outgoing&state=accepted' },
  ];
  return (
    <section aria-labelledby="referral-counts-heading">
      <h2 id="referral-counts-heading">{t('counts.title')}</h2>
      <ul className="counts" role="list" style={{ listStyle: 'none', padding: 0 }}>
        {boxes.map((box) => (
          <li key={box.key}>
            <Link to={box.to} className="card" data-testid={`referral-count-${box.key}`}>
              <span className="big-number">{formatNumber(box.count, i18n.language)}</span>
              <span className="hint">{box.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

// Small pieces shared by the agency pages: licence status badges, day formatting, periods, the section links.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { formatDate, localeFor } from '../../../shared/i18n';
import { formatNumber } from '../codes';
import { useSession } from '../../session';
import { moderatorRoles, type SuppressedCount } from './types';
import './agencies.css';

/** A calendar day (YYYY-MM-DD) in the interface language; noon UTC keeps the same day in every time zone of the region. */
export const formatDay = (day: string | null | undefined, language: string) => (day ? formatDate(`${day.slice(0, 10)}T12:00:00Z`, language) : '');

export function LicenceStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('agencies');
  return <span className={`badge licence-${status}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}

/** A count that may be suppressed: the number, or "fewer than 5". */
export function useSuppressedCount() {
  const { t, i18n } = useTranslation('agencies');
  return (value: SuppressedCount | null | undefined) =>
    !value ? '' : value.count !== null ? formatNumber(value.count, i18n.language) : t('fewerThan', { count: value.fewerThan ?? 5, formatted: formatNumber(value.fewerThan ?? 5, i18n.language) });
}

/** Assessment periods, newest first: each year, its halves and its quarters. */
export function periodOptions(years = 8): Array<{ year: number; periods: string[] }> {
  const current = new Date().getFullYear();
  return Array.from({ length: years }, (_, i) => current - i).map((year) => ({
    year,
    periods: [String(year), `${year}-H1`, `${year}-H2`, `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`],
  }));
}

/** A period code in words: "2025", "2025, first half", "2025, quarter 3". */
export function usePeriodLabel() {
  const { t } = useTranslation('agencies');
  return (period: string) => {
    const match = /^(\d{4})(?:-(H1|H2|Q[1-4]))?$/.exec(period);
    if (!match) return period;
    return t(`period.${match[2] ?? 'year'}`, { year: match[1] });
  };
}

/** Options of the periods; `extra` adds a chosen period older than the list. */
export function PeriodOptions({ extra }: { extra?: string }) {
  const periodLabel = usePeriodLabel();
  const options = periodOptions();
  const listed = !extra || options.some(({ periods }) => periods.includes(extra));
  return (
    <>
      {!listed && <option value={extra}>{periodLabel(extra)}</option>}
      {periodOptions().map(({ year, periods }) => (
        <optgroup key={year} label={String(year)}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodLabel(p)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** Links between the agency pages; the import and the moderation queue only for the roles that can use them. */
export function AgencyLinks() {
  const { t } = useTranslation('agencies');
  const { user } = useSession();
  return (
    <nav aria-label={t('links.label')} className="agency-links">
      <NavLink to="/desk/agencies" end>
        {t('links.search')}
      </NavLink>
      <NavLink to="/desk/agencies/ranking">{t('links.ranking')}</NavLink>
      {user.role === 'system_admin' && <NavLink to="/desk/agencies/import">{t('links.import')}</NavLink>}
      {moderatorRoles.includes(user.role) && <NavLink to="/desk/agencies/ratings">{t('links.ratings')}</NavLink>}
    </nav>
  );
}

/** A score out of 100 with at most one decimal, in the interface language. */
export const formatScore = (score: number, language: string) => new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: 1 }).format(score);

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { formatNumber } from '../components/codes';
import { ComplaintTable } from '../components/ComplaintTable';
import { ExportButtons } from '../components/ExportButtons';
import { type Filters, filterKeys, filterQuery, filtersFrom, ListFilters, SearchBox } from '../components/ListFilters';
import { SavedViews } from '../components/SavedViews';
import type { ComplaintListResult, ComplaintSummary, User } from '../components/types';
import { ErrorAlert, PageHeading, useErrorMessage } from '../components/ui';
import { useSession } from '../session';

const pageSize = 50;

export function ComplaintList() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const query = filterQuery(filters);
  const canList = ['desk_officer', 'case_manager', 'supervisor', 'analyst'].includes(user.role);

  const [items, setItems] = useState<ComplaintSummary[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [users, setUsers] = useState<User[] | null>(null);
  const [focusRowId, setFocusRowId] = useState<string | undefined>();
  const [indexing, setIndexing] = useState<ComplaintListResult['searchIndex'] | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(() => query !== '' || window.matchMedia('(min-width: 60rem)').matches);
  const focusRowRef = useRef<HTMLAnchorElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  useEffect(() => {
    if (!['case_manager', 'supervisor', 'org_admin', 'system_admin'].includes(user.role)) return;
    api<{ items: User[] }>('GET', '/api/v1/users')
      .then((result) => setUsers(result.items.filter((u) => ['desk_officer', 'case_manager', 'supervisor'].includes(u.role))))
      .catch(() => setUsers(null));
  }, [user.role]);

  // The first page whenever the filters in the URL change.
  useEffect(() => {
    if (!canList) return;
    let current = true;
    setLoading(true);
    setError(null);
    api<ComplaintListResult>('GET', `/api/v1/complaints?${query ? `${query}&` : ''}limit=${pageSize}`)
      .then((result) => {
        if (!current) return;
        setItems(result.items);
        setNextCursor(result.nextCursor);
        setIndexing(result.searchIndex ?? null);
        if (focusResults.current) resultsRef.current?.focus();
        focusResults.current = false;
      })
      .catch((caught) => {
        if (!current) return;
        setItems([]);
        setNextCursor(null);
        setError(errorMessage(caught));
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [query, errorMessage, canList]);

  useEffect(() => {
    if (focusRowId) focusRowRef.current?.focus();
  }, [focusRowId]);

  const apply = (next: Filters) => {
    focusResults.current = true;
    const search = new URLSearchParams(filterQuery(next));
    // Keep query-string keys the list does not own (none today), drop the ones it does.
    for (const [key, value] of params) if (!(filterKeys as readonly string[]).includes(key)) search.set(key, value);
    setParams(search);
  };

  const loadMore = async () => {
    if (!nextCursor) return;
    setLoading(true);
    setError(null);
    try {
      const result = await api<ComplaintListResult>('GET', `/api/v1/complaints?${query ? `${query}&` : ''}limit=${pageSize}&cursor=${encodeURIComponent(nextCursor)}`);
      setItems((current) => [...(current ?? []), ...result.items]);
      setNextCursor(result.nextCursor);
      setFocusRowId(result.items[0]?.id);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setLoading(false);
    }
  };

  const count = items?.length ?? 0;
  if (!canList) {
    return (
      <>
        <PageHeading title={t('list.title')} />
        <p className="notice">
          {t('list.notAllowed')} <Link to="/desk/admin">{t('nav.admin')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('list.title')} />
      <SearchBox initial={filters.q} onSearch={(q) => apply({ ...filters, q })} />
      <details className="card" open={filtersOpen} onToggle={(event) => setFiltersOpen(event.currentTarget.open)}>
        <summary>{query ? t('list.filters.summaryActive') : t('list.filters.summary')}</summary>
        <ListFilters initial={filters} users={users} onApply={apply} />
      </details>
      <SavedViews currentQuery={query} />
      <ExportButtons query={query} />

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" ref={resultsRef} tabIndex={-1}>
          {items === null
            ? t('common.loading')
            : nextCursor
              ? t('list.resultsMore', { count, formatted: formatNumber(count, i18n.language) })
              : t('list.results', { count, formatted: formatNumber(count, i18n.language) })}
        </h2>
        {filters.q && items !== null && <p className="hint">{t('list.search.resultsFor', { q: filters.q })}</p>}
        {filters.q && indexing && (
          <p className="notice" role="status">
            {t('list.search.indexing', {
              indexed: formatNumber(indexing.indexed, i18n.language),
              total: formatNumber(indexing.total, i18n.language),
              percent: formatNumber(Math.floor((100 * indexing.indexed) / Math.max(1, indexing.total)), i18n.language),
            })}
          </p>
        )}
        <ErrorAlert message={error} />
        {items && items.length === 0 && !error && <p>{filters.q ? t('list.search.empty') : t('list.empty')}</p>}
        {items && items.length > 0 && <ComplaintTable items={items} caption={t('list.title')} focusRowId={focusRowId} focusRef={focusRowRef} showHighlights={Boolean(filters.q)} />}
        <p role="status" className="hint">{loading && items !== null ? t('common.loading') : ''}</p>
        {nextCursor && (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void loadMore()} disabled={loading}>
              {t('list.loadMore', { count: pageSize })}
            </button>
          </div>
        )}
      </section>
    </>
  );
}

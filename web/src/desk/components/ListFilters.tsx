import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { channels, complaintStates, forcedLabourIndicators, grievanceCodes, isicDivisions, isicSections, migrationStages, outcomeTypes, referenceExample, respondentTypes, sexes } from './codes';
import { DateInput } from './DateInput';
import type { User } from './types';
import { CountryOptions } from './ui';

/** The query-string keys the list understands, in the order they are written to the URL. */
export const filterKeys = [
  'q',
  'state',
  'channel',
  'origin',
  'destination',
  'grievance',
  'indicator',
  'stage',
  'sector',
  'sex',
  'respondentType',
  'agency',
  'outcome',
  'assignedTo',
  'overdue',
  'receivedFrom',
  'receivedTo',
  'sort',
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Record<FilterKey, string>;

export const sortOptions = ['-received_at', 'received_at', 'first_action_due_at', '-first_action_due_at'] as const;

export function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ''])) as Filters;
}

/** The filters as a query string without empty values (and without the default sort). */
export function filterQuery(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key].trim();
    if (value && !(key === 'sort' && value === '-received_at')) params.set(key, value);
  }
  return params.toString();
}

/**
 * The list's search box: names in any script (or in Latin letters), words of the narrative, respondents and
 * references. Enter searches, Escape empties the box; a search keeps the other filters.
 */
export function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const { user, organisation } = useSession();
  const [q, setQ] = useState(initial);
  // Follow the URL when it changes from outside the box (a saved view, the back button).
  useEffect(() => setQ(initial), [initial]);
  const referencesOnly = !['desk_officer', 'case_manager', 'supervisor'].includes(user.role);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(q.trim());
  };
  return (
    <form role="search" className="card" onSubmit={submit} aria-label={t('list.search.label')}>
      <div className="field">
        <label htmlFor="complaint-search">{t('list.search.label')}</label>
        <span id="complaint-search-hint" className="hint">
          {referencesOnly ? t('list.search.hintReferencesOnly') : t('list.search.hint')}
        </span>
        <div className="actions">
          <input
            id="complaint-search"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            aria-describedby="complaint-search-hint"
            placeholder={t('list.search.placeholder', { example: referenceExample(organisation?.country) })}
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && q) {
                event.preventDefault();
                setQ('');
                if (initial) onSearch('');
              }
            }}
          />
          <button type="submit">{t('list.search.submit')}</button>
          {initial && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setQ('');
                onSearch('');
              }}
            >
              {t('list.search.clear')}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}

export function ListFilters({ initial, users, onApply }: { initial: Filters; users: User[] | null; onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(initial);
  const initialKey = filterQuery(initial);
  // Follow the URL when it changes from outside the form (a saved view, the back button).
  useEffect(() => setFilters(initial), [initialKey]);

  const set = (key: FilterKey, value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const states = filters.state ? filters.state.split(',') : [];
  const toggleState = (state: string, on: boolean) =>
    set('state', complaintStates.filter((s) => (s === state ? on : states.includes(s))).join(','));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };
  const clear = () => {
    const empty = Object.fromEntries(filterKeys.map((key) => [key, ''])) as Filters;
    setFilters(empty);
    onApply(empty);
  };

  const select = (key: FilterKey, label: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={filters[key]} onChange={(event) => set(key, event.target.value)}>
        <option value="">{t('list.filters.any')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form onSubmit={submit} aria-label={t('list.filters.title')}>
      <div className="fields">
        {select('channel', t('list.filters.channel'), channels.map((c) => [c, t(`server:channel.${c}`)]))}
        <div className="field">
          <label htmlFor="filter-origin">{t('list.filters.origin')}</label>
          <select id="filter-origin" value={filters.origin} onChange={(event) => set('origin', event.target.value)}>
            <option value="">{t('list.filters.any')}</option>
            <CountryOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-destination">{t('list.filters.destination')}</label>
          <select id="filter-destination" value={filters.destination} onChange={(event) => set('destination', event.target.value)}>
            <option value="">{t('list.filters.any')}</option>
            <CountryOptions />
          </select>
        </div>
        {select('grievance', t('list.filters.grievance'), grievanceCodes.map((g) => [g, t(`server:grievance.${g}`)]))}
        {select('indicator', t('list.filters.indicator'), [...forcedLabourIndicators, 'recruitment_fees'].map((i) => [i, t(`dashboard:indicator.${i}`)]))}
        {select('stage', t('list.filters.stage'), migrationStages.map((s) => [s, t(`server:stage.${s}`)]))}
        {select('sector', t('list.filters.sector'), [
          ...[...isicSections, ...isicDivisions].map((code): [string, string] => [code, t(`isic.${code}`)]),
          ['unknown', t('dashboard:label.unknown')],
        ])}
        {select('sex', t('list.filters.sex'), sexes.map((s) => [s, t(`server:sex.${s}`)]))}
        {select('respondentType', t('list.filters.respondentType'), respondentTypes.map((r) => [r, t(`server:respondentType.${r}`)]))}
        {select('outcome', t('list.filters.outcome'), outcomeTypes.map((o) => [o, t(`server:outcome.${o}`)]))}
        {select('assignedTo', t('list.filters.assignedTo'), [
          ['me', t('list.filters.assignedToMe')],
          ['none', t('list.filters.unassigned')],
          ...(users ?? []).map((u): [string, string] => [u.id, u.name]),
        ])}
        <div className="field">
          <label htmlFor="filter-receivedFrom">{t('list.filters.receivedFrom')}</label>
          <DateInput id="filter-receivedFrom" value={filters.receivedFrom} onChange={(iso) => set('receivedFrom', iso)} />
        </div>
        <div className="field">
          <label htmlFor="filter-receivedTo">{t('list.filters.receivedTo')}</label>
          <DateInput id="filter-receivedTo" value={filters.receivedTo} onChange={(iso) => set('receivedTo', iso)} />
        </div>
        <div className="field">
          <label htmlFor="filter-sort">{t('list.filters.sort')}</label>
          {filters.q && (
            <span id="filter-sort-hint" className="hint">
              {t('list.search.ranked')}
            </span>
          )}
          <select id="filter-sort" value={filters.sort || '-received_at'} aria-describedby={filters.q ? 'filter-sort-hint' : undefined} onChange={(event) => set('sort', event.target.value)}>
            {sortOptions.map((sort) => (
              <option key={sort} value={sort}>
                {t(`list.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset>
        <legend>{t('list.filters.state')}</legend>
        <div className="checkboxes-inline">
          {complaintStates.map((state) => (
            <label key={state} className="checkbox">
              <input type="checkbox" checked={states.includes(state)} onChange={(event) => toggleState(state, event.target.checked)} />
              {t(`server:state.${state}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {filters.agency && (
        <label className="checkbox">
          <input type="checkbox" checked onChange={() => set('agency', '')} />
          {t('list.filters.agencyOnly')}
        </label>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={filters.overdue === 'true'} onChange={(event) => set('overdue', event.target.checked ? 'true' : '')} />
        {t('list.filters.overdueOnly')}
      </label>
      <div className="actions">
        <button type="submit">{t('list.filters.apply')}</button>
        <button type="button" className="secondary" onClick={clear}>{t('list.filters.clear')}</button>
      </div>
    </form>
  );
}

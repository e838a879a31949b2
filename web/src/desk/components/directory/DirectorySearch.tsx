// The desk's directory search: what help, where, in which language, or part of a name → organisations here and on
// partner nodes, one of which the officer chooses.
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { languages } from '../../../shared/i18n';
import { useNames } from '../codes';
import { organisationServices, type Area, type DirectoryOrganisation } from '../referrals/types';
import { CountryOptions, Field, useErrorMessage } from '../ui';

export interface DirectoryFilters {
  service: string;
  country: string;
  subdivision: string;
  language: string;
  q: string;
}

/** The areas an organisation serves, in words: "Johor (MY-01), Malaysia". */
export function useAreaLabel() {
  const names = useNames();
  return (area: Area) => {
    const country = names.country(area.country);
    if (!area.subdivision) return area.name && area.name !== country ? `${area.name}, ${country}` : country;
    return `${area.name ?? area.subdivision} (${area.subdivision}), ${country}`;
  };
}

/** One organisation as a directory result: type, where it is, services, areas, languages, and whether a partner node hosts it. */
export function OrganisationFacts({ organisation }: { organisation: DirectoryOrganisation }) {
  const { t } = useTranslation('referrals');
  const names = useNames();
  const areaLabel = useAreaLabel();
  const sep = t('desk:common.listSeparator');
  const { profile } = organisation;
  return (
    <>
      <p className="hint">
        {t(`server:organisationType.${organisation.type}`)} · {names.country(organisation.country)}
      </p>
      {profile.services.length > 0 && <p>{t('directory.offers', { services: profile.services.map((s) => t(`service.${s}`)).join(sep) })}</p>}
      {profile.areas.length > 0 && <p>{t('directory.serves', { areas: profile.areas.map(areaLabel).join(sep) })}</p>}
      <p>{t('directory.speaks', { languages: organisation.languages.map((l) => names.language(l)).join(sep) })}</p>
      {organisation.nodeId && <p className="badge">{t('directory.partnerNode')}</p>}
    </>
  );
}

/** Filters for the directory, with the regions named in the directory itself for the chosen country. */
export function DirectoryFiltersFields({
  prefix,
  filters,
  onChange,
  allAreas,
}: {
  prefix: string;
  filters: DirectoryFilters;
  onChange: (next: DirectoryFilters) => void;
  allAreas: Area[];
}) {
  const { t } = useTranslation('referrals');
  const names = useNames();
  const set = (key: keyof DirectoryFilters, value: string) => onChange({ ...filters, [key]: value, ...(key === 'country' ? { subdivision: '' } : {}) });
  const subdivisions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const area of allAreas) if (area.country === filters.country && area.subdivision) seen.set(area.subdivision, area.name ?? area.subdivision);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [allAreas, filters.country]);
  return (
    <div className="fields">
      <Field id={`${prefix}-service`} label={t('directory.service')} render={(p) => (
        <select {...p} value={filters.service} onChange={(e) => set('service', e.target.value)}>
          <option value="">{t('directory.anyService')}</option>
          {organisationServices.map((s) => <option key={s} value={s}>{t(`service.${s}`)}</option>)}
        </select>
      )} />
      <Field id={`${prefix}-country`} label={t('directory.country')} render={(p) => (
        <select {...p} value={filters.country} onChange={(e) => set('country', e.target.value)}>
          <option value="">{t('directory.anyCountry')}</option>
          <CountryOptions />
        </select>
      )} />
      <Field id={`${prefix}-subdivision`} label={t('directory.region')} hint={t('directory.regionHint')} render={(p) => (
        <select {...p} value={filters.subdivision} disabled={!filters.country || subdivisions.length === 0} onChange={(e) => set('subdivision', e.target.value)}>
          <option value="">{t('directory.wholeCountry')}</option>
          {subdivisions.map(([code, name]) => <option key={code} value={code}>{`${name} (${code})`}</option>)}
        </select>
      )} />
      <Field id={`${prefix}-language`} label={t('directory.language')} render={(p) => (
        <select {...p} value={filters.language} onChange={(e) => set('language', e.target.value)}>
          <option value="">{t('directory.anyLanguage')}</option>
          {languages.map((l) => <option key={l} value={l}>{names.language(l)}</option>)}
        </select>
      )} />
      <Field id={`${prefix}-q`} label={t('directory.name')} render={(p) => (
        <input {...p} type="search" autoComplete="off" value={filters.q} onChange={(e) => set('q', e.target.value)} />
      )} />
    </div>
  );
}

/** The query string of a directory search. */
export function directoryQuery(filters: DirectoryFilters): string {
  const query = new URLSearchParams();
  if (filters.service) query.set('service', filters.service);
  if (filters.subdivision || filters.country) query.set('area', filters.subdivision || filters.country);
  if (filters.language) query.set('language', filters.language);
  if (filters.q.trim()) query.set('q', filters.q.trim());
  return query.toString();
}

/**
 * Search the directory and choose one organisation (radio buttons). `exclude` leaves out the user's own
 * organisation; `error` is the API's message for the choice.
 */
export function DirectoryPicker({
  id,
  chosen,
  onChoose,
  exclude,
  initial,
  error,
}: {
  id: string;
  chosen: string;
  onChoose: (organisation: DirectoryOrganisation | null) => void;
  exclude?: string;
  initial?: Partial<DirectoryFilters>;
  error?: string;
}) {
  const { t } = useTranslation('referrals');
  const errorMessage = useErrorMessage();
  const [filters, setFilters] = useState<DirectoryFilters>({ service: '', country: '', subdivision: '', language: '', q: '', ...initial });
  const [allAreas, setAllAreas] = useState<Area[]>([]);
  const [results, setResults] = useState<DirectoryOrganisation[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    setSearching(true);
    setSearchError(null);
    try {
      const query = directoryQuery(filters);
      const result = await api<{ items: DirectoryOrganisation[] }>('GET', `/api/v1/directory${query ? `?${query}` : ''}`);
      setResults(result.items.filter((o) => o.id !== exclude));
      if (chosen && !result.items.some((o) => o.id === chosen)) onChoose(null);
    } catch (caught) {
      setSearchError(errorMessage(caught));
    } finally {
      setSearching(false);
    }
  };

  // The regions to choose from are the ones the directory names.
  useEffect(() => {
    api<{ items: DirectoryOrganisation[] }>('GET', '/api/v1/directory').then(
      (result) => setAllAreas(result.items.flatMap((o) => o.profile.areas)),
      () => setAllAreas([]),
    );
    void search(); // the first search, with the initial filters
  }, []);

  return (
    <div className="directory-picker">
      <div role="search" aria-labelledby={`${id}-search-heading`}>
        <h3 id={`${id}-search-heading`}>{t('directory.searchTitle')}</h3>
        <DirectoryFiltersFields prefix={`${id}-filter`} filters={filters} onChange={setFilters} allAreas={allAreas} />
        <div className="actions">
          <button type="button" className="secondary" disabled={searching} onClick={() => void search()} data-testid={`${id}-search`}>
            {t('directory.search')}
          </button>
        </div>
      </div>
      {searchError && <p className="alert" role="alert">{searchError}</p>}
      <fieldset id={id} aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{t('directory.choose')}</legend>
        {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
        {results === null && <p role="status">{t('desk:common.loading')}</p>}
        {results && <p className="hint" role="status">{t('directory.found', { count: results.length })}</p>}
        {results && results.length > 0 && (
          <ul className="directory-results">
            {results.map((organisation) => (
              <li key={organisation.id} className={organisation.id === chosen ? 'chosen' : undefined}>
                <label className="checkbox" htmlFor={`${id}-${organisation.id}`}>
                  <input
                    id={`${id}-${organisation.id}`}
                    type="radio"
                    name={id}
                    value={organisation.id}
                    checked={organisation.id === chosen}
                    onChange={() => onChoose(organisation)}
                  />
                  <span>{organisation.name}</span>
                </label>
                <OrganisationFacts organisation={organisation} />
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </div>
  );
}

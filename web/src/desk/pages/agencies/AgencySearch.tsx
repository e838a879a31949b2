import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { formatNumber, useNames } from '../../components/codes';
import { AgencyLinks, LicenceStatusBadge, useSuppressedCount } from '../../components/agencies/helpers';
import type { AgencyLookup, Unresolved } from '../../components/agencies/types';
import { CountryOptions, ErrorAlert, Field, PageHeading, useErrorMessage } from '../../components/ui';

/** The regulator's panel: agencies with the most open complaints. Hidden for roles the API answers 403 to. */
function MostUnresolved() {
  const { t, i18n } = useTranslation('agencies');
  const errorMessage = useErrorMessage();
  const [country, setCountry] = useState('');
  const [items, setItems] = useState<Unresolved[] | null>(null);
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api<{ items: Unresolved[] }>('GET', `/api/v1/agencies/most-unresolved${country ? `?country=${country}` : ''}`)
      .then((result) => current && setItems(result.items))
      .catch((caught) => {
        if (!current) return;
        if (caught instanceof ApiError && caught.status === 403) setHidden(true);
        else setError(errorMessage(caught));
      });
    return () => {
      current = false;
    };
  }, [country, errorMessage]);

  if (hidden) return null;
  return (
    <section aria-labelledby="unresolved-heading" className="card">
      <h2 id="unresolved-heading" style={{ marginTop: 0 }}>
        {t('unresolved.title')}
      </h2>
      <p className="hint">{t('unresolved.hint')}</p>
      <Field id="unresolved-country" label={t('unresolved.country')} render={(p) => (
        <select {...p} value={country} onChange={(event) => setCountry(event.target.value)}>
          <option value="">{t('unresolved.allCountries')}</option>
          <CountryOptions />
        </select>
      )} />
      <ErrorAlert message={error} />
      {items === null && !error && <p>{t('desk:common.loading')}</p>}
      {items && items.length === 0 && <p>{t('unresolved.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('unresolved.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.licenceNumber')}</th>
                <th scope="col">{t('columns.status')}</th>
                <th scope="col" className="num">{t('columns.open')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.agencyId}>
                  <th scope="row"><Link to={`/desk/agencies/${row.agencyId}`}>{row.name}</Link></th>
                  <td>{row.licenceNumber}</td>
                  <td><LicenceStatusBadge status={row.licenceStatus} /></td>
                  <td className="num">{formatNumber(row.open, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function AgencySearch() {
  const { t, i18n } = useTranslation('agencies');
  const names = useNames();
  const errorMessage = useErrorMessage();
  const suppressed = useSuppressedCount();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const [items, setItems] = useState<AgencyLookup[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tooShort, setTooShort] = useState(false);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  useEffect(() => setTyped(q), [q]);

  useEffect(() => {
    if (q.trim().length < 2) {
      setItems(null);
      return;
    }
    let current = true;
    setLoading(true);
    setError(null);
    api<{ items: AgencyLookup[] }>('GET', `/api/v1/public/agencies?q=${encodeURIComponent(q.trim())}`)
      .then((result) => {
        if (!current) return;
        setItems(result.items);
        if (focusResults.current) requestAnimationFrame(() => resultsRef.current?.focus());
        focusResults.current = false;
      })
      .catch((caught) => {
        if (!current) return;
        setItems([]);
        setError(errorMessage(caught));
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [q, errorMessage]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = typed.trim();
    setTooShort(value.length < 2);
    if (value.length < 2) return;
    focusResults.current = true;
    setParams(new URLSearchParams({ q: value }));
  };

  const count = items?.length ?? 0;
  return (
    <>
      <PageHeading title={t('search.title')} />
      <AgencyLinks />
      <form role="search" className="card search-form" onSubmit={submit} noValidate aria-label={t('search.formLabel')}>
        <Field id="agency-q" label={t('search.query')} hint={t('search.queryHint')} error={tooShort ? t('search.tooShort') : undefined} render={(p) => (
          <div className="inline-controls">
            <input {...p} type="search" autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
            <button type="submit">{t('search.submit')}</button>
          </div>
        )} />
      </form>

      {q.trim().length >= 2 && (
        <section aria-labelledby="agency-results-heading">
          <h2 id="agency-results-heading" ref={resultsRef} tabIndex={-1}>
            {items === null || loading ? t('desk:common.loading') : t('search.results', { count, formatted: formatNumber(count, i18n.language), query: q.trim() })}
          </h2>
          <ErrorAlert message={error} />
          {items && !loading && items.length === 0 && !error && <p>{t('search.empty')}</p>}
          {items && items.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t('search.caption', { query: q.trim() })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.name')}</th>
                    <th scope="col">{t('columns.licenceNumber')}</th>
                    <th scope="col">{t('columns.country')}</th>
                    <th scope="col">{t('columns.status')}</th>
                    <th scope="col" className="num">{t('columns.complaints')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((agency) => (
                    <tr key={agency.id}>
                      <th scope="row">
                        <Link to={`/desk/agencies/${agency.id}`}>{agency.name}</Link>
                        {agency.otherNames.length > 0 && <span className="hint">{t('search.alsoKnownAs', { names: agency.otherNames.join(t('desk:common.listSeparator')) })}</span>}
                      </th>
                      <td>{agency.licenceNumber}</td>
                      <td>{names.country(agency.issuingCountry)}</td>
                      <td><LicenceStatusBadge status={agency.licenceStatus} /></td>
                      <td className="num">{suppressed(agency.complaints)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <MostUnresolved />
    </>
  );
}

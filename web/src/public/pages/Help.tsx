import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { languageNames, languages } from '../../shared/i18n';
import { countryName, formatList, languageName } from '../countries';
import '../public.css';
import { useApiGet } from '../useApiGet';
import { usePageTitle } from '../usePageTitle';

// The codes of the directory (src/modules/organisations/schema.ts): what help an organisation offers.
const services = ['information', 'counselling', 'legal_aid', 'conciliation', 'shelter', 'medical', 'repatriation_support', 'consular_help'];

interface Area {
  country: string;
  subdivision?: string;
  name?: string;
}
interface Organisation {
  id: string;
  name: string;
  type: string;
  country: string;
  languages: string[];
  acceptsPublicComplaints: boolean;
  profile: {
    description?: string;
    services: string[];
    areas: Area[];
    hours?: string;
    contacts: { phone?: string; hotline?: string; email?: string; address?: string; website?: string };
    focalPoints: Array<{ name: string; role?: string; phone?: string; email?: string; languages: string[] }>;
  };
}

const directoryPath = (query: string) => `/api/v1/public/directory${query ? `?${query}` : ''}`;

/** One organisation in plain words: what help, where, when, how to reach it and whom to ask for. */
function OrganisationCard({ organisation, language }: { organisation: Organisation; language: string }) {
  const { t } = useTranslation();
  const { profile } = organisation;
  const list = (items: string[]) => formatList(items, language);
  const place = (area: Area) => (area.subdivision ? `${area.name ?? area.subdivision} (${countryName(area.country, language)})` : countryName(area.country, language));
  const { phone, hotline, email, address, website } = profile.contacts;
  return (
    <li className="card">
      <h3>{organisation.name}</h3>
      <p className="hint">{t(`server:organisationType.${organisation.type}`, { defaultValue: organisation.type })}</p>
      {profile.description && <p>{profile.description}</p>}
      {profile.services.length > 0 && <p>{t('help.dir.offers', { services: list(profile.services.map((s) => t(`help.service.${s}`))) })}</p>}
      <p>{t('help.dir.where', { places: list(profile.areas.length > 0 ? profile.areas.map(place) : [countryName(organisation.country, language)]) })}</p>
      <p>{t('help.languages', { languages: list(organisation.languages.map((code) => languageName(code, language))) })}</p>
      {profile.hours && <p>{t('help.dir.hours', { hours: profile.hours })}</p>}
      {hotline && <p>{t('help.dir.hotline')} <a href={`tel:${hotline.replace(/[^\d+]/g, '')}`}>{hotline}</a></p>}
      {phone && <p>{t('help.dir.phone')} <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a></p>}
      {email && <p>{t('help.dir.email')} <a href={`mailto:${email}`}>{email}</a></p>}
      {address && <p>{t('help.dir.address', { address })}</p>}
      {website && <p><a href={website} rel="noopener noreferrer">{t('help.dir.website')}</a></p>}
      {profile.focalPoints.map((person) => (
        <p key={person.name}>
          {t(person.role ? 'help.dir.askForRole' : 'help.dir.askFor', { name: person.name, role: person.role })}
          {person.languages.length > 0 && ` ${t('help.dir.speaks', { languages: list(person.languages.map((code) => languageName(code, language))) })}`}
          {person.phone && <> <a href={`tel:${person.phone.replace(/[^\d+]/g, '')}`}>{person.phone}</a></>}
        </p>
      ))}
      {organisation.acceptsPublicComplaints && <p><Link to="/complaint">{t('help.dir.complain')}</Link></p>}
    </li>
  );
}

export function Help() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  usePageTitle(t('help.title'));
  const [service, setService] = useState('');
  const [country, setCountry] = useState('');
  const [area, setArea] = useState('');
  const [speaks, setSpeaks] = useState(language);
  const [areas, setAreas] = useState<Area[]>([]);

  // The countries and regions to choose from are the ones the directory serves.
  useEffect(() => {
    api<{ items: Organisation[] }>('GET', directoryPath('')).then(({ items }) => setAreas(items.flatMap((o) => (o.profile.areas.length > 0 ? o.profile.areas : [{ country: o.country }]))), () => setAreas([]));
  }, []);
  useEffect(() => setSpeaks(language), [language]);

  const query = new URLSearchParams();
  if (service) query.set('service', service);
  if (area || country) query.set('area', area || country);
  if (speaks) query.set('language', speaks);
  const { loaded: found } = useApiGet<{ items: Organisation[] }>(directoryPath(query.toString()), 'errors.network');

  const countries = useMemo(() => [...new Set(areas.map((a) => a.country))].sort((a, b) => countryName(a, language).localeCompare(countryName(b, language))), [areas, language]);
  const regions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of areas) if (a.country === country && a.subdivision) seen.set(a.subdivision, a.name ?? a.subdivision);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [areas, country]);

  return (
    <>
      <h1>{t('help.title')}</h1>
      <p className="lead">{t('help.intro')}</p>

      <section className="card" aria-labelledby="help-danger">
        <h2 id="help-danger">{t('help.dangerTitle')}</h2>
        <p>{t('help.danger')}</p>
      </section>

      <section className="card" aria-labelledby="help-hotline">
        <h2 id="help-hotline">{t('help.hotlineTitle')}</h2>
        <p>{t('help.hotline')}</p>
        <p>
          <a className="button" href="tel:1694">
            {t('help.hotlineCall')}
          </a>
        </p>
      </section>

      <section aria-labelledby="help-organisations">
        <h2 id="help-organisations">{t('help.dir.title')}</h2>
        <p>{t('help.dir.intro')}</p>
        <form className="card pub-form" role="search" aria-labelledby="help-organisations" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor="help-service">{t('help.dir.service')}</label>
          <select id="help-service" value={service} onChange={(event) => setService(event.target.value)}>
            <option value="">{t('help.dir.anyHelp')}</option>
            {services.map((code) => <option key={code} value={code}>{t(`help.service.${code}`)}</option>)}
          </select>
          <label htmlFor="help-country">{t('help.dir.country')}</label>
          <select id="help-country" value={country} onChange={(event) => { setCountry(event.target.value); setArea(''); }}>
            <option value="">{t('help.dir.anyCountry')}</option>
            {countries.map((code) => <option key={code} value={code}>{countryName(code, language)}</option>)}
          </select>
          {regions.length > 0 && (
            <>
              <label htmlFor="help-area">{t('help.dir.area')}</label>
              <select id="help-area" value={area} onChange={(event) => setArea(event.target.value)}>
                <option value="">{t('help.dir.anyArea')}</option>
                {regions.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
              </select>
            </>
          )}
          <label htmlFor="help-language">{t('help.dir.language')}</label>
          <select id="help-language" value={speaks} onChange={(event) => setSpeaks(event.target.value)}>
            <option value="">{t('help.dir.anyLanguage')}</option>
            {languages.map((code) => <option key={code} value={code}>{languageNames[code]}</option>)}
          </select>
        </form>
        {found.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {found.status === 'failed' && <p className="alert" role="alert">{found.message}</p>}
        {found.status === 'ready' && (
          <p role="status" data-testid="help-found">
            {found.data.items.length === 0 ? t('help.dir.none') : t('help.dir.found', { count: found.data.items.length })}
          </p>
        )}
        {found.status === 'ready' && found.data.items.length > 0 && (
          <ul className="org-list">
            {found.data.items.map((organisation) => <OrganisationCard key={organisation.id} organisation={organisation} language={language} />)}
          </ul>
        )}
        <p>
          <Link className="button" to="/complaint">
            {t('nav.file')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="help-advice">
        <h2 id="help-advice">{t('help.adviceTitle')}</h2>
        <ul className="plain-list">
          <li>{t('help.advice.copies')}</li>
          <li>{t('help.advice.passport')}</li>
          <li>{t('help.advice.receipts')}</li>
          <li>{t('help.advice.embassy')}</li>
          <li>{t('help.advice.papers')}</li>
          <li>{t('help.advice.free')}</li>
        </ul>
      </section>
    </>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../shared/api';
import { countryName, formatList, languageName } from '../countries';
import '../public.css';
import { usePageTitle } from '../usePageTitle';

interface Organisation {
  id: string;
  name: string;
  type: string;
  country: string;
  languages: string[];
}

type Loaded = { status: 'loading' } | { status: 'ready'; items: Organisation[] } | { status: 'failed'; message: string };

export function Help() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  usePageTitle(t('help.title'));
  const [organisations, setOrganisations] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    api<{ items: Organisation[] }>('GET', '/api/v1/public/organisations')
      .then((data) => active && setOrganisations({ status: 'ready', items: data.items }))
      .catch((error: unknown) => active && setOrganisations({ status: 'failed', message: error instanceof ApiError ? error.message : t('errors.network') }));
    return () => {
      active = false;
    };
  }, [t]);

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
        <h2 id="help-organisations">{t('help.organisationsTitle')}</h2>
        <p>{t('help.organisationsIntro')}</p>
        {organisations.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {organisations.status === 'failed' && (
          <p className="alert" role="alert">
            {organisations.message}
          </p>
        )}
        {organisations.status === 'ready' && organisations.items.length === 0 && <p>{t('help.noOrganisations')}</p>}
        {organisations.status === 'ready' && organisations.items.length > 0 && (
          <ul className="org-list">
            {organisations.items.map((organisation) => (
              <li className="card" key={organisation.id}>
                <h3>{organisation.name}</h3>
                <p>{t(`server:organisationType.${organisation.type}`, { defaultValue: organisation.type })}</p>
                <p>{t('help.country', { country: countryName(organisation.country, language) })}</p>
                {organisation.languages.length > 0 && (
                  <p>
                    {t('help.languages', {
                      languages: formatList(organisation.languages.map((code) => languageName(code, language)), language),
                    })}
                  </p>
                )}
              </li>
            ))}
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

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../public.css';
import { usePageTitle } from '../usePageTitle';

export function Home() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="big-links">
        <li>
          <Link className="button" to="/complaint">
            {t('nav.file')}
            <span className="sub">{t('home.fileHint')}</span>
          </Link>
        </li>
        <li>
          <Link className="button secondary" to="/track">
            {t('nav.track')}
            <span className="sub">{t('home.trackHint')}</span>
          </Link>
        </li>
        <li>
          <Link className="button secondary" to="/help">
            {t('nav.help')}
            <span className="sub">{t('home.helpHint')}</span>
          </Link>
        </li>
      </ul>
      <h2>{t('home.promiseTitle')}</h2>
      <ul className="plain-list">
        <li>{t('home.free')}</li>
        <li>{t('home.ownLanguage')}</li>
        <li>{t('home.anyone')}</li>
        <li>{t('home.private')}</li>
      </ul>
    </>
  );
}

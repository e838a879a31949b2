import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import '../public.css';
import { usePageTitle } from '../usePageTitle';

// The page's body is its own chunk, fetched only when a worker opens /rights: the first load of the other pages stays small.
const RightsPage = lazy(() => import('../rights/RightsPage'));

export function Rights() {
  const { t } = useTranslation();
  usePageTitle(t('rights.title'));
  return (
    <div className="rights-page">
      <h1>{t('rights.title')}</h1>
      <p className="lead">{t('rights.intro')}</p>
      <Suspense fallback={<p role="status">{t('rights.loading')}</p>}>
        <RightsPage />
      </Suspense>
    </div>
  );
}

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import '../public.css';
import { usePageTitle } from '../usePageTitle';

// The page's body is its own chunk, fetched only when a worker opens /agencies: the first load of the other pages stays small.
const AgenciesPage = lazy(() => import('../agencies/AgenciesPage'));

/** Check an agency before paying it: its licence in the official lists, complaints, penalties and ratings. */
export function Agencies() {
  const { t } = useTranslation();
  usePageTitle(t('agencies.title'));
  return (
    <div className="agencies-page">
      <h1>{t('agencies.title')}</h1>
      <p className="lead">{t('agencies.intro')}</p>
      <Suspense fallback={<p role="status">{t('agencies.loading')}</p>}>
        <AgenciesPage />
      </Suspense>
    </div>
  );
}

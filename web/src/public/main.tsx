import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../shared/fonts';
import '../shared/styles.css';
import { startI18n } from '../shared/i18n';
import { LanguageSwitcher } from '../shared/LanguageSwitcher';
import { Agencies } from './pages/Agencies';
import { FileComplaint } from './pages/FileComplaint';
import { Help } from './pages/Help';
import { Home } from './pages/Home';
import { Rights } from './pages/Rights';
import { Track } from './pages/Track';

// Open data for the curious, not for workers in a hurry: outside the first load.
const Statistics = lazy(() => import('./pages/Statistics').then((m) => ({ default: m.Statistics })));

function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="topbar">
        <NavLink to="/" className="brand">Lintas</NavLink>
        <nav aria-label={t('common.navigation')}>
          <NavLink to="/complaint">{t('nav.file')}</NavLink>
          <NavLink to="/track">{t('nav.track')}</NavLink>
          <NavLink to="/rights">{t('nav.rights')}</NavLink>
          <NavLink to="/agencies">{t('nav.agencies')}</NavLink>
          <NavLink to="/help">{t('nav.help')}</NavLink>
          <NavLink to="/statistics">{t('nav.statistics')}</NavLink>
        </nav>
        <LanguageSwitcher label={t('common.language')} />
      </header>
      <main id="main" className="narrow" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/complaint" element={<FileComplaint />} />
          <Route path="/track" element={<Track />} />
          <Route path="/rights" element={<Rights />} />
          <Route path="/agencies" element={<Agencies />} />
          <Route path="/help" element={<Help />} />
          <Route path="/statistics" element={<Suspense fallback={null}><Statistics /></Suspense>} />
        </Routes>
      </main>
    </>
  );
}

void startI18n(['public', 'server']).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <PublicLayout />
      </BrowserRouter>
    </StrictMode>,
  ),
);

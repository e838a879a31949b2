import { lazy, StrictMode, Suspense, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../shared/fonts';
import '../shared/styles.css';
import { api, setCsrfToken } from '../shared/api';
import { startI18n } from '../shared/i18n';
import { LanguageSwitcher } from '../shared/LanguageSwitcher';
import { Admin } from './pages/Admin';
import { AgencyPage } from './pages/agencies/AgencyPage';
import { AgencySearch } from './pages/agencies/AgencySearch';
import { Import as AgencyImport } from './pages/agencies/Import';
import { Ranking as AgencyRanking } from './pages/agencies/Ranking';
import { Ratings as AgencyRatings } from './pages/agencies/Ratings';
import { ComplaintList } from './pages/ComplaintList';
import { ComplaintPage } from './pages/ComplaintPage';
import { ImportComplaints } from './pages/ImportComplaints';
import { Intake } from './pages/Intake';
import { Login } from './pages/Login';
import { MyWork } from './pages/MyWork';
import { ReferralPage } from './pages/referrals/ReferralPage';
import { Referrals } from './pages/referrals/Referrals';
import { ReferralsNavLink } from './components/referrals/counts';
import { type Organisation, type Session, SessionContext, type SessionUser } from './session';

// The dashboard and reports carry the charting library: loaded only when one of them opens.
const Dashboard = lazy(() => import('./pages/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const Reports = lazy(() => import('./pages/reports/Reports').then((m) => ({ default: m.Reports })));
const ReportPage = lazy(() => import('./pages/reports/ReportPage').then((m) => ({ default: m.ReportPage })));

function DeskLayout({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { user, organisation } = session;
  const handlesCases = ['desk_officer', 'case_manager', 'supervisor'].includes(user.role);
  return (
    <>
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="topbar">
        <NavLink to="/desk" end className="brand">Lintas</NavLink>
        <nav aria-label={t('common.navigation')}>
          {handlesCases && <NavLink to="/desk" end>{t('nav.myWork')}</NavLink>}
          <NavLink to="/desk/complaints" end>{t('nav.complaints')}</NavLink>
          {handlesCases && <NavLink to="/desk/complaints/new">{t('nav.newComplaint')}</NavLink>}
          {handlesCases && <ReferralsNavLink />}
          {['case_manager', 'supervisor'].includes(user.role) && <NavLink to="/desk/complaints/import">{t('exchange:import.nav')}</NavLink>}
          <NavLink to="/desk/agencies">{t('agencies:nav.agencies')}</NavLink>
          <NavLink to="/desk/dashboard">{t('dashboard:nav.dashboard')}</NavLink>
          {(user.role === 'org_admin' || user.role === 'system_admin') && <NavLink to="/desk/admin">{t('nav.admin')}</NavLink>}
        </nav>
        <div className="actions" style={{ margin: 0, alignItems: 'center' }}>
          <span data-testid="signed-in-as">
            {user.name} · {t(`server:role.${user.role}`)}{organisation ? ` · ${organisation.name}` : ''}
          </span>
          <LanguageSwitcher label={t('common.language')} />
          <button type="button" className="secondary" onClick={() => void session.logOut()}>{t('nav.logOut')}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/desk" element={handlesCases ? <MyWork /> : <ComplaintList />} />
          <Route path="/desk/complaints" element={<ComplaintList />} />
          <Route path="/desk/complaints/new" element={<Intake />} />
          <Route path="/desk/complaints/import" element={<ImportComplaints />} />
          <Route path="/desk/complaints/:id" element={<ComplaintPage />} />
          <Route path="/desk/referrals" element={<Referrals />} />
          <Route path="/desk/referrals/:id" element={<ReferralPage />} />
          <Route path="/desk/admin" element={<Admin />} />
          <Route path="/desk/agencies" element={<AgencySearch />} />
          <Route path="/desk/agencies/ranking" element={<AgencyRanking />} />
          <Route path="/desk/agencies/import" element={<AgencyImport />} />
          <Route path="/desk/agencies/ratings" element={<AgencyRatings />} />
          <Route path="/desk/agencies/:id" element={<AgencyPage />} />
          <Route path="/desk/dashboard" element={<Suspense fallback={null}><Dashboard /></Suspense>} />
          <Route path="/desk/reports" element={<Suspense fallback={null}><Reports /></Suspense>} />
          <Route path="/desk/reports/:kind" element={<Suspense fallback={null}><ReportPage /></Suspense>} />
        </Routes>
      </main>
    </>
  );
}

function Desk() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const current = await api<{ user: SessionUser; csrfToken: string }>('GET', '/api/v1/auth/session');
      setCsrfToken(current.csrfToken);
      const organisation = await api<Organisation>('GET', `/api/v1/organisations/${current.user.organisationId}`).catch(() => null);
      const logOut = async () => {
        await api('POST', '/api/v1/auth/logout').catch(() => undefined);
        // Drafts hold workers' personal data: they do not outlive the session on a shared computer.
        for (const key of Object.keys(localStorage)) if (key.startsWith('lintas.desk.intakeDraft.')) localStorage.removeItem(key);
        setCsrfToken(undefined);
        setSession(null);
      };
      setSession({ user: current.user, organisation, logOut });
    } catch {
      setSession(null);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (session === undefined) return null;
  if (session === null) return <Login onLoggedIn={load} />;
  return (
    <SessionContext.Provider value={session}>
      <DeskLayout session={session} />
    </SessionContext.Provider>
  );
}

void startI18n(['desk', 'server', 'agencies', 'dashboard', 'exchange', 'referrals']).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <Desk />
      </BrowserRouter>
    </StrictMode>,
  ),
);

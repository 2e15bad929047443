// The shell: header, navigation, skip link, main landmark, and the routes. The API serves
// index.html for unknown non-API paths, so every route here works as a deep link.
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactNode, RefObject } from 'react';
import { BrowserRouter, Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { chooseLanguage, language, LANGUAGES, onLanguageChange, t } from './i18n';
import type { Language } from './i18n';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RecoverPage } from './pages/RecoverPage';
import { RegistrationWizard } from './pages/RegistrationWizard';
import { SecurityInfoPage } from './pages/SecurityInfoPage';
import { SignInPage } from './pages/SignInPage';
import { api, call } from './api/client';
import { nextPathFor, SessionProvider, useSession } from './session';
import { chooseTheme, savedTheme, THEMES } from './theme';
import type { Theme } from './theme';

const AdminApp = lazy(() => import('./admin/AdminApp'));

function Loading() {
  return (
    <p role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}

/**
 * Pages for signed-in people. Someone who must change their password, or register, is sent
 * there before anything else (the API's answer is a nudge; the SPA makes it a path).
 */
function RequireSession({ children, gate = true, admin = false }: { children: ReactNode; gate?: boolean; admin?: boolean }) {
  const { me, signedOut } = useSession();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  // Signing out clears the session, which sends the person here before the sign-out handler's
  // own navigation runs: carry the "signed out" note along.
  if (me === null) return <Navigate to="/signin" replace state={{ from: location.pathname, signedOut }} />;
  if (gate) {
    const first = nextPathFor(me);
    if (first !== '/security-info' && first !== location.pathname) return <Navigate to={first} replace />;
  }
  if (admin && !me.is_admin) return <Navigate to="/security-info" replace />;
  return <>{children}</>;
}

function Home() {
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  return <Navigate to={me ? nextPathFor(me) : '/signin'} replace />;
}

function Header() {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <header className="header">
      <div className="header__inner">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <LanguageSwitcher />
        <ThemeSwitcher />
        {me ? (
          <nav aria-label={t('nav.label')} className="nav">
            <ul>
              <li>
                <NavLink to="/security-info">{t('nav.security_info')}</NavLink>
              </li>
              <li>
                <NavLink to="/change-password">{t('nav.change_password')}</NavLink>
              </li>
              {me.is_admin ? (
                <li>
                  <NavLink to="/admin">{t('nav.admin')}</NavLink>
                </li>
              ) : null}
              <li>
                <button
                  type="button"
                  className="button button--link nav__signout"
                  onClick={async () => {
                    await signOut();
                    navigate('/signin', { replace: true, state: { signedOut: true } });
                  }}
                >
                  {t('nav.sign_out')}
                </button>
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
    </header>
  );
}

/** The language switcher, on every page (each language named in itself). */
function LanguageSwitcher() {
  const current = useSyncExternalStore(onLanguageChange, language);
  const { me } = useSession();
  const choose = async (next: Language) => {
    await chooseLanguage(next);
    // Signed in: saved with the account, so the service writes to the person in it too.
    if (me) await call(api.PUT('/api/v1/me/language', { body: { language: next } }));
  };
  return (
    <select
      className="language"
      aria-label={t('app.language')}
      value={current}
      onChange={(e) => void choose(e.target.value as Language)}
    >
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code}>
          {l.name}
        </option>
      ))}
    </select>
  );
}

/** Light, dark, or as on the device, on every page. */
function ThemeSwitcher() {
  const [theme, setTheme] = useState<Theme>(savedTheme);
  useSyncExternalStore(onLanguageChange, language);
  return (
    <select
      className="theme"
      aria-label={t('app.theme')}
      value={theme}
      onChange={(e) => {
        const next = e.target.value as Theme;
        chooseTheme(next);
        setTheme(next);
      }}
    >
      {THEMES.map((option) => (
        <option key={option} value={option}>
          {t(`app.theme.${option}`)}
        </option>
      ))}
    </select>
  );
}

/** After a route change, focus goes to the main landmark so the new page is read from its top. */
function FocusOnNavigate({ target }: { target: RefObject<HTMLElement | null> }) {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    target.current?.focus();
  }, [pathname, target]);
  return null;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/recover" element={<RecoverPage />} />
      <Route
        path="/security-info"
        element={
          <RequireSession>
            <SecurityInfoPage />
          </RequireSession>
        }
      />
      <Route
        path="/register"
        element={
          <RequireSession gate={false}>
            <RegistrationWizard />
          </RequireSession>
        }
      />
      <Route
        path="/change-password"
        element={
          <RequireSession gate={false}>
            <ChangePasswordPage />
          </RequireSession>
        }
      />
      <Route
        path="/admin/*"
        element={
          <RequireSession admin>
            <Suspense fallback={<Loading />}>
              <AdminApp />
            </Suspense>
          </RequireSession>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip_to_content')}
      </a>
      <Header />
      <FocusOnNavigate target={main} />
      <main id="main" ref={main} tabIndex={-1} className="main">
        {children}
      </main>
    </>
  );
}

export default function App() {
  // Every page re-renders in the language chosen (without losing what was typed).
  useSyncExternalStore(onLanguageChange, language);
  return (
    <BrowserRouter>
      <SessionProvider>
        <Layout>
          <AppRoutes />
        </Layout>
      </SessionProvider>
    </BrowserRouter>
  );
}

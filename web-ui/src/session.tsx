// Who is signed in (GET /api/v1/me) and the public configuration, loaded once and shared.
// The session itself is the HttpOnly cookie the API sets: nothing here stores a token.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { api, call, onProblem } from './api/client';
import type { Me, PublicConfig } from './api/client';
import { chooseLanguage, languageChosenHere, setLanguage } from './i18n';

export interface Session {
  /** Undefined while loading; null when nobody is signed in. */
  me: Me | null | undefined;
  config: PublicConfig | null;
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
  /** True after the person signed out in this tab (the sign-in page says so). */
  signedOut: boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [signedOut, setSignedOut] = useState(false);
  const [config, setConfig] = useState<PublicConfig | null>(null);

  // Bumped by each sign-out: a `me` asked for before it (a refresh still on its way when the
  // person clicked "Sign out") must not put the person back once the sign-out is done.
  const epoch = useRef(0);

  const refresh = useCallback(async () => {
    const asked = epoch.current;
    const outcome = await call(api.GET('/api/v1/me'));
    const next = outcome.ok ? outcome.data : null;
    if (asked !== epoch.current) return null;
    setMe(next);
    if (next) setSignedOut(false);
    return next;
  }, []);

  const signOut = useCallback(async () => {
    epoch.current += 1;
    await call(api.POST('/api/v1/auth/sign-out'));
    setSignedOut(true);
    setMe(null);
  }, []);

  // The API refused a call because the password must be changed first (someone else's `me`
  // was stale, or the password was set while this tab was open): reloading `me` lets the route
  // gate send the person to the change-password page.
  useEffect(
    () =>
      onProblem((problem) => {
        if (problem.code === 'password_change_required') void refresh();
      }),
    [refresh],
  );

  useEffect(() => {
    let live = true;
    const asked = epoch.current;
    void call(api.GET('/api/v1/me')).then((o) => {
      if (live && asked === epoch.current) setMe(o.ok ? o.data : null);
    });
    void call(api.GET('/api/v1/config/public')).then((o) => {
      if (live && o.ok) setConfig(o.data);
    });
    return () => {
      live = false;
    };
  }, []);

  // The language: the one the person saved, else (nothing chosen on this browser and none of
  // the browser's languages is ours) the organisation's.
  useEffect(() => {
    if (me?.language) void chooseLanguage(me.language);
  }, [me?.language]);
  useEffect(() => {
    const fallback = config?.helpdesk.default_language;
    if (fallback && !languageChosenHere()) void setLanguage(fallback);
  }, [config]);

  const value = useMemo(() => ({ me, config, refresh, signOut, signedOut }), [me, config, refresh, signOut, signedOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Where a signed-in person must go first: password change, then registration, then home. */
export function nextPathFor(me: Me): string {
  if (me.password_change_required) return '/change-password';
  if (me.registration.registration_required || me.registration.reconfirm_required) {
    return '/register';
  }
  return '/security-info';
}

// Who is signed in: the answer of GET /api/portal/me for the session cookie, or null.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PortalMe } from '../../../shared/portalApi';
import { portalApi, rememberCsrfToken, whenSessionEnds } from './api';
import { currentPath, navigate, SIGNED_IN_PATHS, type Path } from './router';

/** Where a signed-in user lands: Mine saker, or Min side while a temporary password must be changed. */
export const homeOf = (me: PortalMe): Path => (me.user.mustChangePassword ? 'me' : 'cases');

interface SessionValue {
  /** undefined while the session cookie is being checked. */
  me: PortalMe | null | undefined;
  signedIn(me: PortalMe): void;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<PortalMe | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    const answer = await portalApi.me();
    rememberCsrfToken(answer.ok ? answer.value.csrfToken : null);
    setMe(answer.ok ? answer.value : null);
  }, []);

  useEffect(() => {
    whenSessionEnds(() => {
      setMe(null);
      // Only a signed-in screen goes away; a reset or invitation link opened in the same tab stays where it is.
      if (SIGNED_IN_PATHS.includes(currentPath())) navigate('login', { replace: true, notice: 'sessionEnded' });
    });
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionValue>(() => ({
    me,
    signedIn(who) {
      rememberCsrfToken(who.csrfToken);
      setMe(who);
    },
    refresh,
    async logout() {
      await portalApi.logout();
      rememberCsrfToken(null);
      setMe(null);
      navigate('login', { replace: true, notice: 'loggedOut' });
    },
  }), [me, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

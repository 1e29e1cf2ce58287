// A small router over the History API: the portal's screens live at /portal/<path>[/<param>…], and the service
// answers every such address with the app (its SPA fallback), so links and reloads land on the right screen.
// A feature adds its path to PATHS (and to SIGNED_IN_PATHS when only a signed-in user sees it); what follows the
// path (a case number, an offer id) is the screen's params, from useLocation().
import { Anchor, type AnchorProps } from '@mantine/core';
import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';

export const PATHS = ['login', 'apply', 'forgot-password', 'password-reset', 'invitation', 'me', 'users', 'cases', 'new-message', 'inbox', 'work-orders', 'support', 'login-help', 'tilbud'] as const;
export type Path = (typeof PATHS)[number] | '';

/** The screens only a signed-in user sees. */
export const SIGNED_IN_PATHS: readonly Path[] = ['me', 'users', 'cases', 'new-message', 'inbox', 'work-orders', 'support'];

const BASE = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** Something a screen tells the next one (e.g. "your password is changed"), kept in the history entry. */
export type Notice = 'passwordReset' | 'invitationAccepted' | 'sessionEnded' | 'loggedOut' | null;

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

function segments(): string[] {
  const rest = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : '';
  return rest.split('/').filter((segment) => segment !== '').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

export function currentPath(): Path {
  const [path = ''] = segments();
  return (PATHS as readonly string[]).includes(path) ? (path as Path) : '';
}

/** What follows the path: `/portal/cases/2026-000123` → ['2026-000123']. */
export function currentParams(): string[] {
  return segments().slice(1);
}

const currentLocation = () => window.location.pathname + window.location.search;

export const hrefOf = (path: Path, params: readonly string[] = []) =>
  [`${BASE}/${path}`, ...params.map(encodeURIComponent)].join('/');

export function navigate(path: Path, options: { replace?: boolean; notice?: Notice; params?: readonly string[] } = {}): void {
  const state = { notice: options.notice ?? null };
  const href = hrefOf(path, options.params);
  if (options.replace) window.history.replaceState(state, '', href);
  else window.history.pushState(state, '', href);
  for (const listener of listeners) listener();
}

export function useLocation(): { path: Path; params: string[]; notice: Notice; key: string } {
  const location = useSyncExternalStore(subscribe, currentLocation);
  const state = window.history.state as { notice?: Notice } | null;
  return { path: currentPath(), params: currentParams(), notice: state?.notice ?? null, key: location };
}

/**
 * The token of an e-mailed link: the service writes it after `#` (never sent to a server, never in a Referer);
 * `?token=` is taken too. It is removed from the address bar at once.
 */
let linkToken: string | null = null;

export function takeLinkToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  const fromQuery = new URLSearchParams(window.location.search).get('token');
  const token = fromHash ?? fromQuery;
  if (token) {
    linkToken = token;
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
  return linkToken;
}

export function Link({ to, params, children, ...props }: { to: Path; params?: readonly string[]; children: ReactNode } & AnchorProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to, { params });
  };
  return (
    <Anchor href={hrefOf(to, params)} onClick={onClick} {...props}>
      {children}
    </Anchor>
  );
}

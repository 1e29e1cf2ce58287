// The portal's JSON API (service/portal/, schemas in shared/portalApi) over fetch on the same origin.
// The session is the service's cookie (HttpOnly, Secure, SameSite=Strict): this code never sees the session token.
// What it keeps is the session's CSRF token (from the login answer and from /me), in memory only, sent with every
// request that changes something (service/portal/portalSessions.ts says why).
import type {
  PortalAddUserInput, PortalApplyInput, PortalApplyOutput, PortalListUsersOutput, PortalLoginInput, PortalLoginOutput,
  PortalMe, PortalUser,
} from '../../../shared/portalApi';

let csrfToken: string | null = null;

/** Whether this tab had a session: a 401 then means it ended (expired, logged out elsewhere, disabled). */
const HAD_SESSION_KEY = 'installatorportalen.hadSession';

function hadSession(): boolean {
  try {
    return window.sessionStorage.getItem(HAD_SESSION_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers the CSRF token of the session just begun or found (null when it ended). */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) window.sessionStorage.setItem(HAD_SESSION_KEY, '1');
    else window.sessionStorage.removeItem(HAD_SESSION_KEY);
  } catch {
    // Without storage a session that ended while the tab was closed is simply not mentioned.
  }
}

export interface ApiError {
  /** 0 when the service could not be reached. */
  status: number;
  code: string;
  message: string;
  /** The refusal's whole answer (e.g. the importer's reasons of a refused message). */
  body?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Called when a signed-in call is answered 401: the session has ended (expired, logged out elsewhere). */
let onSessionEnded: () => void = () => undefined;
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

/** One call of the portal API; a feature's own API module (features/<name>/api.ts) is built on it. */
export async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/portal${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: { status: 0, code: 'network', message: 'The service could not be reached.' } };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: payload as T };
  const { code, message } = (payload ?? {}) as { code?: unknown; message?: unknown };
  const error = {
    status: response.status,
    code: typeof code === 'string' ? code : `http.${response.status}`,
    message: typeof message === 'string' ? message : response.statusText,
    body: payload,
  };
  if (response.status === 401 && (csrfToken || hadSession()) && error.code !== 'auth.wrongPassword') {
    rememberCsrfToken(null);
    onSessionEnded();
  }
  return { ok: false, error };
}

/**
 * Fetches a file the API serves (a case's attachment, an order's letter) on the session cookie and hands it to the
 * browser as a download, so that a missing file or an ended session is told on the page, not as a browser error page.
 */
export async function downloadFile(url: string, fileName: string): Promise<ApiResult<true>> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, error: { status: 0, code: 'network', message: 'The service could not be reached.' } };
  }
  if (!response.ok) return { ok: false, error: { status: response.status, code: `http.${response.status}`, message: response.statusText } };
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { ok: true, value: true };
}

/** A request that outlives the page (keepalive): the last change of a form when the tab closes. Not awaited. */
export function sendWhenLeaving(path: string, body: unknown): void {
  void fetch(`/api/portal${path}`, {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: JSON.stringify(body),
  }).catch(() => undefined);
}

type Ok = { ok: true };

export const portalApi = {
  apply: (input: PortalApplyInput) => call<PortalApplyOutput>('POST', '/firms', input),
  login: (input: PortalLoginInput) => call<PortalLoginOutput>('POST', '/login', input),
  logout: () => call<Ok>('POST', '/logout'),
  me: () => call<PortalMe>('GET', '/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    call<Ok>('POST', '/password', { currentPassword, newPassword }),
  requestPasswordReset: (email: string) => call<Ok>('POST', '/password-reset', { email }),
  completePasswordReset: (token: string, password: string) => call<Ok>('POST', '/password-reset/complete', { token, password }),
  acceptInvitation: (token: string, password: string) => call<Ok>('POST', '/invitation/accept', { token, password }),
  listUsers: () => call<PortalListUsersOutput>('GET', '/users'),
  addUser: (input: PortalAddUserInput) => call<{ user: PortalUser; invitationSent: boolean }>('POST', '/users', input),
  disableUser: (id: string) => call<{ user: PortalUser }>('POST', `/users/${encodeURIComponent(id)}/disable`),
};

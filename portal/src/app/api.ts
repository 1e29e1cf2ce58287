// The portal's JSON API (service/portal/, schemas in electron/shared/portalApi) over fetch on the same origin.
// The session is a bearer token kept in sessionStorage: it lasts as long as the tab and is never sent by the
// browser on its own, so there is nothing for a cross-site request to ride on. Cookie sessions with CSRF
// protection come later (issue 12, item 7); this client then stops sending the header.
import type {
  PortalAddUserInput, PortalApplyInput, PortalApplyOutput, PortalListUsersOutput, PortalLoginInput, PortalLoginOutput,
  PortalMe, PortalUser,
} from '../../../electron/shared/portalApi';

const TOKEN_KEY = 'installatorportalen.token';

export interface ApiError {
  /** 0 when the service could not be reached. */
  status: number;
  code: string;
  message: string;
  /** The refusal's whole answer (e.g. the importer's reasons of a refused message). */
  body?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function storedToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token === null) window.sessionStorage.removeItem(TOKEN_KEY);
    else window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Without storage the session lasts until the page is reloaded.
  }
  memoryToken = token;
}

let memoryToken: string | null = null;

/** Called when a signed-in call is answered 401: the session has ended (expired, logged out elsewhere). */
let onSessionEnded: () => void = () => undefined;
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

/** One call of the portal API; a feature's own API module (features/<name>/api.ts) is built on it. */
export async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = storedToken() ?? memoryToken;
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/portal${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
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
  if (response.status === 401 && token && error.code !== 'auth.wrongPassword') {
    storeToken(null);
    onSessionEnded();
  }
  return { ok: false, error };
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

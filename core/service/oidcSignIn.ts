// Signing in through the company's identity provider, the desk's half (OpenID Connect for a native app, RFC 8252):
// the authorization code flow with PKCE (S256) in the system browser, the answer caught by a one-shot listener on
// 127.0.0.1 at a port of the moment (§7.3). The desk checks `state` and passes the code and its verifier on to the
// service, which redeems them (it holds the client credentials) and answers with our own session. The provider's
// tokens never reach the desk. The browser is opened by the host (Electron's shell.openExternal), so this stays
// plain Node.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LoginOutput, type LoginOutput as LoginAnswer } from '../../shared/serviceApi';
import { OidcConfigOutput, type OidcLoginInput } from '../../shared/serviceApi/oidc';
import { isLoopbackHost, type ServiceEndpoint } from './serviceEndpoint';
import { ServiceHttp } from './serviceHttp';

export type OidcSignInProblem =
  /** The service's authorization endpoint is not an https URL (or http on this machine). */
  | 'badConfig'
  /** The host could not open the browser. */
  | 'browserFailed'
  /** The answer on the loopback carried another `state`: not the answer to our request. */
  | 'stateMismatch'
  /** The identity provider answered with an error (the person cancelled, or was refused). */
  | 'providerRefused'
  /** No answer came in time. */
  | 'timeout'
  /** The caller gave up (options.signal). */
  | 'cancelled';

export class OidcSignInError extends Error {
  constructor(
    readonly problem: OidcSignInProblem,
    detail?: string,
  ) {
    super(`sign-in through the identity provider: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'OidcSignInError';
  }
}

export interface OidcSignInOptions {
  /** How long to wait for the person to finish in the browser (default 5 minutes). */
  timeoutMs?: number;
  /** Aborting it ends the attempt (the person pressed Cancel in the desk). */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const CALLBACK_PATH = '/callback';

const base64url = (bytes: Buffer) => bytes.toString('base64url');

function page(title: string, text: string): string {
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}</style>
</head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}

const SIGNED_IN = page('Du er logget inn', 'Du er logget inn – du kan lukke dette vinduet.');
const FAILED = page('Innloggingen mislyktes', 'Innloggingen kunne ikke fullføres. Lukk dette vinduet og gå tilbake til Saksbehandlerpulten.');

function answer(res: http.ServerResponse, status: number, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(body);
}

/** Only a URL the system browser may safely be sent to: https, or http to this machine. */
function authorizationUrl(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new OidcSignInError('badConfig', 'the authorization endpoint is not a URL');
  }
  if (url.username || url.password || url.hash) throw new OidcSignInError('badConfig', 'the authorization endpoint is not plain');
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return url;
  throw new OidcSignInError('badConfig', 'the authorization endpoint must be https');
}

interface Redirect {
  code: string;
  /** Answers the browser once the service has had its say. */
  reply(ok: boolean): void;
}

/** The one-shot listener: resolves with the first answer to our request, rejects on a forged one or the deadline. */
async function listenForRedirect(state: string): Promise<{ redirectUri: string; redirect: Promise<Redirect>; close: () => void }> {
  let settle!: { resolve: (redirect: Redirect) => void; reject: (error: Error) => void };
  const redirect = new Promise<Redirect>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let done = false;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) return answer(res, 404, page('Ikke funnet', 'Denne siden finnes ikke.'));
    if (done) return answer(res, 410, FAILED);
    done = true;
    const params = url.searchParams;
    if (params.get('state') !== state) {
      answer(res, 400, FAILED);
      return settle.reject(new OidcSignInError('stateMismatch'));
    }
    const error = params.get('error');
    const code = params.get('code');
    if (error || !code) {
      answer(res, 400, FAILED);
      return settle.reject(new OidcSignInError('providerRefused', (error ?? 'no code').slice(0, 100)));
    }
    settle.resolve({ code, reply: (ok) => answer(res, ok ? 200 : 400, ok ? SIGNED_IN : FAILED) });
  });
  // Keep-alive sockets must not hold the port open after the one answer.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    redirect,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

/**
 * Signs the person in through the identity provider the service names: opens the system browser through
 * `openExternal` at the provider's login, waits for its answer on the loopback, and lets the service redeem it.
 * Throws OidcSignInError for what happened on this machine, ServiceRefusal for the service's no (`auth.noRole`,
 * `auth.oidcCodeRefused`, …) and ServiceUnreachable when the service or the provider cannot be reached.
 */
export async function signInWithIdentityProvider(
  endpoint: ServiceEndpoint,
  openExternal: (url: string) => Promise<void>,
  options: OidcSignInOptions = {},
): Promise<LoginAnswer> {
  if (options.signal?.aborted) throw new OidcSignInError('cancelled');
  const service = new ServiceHttp(endpoint);
  let listener: Awaited<ReturnType<typeof listenForRedirect>> | null = null;
  let deadline: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const config = OidcConfigOutput.parse(await service.request<unknown>({ method: 'GET', path: '/api/login/oidc/config', timeoutMs: 10_000 }));
    const url = authorizationUrl(config.authorizationEndpoint);

    const codeVerifier = base64url(randomBytes(32));
    const state = base64url(randomBytes(16));
    listener = await listenForRedirect(state);
    const { redirectUri } = listener;
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', config.clientId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('scope', config.scope);
    url.searchParams.set('state', state);
    url.searchParams.set('code_challenge', base64url(createHash('sha256').update(codeVerifier).digest()));
    url.searchParams.set('code_challenge_method', 'S256');

    const gaveUp = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => reject(new OidcSignInError('timeout')), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      onAbort = () => reject(new OidcSignInError('cancelled'));
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
    });
    // Electron's openExternal settles once the browser has the URL; the person's answer comes on the loopback.
    const opened = openExternal(url.href).then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(new OidcSignInError('browserFailed', error instanceof Error ? error.message : String(error))),
    );
    const redirect = await Promise.race([listener.redirect, gaveUp, opened]);
    clearTimeout(deadline);

    try {
      const body: OidcLoginInput = { code: redirect.code, codeVerifier, redirectUri };
      const session = LoginOutput.parse(await service.request<unknown>({ method: 'POST', path: '/api/login/oidc', body, timeoutMs: 30_000 }));
      redirect.reply(true);
      return session;
    } catch (error) {
      redirect.reply(false);
      throw error;
    }
  } finally {
    clearTimeout(deadline);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    listener?.close();
    service.close();
  }
}

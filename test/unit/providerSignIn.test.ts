// "Logg inn med virksomhetens pålogging" through the core's settings calls, against one small loopback server that
// plays both the central service (health, /api/login/oidc/config, POST /api/login/oidc) and the identity provider
// (/authorize redirects back with a code), and a fake browser that follows the redirects. What is checked here is
// the desk's half as the settings screen uses it: whether the service offers it, the PKCE pair and the loopback
// redirect reaching the service, the token kept and the restart asked for — or the reason in a code the renderer
// translates. The full flow against a real provider is test/integration/service/oidc.test.ts.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CentralSettingsService } from '../../core/settings/centralSettingsService';
import { memorySettingsHost } from '../../core/settings/settingsHost';

interface Attempt {
  challenge: string;
  redirectUri: string;
  state: string;
}

let server: http.Server;
let base: string;
/** Whether the service offers the sign-in (config 200) or not (404). */
let offered = true;
/** What POST /api/login/oidc answers: the person's session, or a refusal. */
let loginAnswer: { status: number; body: unknown } = { status: 200, body: null };
/** The provider redirects with this error instead of a code. */
let providerError: string | null = null;
const attempts: Attempt[] = [];
const logins: Array<{ code: string; codeVerifier: string; redirectUri: string }> = [];
const paths: string[] = [];

const session = (id: string) => ({
  token: `oidc-token-${id}`,
  expiresAt: '2099-01-01T12:00:00.000Z',
  user: { id, displayName: 'Kari Nordmann', role: 'case_handler' },
});

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      paths.push(url.pathname);
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/api/health') return res.end(JSON.stringify({ ok: true, service: 'desk-central', version: 1 }));
      if (url.pathname === '/api/login/oidc/config' && offered) {
        return res.end(JSON.stringify({ authorizationEndpoint: `${base}/authorize`, clientId: 'desk', scope: 'openid profile' }));
      }
      if (url.pathname === '/authorize') {
        const q = url.searchParams;
        expect(q.get('response_type')).toBe('code');
        expect(q.get('client_id')).toBe('desk');
        expect(q.get('code_challenge_method')).toBe('S256');
        const attempt = { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')!, state: q.get('state')! };
        attempts.push(attempt);
        const back = new URL(attempt.redirectUri);
        back.searchParams.set('state', attempt.state);
        if (providerError) back.searchParams.set('error', providerError);
        else back.searchParams.set('code', `code-${attempts.length}`);
        res.statusCode = 302;
        res.setHeader('location', back.href);
        return res.end();
      }
      if (url.pathname === '/api/login/oidc' && req.method === 'POST' && offered) {
        const input = JSON.parse(body) as { code: string; codeVerifier: string; redirectUri: string };
        logins.push(input);
        const attempt = attempts.at(-1)!;
        const verified = createHash('sha256').update(input.codeVerifier).digest('base64url') === attempt.challenge;
        if (!verified || input.redirectUri !== attempt.redirectUri) {
          res.statusCode = 401;
          return res.end(JSON.stringify({ code: 'auth.oidcCodeRefused', message: 'refused' }));
        }
        res.statusCode = loginAnswer.status;
        return res.end(JSON.stringify(loginAnswer.body ?? session('kari.nordmann')));
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ code: 'notFound', message: 'not found' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  offered = true;
  loginAnswer = { status: 200, body: null };
  providerError = null;
  attempts.length = 0;
  logins.length = 0;
  paths.length = 0;
});

/** The system browser: opens the URL and follows the provider's redirect to the desk's loopback listener. */
function fakeBrowser() {
  const opened: string[] = [];
  const pages: Array<Promise<number>> = [];
  return {
    opened,
    pages,
    open: async (url: string) => {
      opened.push(url);
      pages.push(fetch(url).then((response) => response.status));
    },
  };
}

function settingsWith(openExternal?: (url: string) => Promise<void>) {
  let restarts = 0;
  const host = memorySettingsHost(undefined, () => restarts++);
  const service = new CentralSettingsService(host, () => new Date('2026-11-27T09:30:00Z'), { openExternal });
  return { host, service, handlers: service.handlers(), restarts: () => restarts };
}

describe('whether the service offers it', () => {
  it('is yes when the config answers 200, no on 404; the question carries nothing but the address', async () => {
    const { handlers } = settingsWith(fakeBrowser().open);
    expect(await handlers['settings.identityProvider']({ url: base })).toEqual({ offered: true });
    offered = false;
    expect(await handlers['settings.identityProvider']({ url: base })).toEqual({ offered: false });
    expect(paths).toEqual(['/api/login/oidc/config', '/api/login/oidc/config']);
  });

  it('asks nothing of an address the desk refuses, and says no where nothing answers', async () => {
    const { handlers } = settingsWith();
    expect(await handlers['settings.identityProvider']({ url: 'http://login.nettselskap.no' })).toEqual({ offered: false });
    expect(paths).toEqual([]);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await handlers['settings.identityProvider']({ url: `http://127.0.0.1:${port}` })).toEqual({ offered: false });
  });
});

describe('settings.signInWithProvider', () => {
  it('opens the browser at the provider, passes the code and its verifier to the service, keeps the token and restarts', async () => {
    const browser = fakeBrowser();
    const { host, handlers, restarts } = settingsWith(browser.open);
    const result = await handlers['settings.signInWithProvider']({ url: `${base}/` });
    expect(result).toEqual({ ok: true, signedIn: true, user: 'kari.nordmann', displayName: 'Kari Nordmann', role: 'case_handler' });
    expect(browser.opened).toHaveLength(1);
    expect(browser.opened[0].startsWith(`${base}/authorize?`)).toBe(true);
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ code: 'code-1', redirectUri: attempts[0].redirectUri });
    expect(attempts[0].redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    // The browser was told it worked.
    expect(await browser.pages[0]).toBe(200);
    // Kept as after a password sign-in: the address as normalised, who the service says signed in, its token.
    expect(host.load()).toEqual({ url: base, username: 'kari.nordmann' });
    expect(host.token()).toBe('oidc-token-kari.nordmann');
    expect(host.tokenExpiresAt()).toBe('2099-01-01T12:00:00.000Z');
    expect(restarts()).toBe(1);
    expect(handlers['settings.get']()).toMatchObject({ central: { url: base, username: 'kari.nordmann', signedIn: true } });
  });

  it('without a browser to open (the harness) says so and sends nothing', async () => {
    const { host, handlers, restarts } = settingsWith();
    expect(await handlers['settings.signInWithProvider']({ url: base })).toEqual({ ok: false, reason: 'browserUnavailable' });
    expect(paths).toEqual([]);
    expect(host.load()).toBeNull();
    expect(restarts()).toBe(0);
  });

  it('refuses an address that is not https (or http to this machine) before anything is sent', async () => {
    const browser = fakeBrowser();
    const { handlers } = settingsWith(browser.open);
    expect(await handlers['settings.signInWithProvider']({ url: 'http://login.nettselskap.no' })).toEqual({ ok: false, reason: 'insecureUrl' });
    expect(browser.opened).toEqual([]);
    expect(paths).toEqual([]);
  });

  it.each([
    ['the service offers none', () => (offered = false), 'providerNotOffered'],
    ['the provider says no (the person cancelled there)', () => (providerError = 'access_denied'), 'providerRefused'],
    ['the person is in none of the groups', () => (loginAnswer = { status: 403, body: { code: 'auth.noRole', message: 'no role' } }), 'notADeskUser'],
    ['the account is disabled', () => (loginAnswer = { status: 403, body: { code: 'auth.accountDisabled', message: 'disabled' } }), 'accountDisabled'],
    ['the service cannot reach the provider', () => (loginAnswer = { status: 503, body: { code: 'auth.oidcUnavailable', message: 'down' } }), 'providerUnavailable'],
  ])('when %s, keeps nothing and says why', async (_what, arrange, reason) => {
    arrange();
    const browser = fakeBrowser();
    const { host, handlers, restarts } = settingsWith(browser.open);
    expect(await handlers['settings.signInWithProvider']({ url: base })).toEqual({ ok: false, reason });
    expect(host.load()).toBeNull();
    expect(host.token()).toBeNull();
    expect(restarts()).toBe(0);
  });

  it('a browser that cannot be opened is said as such', async () => {
    const { handlers } = settingsWith(async () => {
      throw new Error('no default browser');
    });
    expect(await handlers['settings.signInWithProvider']({ url: base })).toEqual({ ok: false, reason: 'browserFailed' });
  });

  it('Avbryt in the desk ends the wait for the browser', async () => {
    const opened: string[] = [];
    // A browser where the person never finishes.
    const { host, handlers } = settingsWith(async (url) => void opened.push(url));
    const signingIn = handlers['settings.signInWithProvider']({ url: base });
    await expect.poll(() => opened.length).toBe(1);
    expect(handlers['settings.cancelProviderSignIn']()).toEqual({ cancelled: true });
    expect(await signingIn).toEqual({ ok: false, reason: 'cancelled' });
    expect(host.load()).toBeNull();
    expect(handlers['settings.cancelProviderSignIn']()).toEqual({ cancelled: false });
    // The listener is gone: the loopback redirect finds nobody.
    const redirect = new URL(new URL(opened[0]).searchParams.get('redirect_uri')!);
    await expect(fetch(redirect)).rejects.toThrow();
  });
});

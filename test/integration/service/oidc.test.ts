// Staff sign-in through the company's identity provider, end to end against a real OpenID Connect provider
// (oidc-provider) on 127.0.0.1: the desk's half (PKCE, state, loopback listener), a scripted browser that logs in and
// consents at the provider with plain HTTP requests, the service's half (code redeemed with the client secret, ID
// token checked, groups mapped to a role, the person kept in app_users, our own session) on a real PostgreSQL.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Interaction } from 'oidc-provider';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcSignInError, signInWithIdentityProvider } from '../../../core/service/oidcSignIn';
import type { ServiceEndpoint } from '../../../core/service/serviceEndpoint';
import { ServiceHttp, ServiceRefusal } from '../../../core/service/serviceHttp';
import { oidcConfigFromEnv, oidcRoutes, usernameFromClaims } from '../../../service/auth/oidc';
import { authenticate } from '../../../service/auth/sessions';
import { buildService, type Service } from '../../../service/buildService';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

const CLIENT_ID = 'saksbehandlerpulten';
const CLIENT_SECRET = randomBytes(24).toString('base64url');

interface Person {
  password: string;
  name: string;
  preferred_username?: string;
  email?: string;
  groups: string[];
}

/** The provider's account store; a test may change someone's groups. */
const people = new Map<string, Person>([
  ['kari', { password: 'kari-passord', name: 'Kari Nordmann', preferred_username: 'kari.nordmann@nett.example', email: 'kari.nordmann@nett.example', groups: ['alle-ansatte', 'nett-saksbehandlere'] }],
  ['ola', { password: 'ola-passord', name: 'Ola Ødegård', preferred_username: 'Ola.Ødegård', groups: ['nett-saksbehandlere', 'nett-ledere'] }],
  ['lise', { password: 'lise-passord', name: 'Lise Lesevik', email: 'lise@nett.example', groups: ['nett-innsyn'] }],
  ['per', { password: 'per-passord', name: 'Per Utenfor', preferred_username: 'per', groups: ['alle-ansatte'] }],
  ['anne', { password: 'anne-passord', name: 'Anne Avsluttet', preferred_username: 'anne', groups: ['nett-saksbehandlere'] }],
]);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function html(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html><body>${body}</body></html>`);
}

/** A real OpenID Connect provider with its own login and consent pages, as a company's would have. */
async function startIdentityProvider(): Promise<{ issuer: string; close: () => Promise<void> }> {
  let route: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => route(req, res));
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        // A native client: a loopback redirect URI matches at any port (RFC 8252 §7.3).
        application_type: 'native',
        redirect_uris: ['http://127.0.0.1/callback'],
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    findAccount: async (_ctx: unknown, id: string) => {
      const person = people.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: `sub-${id}`, name: person.name, preferred_username: person.preferred_username, email: person.email, groups: person.groups }),
      };
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    ttl: { Session: 3600, Grant: 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  });
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider server_error', error));
  const callback = provider.callback();

  const loginPage = (uid: string, problem = '') =>
    `<h1>Logg inn</h1>${problem ? `<p>${escapeHtml(problem)}</p>` : ''}
     <form method="post" action="/interaction/${escapeHtml(uid)}/login">
       <input type="text" name="username" value=""><input type="password" name="password" value="">
       <button type="submit">Logg inn</button></form>`;
  const consentPage = (uid: string, clientId: string) =>
    `<h1>Gi tilgang</h1><p>${escapeHtml(clientId)} ber om tilgang.</p>
     <form method="post" action="/interaction/${escapeHtml(uid)}/confirm"><input type="hidden" name="ok" value="1">
       <button type="submit">Fortsett</button></form>`;

  const interaction = async (req: http.IncomingMessage, res: http.ServerResponse, step: string | undefined) => {
    const details: Interaction = await provider.interactionDetails(req, res);
    if (step === undefined && req.method === 'GET') {
      return html(res, 200, details.prompt.name === 'login' ? loginPage(details.uid) : consentPage(details.uid, details.params.client_id));
    }
    if (step === 'login' && req.method === 'POST' && details.prompt.name === 'login') {
      const form = await readForm(req);
      const username = form.get('username') ?? '';
      const person = people.get(username);
      if (!person || person.password !== form.get('password')) return html(res, 200, loginPage(details.uid, 'Feil brukernavn eller passord.'));
      return provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
    }
    if (step === 'confirm' && req.method === 'POST' && details.prompt.name === 'consent') {
      await readForm(req);
      const accountId = details.session?.accountId;
      if (!accountId) return html(res, 400, 'no session');
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId: details.params.client_id });
      if (!grant) return html(res, 400, 'no grant');
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
    }
    return html(res, 400, 'unexpected step');
  };

  route = (req, res) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|confirm))?$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) return callback(req, res);
    interaction(req, res, match[2]).catch((error: unknown) => {
      if (!res.headersSent) html(res, 500, escapeHtml(String(error)));
    });
  };
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface BrowserOptions {
  /** Changes a URL before the browser goes there (to forge the answer on the loopback). */
  rewrite?: (url: URL) => URL;
  /** Stops before going to a URL that starts with this, and returns it (the test plays the desk's listener). */
  stopAt?: string;
}

interface PageSeen {
  status: number;
  url: string;
  text: string;
}

/**
 * The system browser, scripted: follows redirects, keeps cookies, fills in the provider's forms as the person
 * would (username and password on the login page, "continue" on the consent page). No Chromium.
 */
class ScriptedBrowser {
  private readonly cookies = new Map<string, string>();
  /** The page the browser ended on, once the flow it was opened for is over. */
  finished: Promise<PageSeen> | null = null;

  constructor(
    private readonly username: string,
    private readonly options: BrowserOptions = {},
  ) {}

  /** What the desk gets as `openExternal`: settles once the browser has the URL, like Electron's shell.openExternal. */
  readonly openExternal = async (url: string): Promise<void> => {
    this.finished = this.visit(url);
    this.finished.catch(() => undefined);
  };

  async visit(start: string): Promise<PageSeen> {
    const person = people.get(this.username);
    let url = start;
    let method = 'GET';
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 30; hop++) {
      if (this.options.rewrite) url = this.options.rewrite(new URL(url)).href;
      if (this.options.stopAt && url.startsWith(this.options.stopAt)) return { status: 0, url, text: '' };
      const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const res = await fetch(url, {
        method,
        body,
        redirect: 'manual',
        headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      });
      for (const line of res.headers.getSetCookie()) this.keepCookie(line);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url).href;
        method = 'GET';
        body = undefined;
        await res.arrayBuffer();
        continue;
      }
      const text = await res.text();
      const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(text);
      if (!form || !person) return { status: res.status, url, text };
      if (/Feil brukernavn/.test(text)) return { status: res.status, url, text };
      body = new URLSearchParams();
      for (const input of form[2].matchAll(/<input type="[a-z]+" name="([a-z]+)" value="([^"]*)">/g)) {
        const name = input[1];
        body.set(name, name === 'username' ? this.username : name === 'password' ? person.password : input[2]);
      }
      url = new URL(form[1].replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))), url).href;
      method = 'POST';
    }
    throw new Error('too many hops');
  }

  private keepCookie(line: string): void {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const expired = attributes.some((attribute) => {
      const [key, setting = ''] = attribute.split('=');
      return (key.toLowerCase() === 'max-age' && Number(setting) <= 0) || (key.toLowerCase() === 'expires' && Date.parse(setting) <= Date.now());
    });
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** The desk's half played by hand, for what the desk itself would never send: a code from the browser and its verifier. */
async function codeFromProvider(issuer: string, username: string, verifierForChallenge: string): Promise<{ code: string; redirectUri: string }> {
  const redirectUri = 'http://127.0.0.1:9/callback';
  const url = new URL(`${issuer}/auth`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    scope: 'openid profile email groups',
    state: 'manual-state',
    code_challenge: base64url(createHash('sha256').update(verifierForChallenge).digest()),
    code_challenge_method: 'S256',
  }).toString();
  const { url: landed } = await new ScriptedBrowser(username, { stopAt: redirectUri }).visit(url.href);
  const code = new URL(landed).searchParams.get('code');
  if (!code) throw new Error(`no code in ${landed}`);
  return { code, redirectUri };
}

describe('oidcConfigFromEnv', () => {
  it('is null without an issuer, and refuses a half-made configuration', () => {
    expect(oidcConfigFromEnv({})).toBeNull();
    expect(() => oidcConfigFromEnv({ OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_ISSUER/);
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: 'https://idp.example', OIDC_ROLE_READER: 'a' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_ROLE_/);
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_ID: 'x', OIDC_ROLE_READER: 'a' })).toThrow(/https/);
  });

  it('reads the client, the group claim and the mapping; a group under two roles gives the higher', () => {
    expect(
      oidcConfigFromEnv({
        OIDC_ISSUER: 'https://idp.example/realms/nett',
        OIDC_CLIENT_ID: 'pulten',
        OIDC_ROLE_READER: 'innsyn, alle',
        OIDC_ROLE_CASE_HANDLER: 'saksbehandlere,alle',
        OIDC_ROLE_SUPERVISOR: 'ledere',
      }),
    ).toEqual({
      issuer: 'https://idp.example/realms/nett',
      clientId: 'pulten',
      clientSecret: undefined,
      groupClaim: 'groups',
      scope: undefined,
      roles: { innsyn: 'reader', alle: 'case_handler', saksbehandlere: 'case_handler', ledere: 'supervisor' },
    });
  });

  it('derives usernames our accounts allow', () => {
    expect(usernameFromClaims({ preferred_username: 'Kari.Nordmann@nett.example' })).toBe('kari.nordmann');
    expect(usernameFromClaims({ preferred_username: 'Bjørn Ærlig-Åsen' })).toBe('bjoern-aerlig-aasen');
    expect(usernameFromClaims({ preferred_username: '42', email: 'lise@nett.example' })).toBe('lise');
    expect(usernameFromClaims({ preferred_username: 'supervisor' })).toBeNull();
    expect(usernameFromClaims({ sub: 'abc' })).toBeNull();
  });
});

describe('sign-in through the identity provider', () => {
  let database: TestDatabase;
  /** The owner's connection, to look at and change what the service keeps. */
  let pool: pg.Pool;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let service: Service;
  let endpoint: ServiceEndpoint;

  const sessionCount = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM service_sessions')).rows[0].n);

  beforeAll(async () => {
    database = await createTestDatabase('oidc');
    pool = new pg.Pool({ connectionString: database.adminUrl, max: 4 });
    idp = await startIdentityProvider();
    const config = oidcConfigFromEnv({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_SCOPE: 'openid profile email groups',
      OIDC_ROLE_SUPERVISOR: 'nett-ledere',
      OIDC_ROLE_CASE_HANDLER: 'nett-saksbehandlere',
      OIDC_ROLE_READER: 'nett-innsyn',
    });
    if (!config) throw new Error('no config');

    // The service as it runs (buildService, as desk_service), with the identity provider's routes plugged in.
    service = await buildService({ databaseUrl: database.serviceUrl, plugins: [(app, servicePool) => oidcRoutes(app, { config, pool: servicePool })] });
    await service.app.listen({ host: '127.0.0.1', port: 0 });
    endpoint = { url: `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}` };
  });

  afterAll(async () => {
    await service?.close();
    await idp?.close();
    await pool?.end();
    await database?.drop();
  });

  it("gives the desk the provider's authorization endpoint, and no secret", async () => {
    const service = new ServiceHttp(endpoint);
    try {
      const config = await service.request<Record<string, unknown>>({ method: 'GET', path: '/api/login/oidc/config' });
      expect(config).toEqual({ authorizationEndpoint: `${idp.issuer}/auth`, clientId: CLIENT_ID, scope: 'openid profile email groups' });
      expect(JSON.stringify(config)).not.toContain(CLIENT_SECRET);
    } finally {
      service.close();
    }
  });

  it('signs a case handler in through the browser: a session of ours, accepted by authenticate()', async () => {
    const browser = new ScriptedBrowser('kari');
    const session = await signInWithIdentityProvider(endpoint, browser.openExternal);
    expect(session.user).toEqual({ id: 'kari.nordmann', role: 'case_handler', displayName: 'Kari Nordmann' });
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    expect(await authenticate(service.pool, session.token)).toEqual(session.user);

    const page = await browser.finished;
    expect(page?.status).toBe(200);
    expect(page?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    expect(page?.text).toContain('Du er logget inn – du kan lukke dette vinduet');

    const { rows } = await pool.query('SELECT id, display_name, role, email, active FROM app_users WHERE id = $1', ['kari.nordmann']);
    expect(rows).toEqual([{ id: 'kari.nordmann', display_name: 'Kari Nordmann', role: 'case_handler', email: 'kari.nordmann@nett.example', active: true }]);
  });

  it("gives the highest role of a person's groups, and a reader theirs (username from the email)", async () => {
    const ola = await signInWithIdentityProvider(endpoint, new ScriptedBrowser('ola').openExternal);
    expect(ola.user).toEqual({ id: 'ola.oedegaard', role: 'supervisor', displayName: 'Ola Ødegård' });
    const lise = await signInWithIdentityProvider(endpoint, new ScriptedBrowser('lise').openExternal);
    expect(lise.user).toEqual({ id: 'lise', role: 'reader', displayName: 'Lise Lesevik' });
    expect(await authenticate(service.pool, lise.token)).toEqual(lise.user);
  });

  it('follows a change of groups: the new role, and the sessions of the old one end', async () => {
    const before = await signInWithIdentityProvider(endpoint, new ScriptedBrowser('kari').openExternal);
    expect(before.user.role).toBe('case_handler');
    const kari = people.get('kari')!;
    const groups = kari.groups;
    kari.groups = ['nett-innsyn'];
    try {
      const after = await signInWithIdentityProvider(endpoint, new ScriptedBrowser('kari').openExternal);
      expect(after.user).toEqual({ id: 'kari.nordmann', role: 'reader', displayName: 'Kari Nordmann' });
      expect(await authenticate(service.pool, after.token)).toEqual(after.user);
      expect(await authenticate(service.pool, before.token)).toBeNull();
    } finally {
      kari.groups = groups;
    }
  });

  it('refuses a person in none of the mapped groups, and tells the browser', async () => {
    const sessions = await sessionCount();
    const browser = new ScriptedBrowser('per');
    const refusal = await signInWithIdentityProvider(endpoint, browser.openExternal).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServiceRefusal);
    expect(refusal).toMatchObject({ status: 403, code: 'auth.noRole' });
    const page = await browser.finished;
    expect(page?.text).toContain('Innloggingen mislyktes');
    expect((await pool.query('SELECT 1 FROM app_users WHERE id = $1', ['per'])).rowCount).toBe(0);
    expect(await sessionCount()).toBe(sessions);
  });

  it('refuses a person whose account was disabled here, whatever their groups', async () => {
    const first = await signInWithIdentityProvider(endpoint, new ScriptedBrowser('anne').openExternal);
    await pool.query('UPDATE app_users SET active = false WHERE id = $1', [first.user.id]);
    await expect(signInWithIdentityProvider(endpoint, new ScriptedBrowser('anne').openExternal)).rejects.toMatchObject({
      status: 403,
      code: 'auth.accountDisabled',
    });
    expect(await authenticate(service.pool, first.token)).toBeNull();
  });

  it('refuses an answer on the loopback with another state, before anything reaches the service', async () => {
    const sessions = await sessionCount();
    const browser = new ScriptedBrowser('kari', {
      rewrite: (url) => {
        if (url.pathname === '/callback' && url.searchParams.has('state')) url.searchParams.set('state', 'forged');
        return url;
      },
    });
    const error = await signInWithIdentityProvider(endpoint, browser.openExternal).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(OidcSignInError);
    expect((error as OidcSignInError).problem).toBe('stateMismatch');
    expect((await browser.finished)?.status).toBe(400);
    expect(await sessionCount()).toBe(sessions);
  });

  it('refuses a code used twice', async () => {
    const verifier = base64url(randomBytes(32));
    const { code, redirectUri } = await codeFromProvider(idp.issuer, 'lise', verifier);
    const service = new ServiceHttp(endpoint);
    try {
      const first = await service.request<{ user: { id: string } }>({ method: 'POST', path: '/api/login/oidc', body: { code, codeVerifier: verifier, redirectUri } });
      expect(first.user.id).toBe('lise');
      await expect(
        service.request({ method: 'POST', path: '/api/login/oidc', body: { code, codeVerifier: verifier, redirectUri } }),
      ).rejects.toMatchObject({ status: 401, code: 'auth.oidcCodeRefused' });
    } finally {
      service.close();
    }
  });

  it('refuses a code with another verifier than the challenge was made from', async () => {
    const { code, redirectUri } = await codeFromProvider(idp.issuer, 'lise', base64url(randomBytes(32)));
    const sessions = await sessionCount();
    const service = new ServiceHttp(endpoint);
    try {
      await expect(
        service.request({ method: 'POST', path: '/api/login/oidc', body: { code, codeVerifier: base64url(randomBytes(32)), redirectUri } }),
      ).rejects.toMatchObject({ status: 401, code: 'auth.oidcCodeRefused' });
      expect(await sessionCount()).toBe(sessions);
    } finally {
      service.close();
    }
  });

  it('refuses a redirect URI that is not a loopback one, and a code redeemed for another redirect URI', async () => {
    const verifier = base64url(randomBytes(32));
    const { code } = await codeFromProvider(idp.issuer, 'lise', verifier);
    const service = new ServiceHttp(endpoint);
    try {
      for (const redirectUri of ['https://desk.example/callback', 'http://localhost:9/callback', 'http://127.0.0.1/callback', 'http://127.0.0.1:9/callback?x=1']) {
        await expect(service.request({ method: 'POST', path: '/api/login/oidc', body: { code, codeVerifier: verifier, redirectUri } })).rejects.toMatchObject({
          status: 400,
        });
      }
      await expect(
        service.request({ method: 'POST', path: '/api/login/oidc', body: { code, codeVerifier: verifier, redirectUri: 'http://127.0.0.1:10/callback' } }),
      ).rejects.toMatchObject({ status: 401, code: 'auth.oidcCodeRefused' });
    } finally {
      service.close();
    }
  });

  it('gives up when no answer comes, and when the browser cannot be opened', async () => {
    await expect(signInWithIdentityProvider(endpoint, async () => undefined, { timeoutMs: 300 })).rejects.toMatchObject({ problem: 'timeout' });
    await expect(
      signInWithIdentityProvider(endpoint, async () => {
        throw new Error('no browser');
      }),
    ).rejects.toMatchObject({ problem: 'browserFailed' });
    const controller = new AbortController();
    const attempt = signInWithIdentityProvider(endpoint, async () => controller.abort(), { timeoutMs: 10_000, signal: controller.signal });
    await expect(attempt).rejects.toMatchObject({ problem: 'cancelled' });
  });
});

// The settings screen's calls against a tiny local HTTP service that records what reaches it: a test of a URL
// carries nothing stored (no token, no Authorization header), only what was typed with it; signing in keeps
// the URL, the user name and the token — never the password; signing out forgets the token.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CentralSettingsService } from '../../core/settings/centralSettingsService';
import { memorySettingsHost, type SettingsHost } from '../../core/settings/settingsHost';
import { NotSignedIn, openConfiguredCore, openConfiguredDesk, signedOutDesk } from '../../core/openConfiguredCore';

const STORED_TOKEN = 'stored-token-7f3a9c';
const SAVED_URL = 'https://saved.example.invalid';
const NEW_TOKEN = 'fresh-token-41b2';

interface Seen {
  method: string;
  path: string;
  authorization: string | undefined;
  raw: string;
}

let server: http.Server;
let base: string;
const seen: Seen[] = [];
/** What /api/login answers next: ok, or a status with the service's error body. */
let loginAnswer: { status: number; body: unknown } = { status: 200, body: null };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, raw: JSON.stringify(req.headers) + body });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/api/health') return res.end(JSON.stringify({ ok: true, service: 'desk-central', version: 3 }));
      if (req.url === '/api/login' && req.method === 'POST') {
        const { username } = JSON.parse(body) as { username: string };
        res.statusCode = loginAnswer.status;
        return res.end(
          JSON.stringify(
            loginAnswer.status === 200
              ? { token: NEW_TOKEN, expiresAt: '2099-01-01T00:00:00.000Z', user: { id: username, role: 'case_handler', displayName: 'Anne Hansen' } }
              : loginAnswer.body,
          ),
        );
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ code: 'notFound', message: 'no such path' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let host: SettingsHost;
let restarts: number;
let service: CentralSettingsService;

beforeEach(() => {
  seen.length = 0;
  loginAnswer = { status: 200, body: null };
  restarts = 0;
  host = memorySettingsHost(
    { settings: { url: SAVED_URL, username: 'anne' }, token: { value: STORED_TOKEN, expiresAt: '2099-01-01T00:00:00.000Z' } },
    () => restarts++,
  );
  service = new CentralSettingsService(host);
});

const carriesStoredSecret = () => seen.some((request) => request.authorization !== undefined || request.raw.includes(STORED_TOKEN));

describe('settings.testCentral', () => {
  it('probes an unsaved URL without any stored secret', async () => {
    expect(await service.test({ url: base })).toEqual({ ok: true, service: 'desk-central', signedIn: false });
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/health']);
    expect(carriesStoredSecret()).toBe(false);
  });

  it('with a user name but no password, still sends nothing stored (not even to sign in)', async () => {
    expect(await service.test({ url: base, username: 'anne' })).toMatchObject({ ok: true, signedIn: false });
    expect(seen.map((request) => request.path)).toEqual(['/api/health']);
    expect(carriesStoredSecret()).toBe(false);
  });

  it('signs in with the typed password only, and keeps nothing', async () => {
    const result = await service.test({ url: `${base}/`, username: 'anne', password: 'typed-secret' });
    expect(result).toEqual({ ok: true, service: 'desk-central', signedIn: true, user: 'anne', displayName: 'Anne Hansen', role: 'case_handler' });
    expect(seen.map((request) => request.path)).toEqual(['/api/health', '/api/login']);
    expect(seen[1].raw).toContain('typed-secret');
    expect(carriesStoredSecret()).toBe(false);
    // A test changes nothing: the saved service and its token stay as they were.
    expect(host.load()).toEqual({ url: SAVED_URL, username: 'anne' });
    expect(host.token()).toBe(STORED_TOKEN);
    expect(restarts).toBe(0);
  });

  it('says why a URL is refused, without asking anyone', async () => {
    expect(await service.test({ url: 'http://nett.example.no' })).toEqual({ ok: false, reason: 'insecureUrl' });
    expect(await service.test({ url: 'ftp://nett.example.no' })).toEqual({ ok: false, reason: 'invalidUrl' });
    expect(await service.test({ url: 'nett.example.no' })).toEqual({ ok: false, reason: 'invalidUrl' });
    expect(await service.test({ url: `${base}/?x=1` })).toEqual({ ok: false, reason: 'invalidUrl' });
    expect(await service.test({ url: base.replace('http://', 'http://anne:pw@') })).toEqual({ ok: false, reason: 'invalidUrl' });
    expect(seen).toEqual([]);
  });

  it('sorts failures into codes the renderer translates', async () => {
    loginAnswer = { status: 401, body: { code: 'wrongPassword', message: 'no' } };
    expect(await service.test({ url: base, username: 'anne', password: 'wrong' })).toMatchObject({ ok: false, reason: 'wrongPassword' });
    loginAnswer = { status: 403, body: { code: 'notADeskUser', message: 'no' } };
    expect(await service.test({ url: base, username: 'anne', password: 'pw' })).toMatchObject({ ok: false, reason: 'notADeskUser' });
    expect(await service.test({ url: `${base}/not-here` })).toEqual({ ok: false, reason: 'notAService' });
    // A port where nothing listens: the server's own port once it is closed is not safe to reuse, so port 9 (discard).
    expect(await service.test({ url: 'http://127.0.0.1:9' })).toEqual({ ok: false, reason: 'unreachable' });
    expect(carriesStoredSecret()).toBe(false);
  });
});

describe('settings.saveCentral', () => {
  it('signs in at the typed URL and keeps URL, user name and token — not the password', async () => {
    const result = await service.save({ url: `${base}/`, username: 'bjorn', password: 'typed-secret' });
    expect(result).toMatchObject({ ok: true, signedIn: true, user: 'bjorn' });
    expect(host.load()).toEqual({ url: base, username: 'bjorn' });
    expect(host.token()).toBe(NEW_TOKEN);
    expect(host.tokenExpiresAt()).toBe('2099-01-01T00:00:00.000Z');
    expect(JSON.stringify(host.load())).not.toContain('typed-secret');
    expect(restarts).toBe(1);
    expect(carriesStoredSecret()).toBe(false);
    expect(service.view()).toEqual({
      central: { url: base, username: 'bjorn', signedIn: true, tokenExpiresAt: '2099-01-01T00:00:00.000Z' },
      tokenStorage: 'session-only',
    });
  });

  it('keeps everything as it was when the sign-in fails', async () => {
    loginAnswer = { status: 401, body: { code: 'wrongPassword', message: 'no' } };
    expect(await service.save({ url: base, username: 'bjorn', password: 'wrong' })).toEqual({ ok: false, reason: 'wrongPassword' });
    expect(host.load()).toEqual({ url: SAVED_URL, username: 'anne' });
    expect(host.token()).toBe(STORED_TOKEN);
    expect(restarts).toBe(0);
    expect(await service.save({ url: 'http://nett.example.no', username: 'bjorn', password: 'pw' })).toEqual({ ok: false, reason: 'insecureUrl' });
  });
});

describe('signing out, standalone, and the view', () => {
  it('signs out: the token goes, the service and user name stay to sign in again', () => {
    expect(service.view().central).toMatchObject({ signedIn: true });
    expect(service.signOut()).toEqual({ restarting: true });
    expect(host.token()).toBeNull();
    expect(host.load()).toEqual({ url: SAVED_URL, username: 'anne' });
    expect(service.view().central).toEqual({ url: SAVED_URL, username: 'anne', signedIn: false, tokenExpiresAt: null });
    expect(service.signOut()).toEqual({ restarting: false });
    expect(restarts).toBe(1);
  });

  it('an expired token is not signed in', () => {
    host.save({ url: SAVED_URL, username: 'anne' }, { value: STORED_TOKEN, expiresAt: '2020-01-01T00:00:00.000Z' });
    expect(service.view().central).toMatchObject({ signedIn: false, tokenExpiresAt: null });
  });

  it('a token never carries over to another service or person', () => {
    host.save({ url: base, username: 'anne' }, undefined);
    expect(host.token()).toBeNull();
  });

  it('standalone forgets the settings and the token', () => {
    expect(service.useStandalone()).toEqual({ restarting: true });
    expect(host.load()).toBeNull();
    expect(host.token()).toBeNull();
    expect(service.view()).toEqual({ central: null, tokenStorage: 'session-only' });
  });
});

describe('the signed-out desk', () => {
  it('opens when settings are saved without a token, answers the settings screen and refuses the rest', async () => {
    host.save({ url: SAVED_URL, username: 'anne' }, null);
    const options = { dataDirectory: '/nonexistent/desk-test', migrationsFolder: '/nonexistent', host: { settings: host, openFile: async () => undefined } } as unknown as Parameters<typeof openConfiguredCore>[0];
    expect(() => openConfiguredCore(options)).toThrow(NotSignedIn);
    const desk = openConfiguredDesk(options);
    expect(await desk.dispatch('settings.get', {})).toEqual({
      ok: true,
      value: { central: { url: SAVED_URL, username: 'anne', signedIn: false, tokenExpiresAt: null }, tokenStorage: 'session-only' },
    });
    expect(await desk.dispatch('sync.status', {})).toMatchObject({ ok: true, value: { mode: 'central', state: 'error', reason: 'signedOut' } });
    expect(await desk.dispatch('session.get', {})).toMatchObject({ ok: true, value: { user: { id: 'anne' }, mode: 'central' } });
    expect(await desk.dispatch('queue.counts', {})).toEqual({ ok: false, error: { code: 'central.offline', params: { reason: 'signedOut' } } });
    expect(await desk.dispatch('no.such.call', {})).toMatchObject({ ok: false, error: { code: 'call.unknown' } });
    expect(await desk.dispatch('settings.testCentral', { url: 'http://nett.example.no' })).toEqual({ ok: true, value: { ok: false, reason: 'insecureUrl' } });
    expect(await desk.dispatch('settings.saveCentral', { url: SAVED_URL })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    await desk.close();
  });

  it('tests from the signed-out desk carry no stored secret either', async () => {
    const desk = signedOutDesk(host, { url: SAVED_URL, username: 'anne' });
    expect(await desk.dispatch('settings.testCentral', { url: base, username: 'anne' })).toMatchObject({ ok: true, value: { ok: true } });
    expect(carriesStoredSecret()).toBe(false);
  });
});

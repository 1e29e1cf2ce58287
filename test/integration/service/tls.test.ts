// The service serving HTTPS itself, with a company's own certificate: the desk's sign-in and connection trust it
// when given the CA, and refuse it (as unreachable, a certificate problem) when not. The URL rule — HTTPS, or plain
// HTTP only to this machine — is checked where the desk takes an address.
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../core/service/serviceAuth';
import { ServiceConnection } from '../../../core/service/serviceConnection';
import { checkServiceUrl } from '../../../core/service/serviceEndpoint';
import { ServiceHttp, ServiceUnreachable } from '../../../core/service/serviceHttp';
import { useCentralDatabase } from '../../support/centralDatabase';
import { TEST_PASSWORD } from '../../support/postgres';
import { startService, type RunningService } from '../../support/serviceInstances';

const central = useCentralDatabase('svc_tls', { seedCases: 3 });

let running: RunningService;
let ca = '';
let username = '';

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  } as never);
  ca = pems.cert;
  running = await startService(central.db, { https: { cert: pems.cert, key: pems.private } });
  username = await central.db.createLogin('tls', 'case_handler');
});

afterAll(async () => {
  await running?.close();
});

describe('HTTPS served by the service', () => {
  it('listens on https', () => {
    expect(running.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('the desk signs in and syncs with the company CA given', async () => {
    const session = await signIn({ url: running.url, ca }, username, TEST_PASSWORD);
    expect(session.user.id).toBe(username);
    const connection = new ServiceConnection({ url: running.url, ca }, session.token);
    try {
      const page = await connection.pull({ after: 0, limit: 10 });
      expect(page.tables.length).toBeGreaterThan(0);
      const caseId = await connection.fetchNext();
      expect(caseId === null || typeof caseId === 'number').toBe(true);
      const notices: unknown[] = [];
      const live = await connection.openLive((notice) => notices.push(notice), () => undefined, { stallMs: 5_000 });
      live.close();
    } finally {
      connection.close();
    }
  });

  it('without the CA the certificate is refused: unreachable, not signed in', async () => {
    const error = await signIn({ url: running.url }, username, TEST_PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnreachable);
    expect(String((error as Error).message)).toMatch(/certificate|self[- ]signed|unable to verify/i);
  });

  it('a CA that is not the one that signed the certificate is refused too', async () => {
    const other = await generate([{ name: 'commonName', value: 'other' }], { keySize: 2048, algorithm: 'sha256' });
    const error = await signIn({ url: running.url, ca: other.cert }, username, TEST_PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnreachable);
  });

  it('plain HTTP to the HTTPS port gets no answer it could take for a sign-in', async () => {
    const error = await signIn({ url: running.url.replace('https:', 'http:') }, username, TEST_PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
  });
});

describe('checkServiceUrl', () => {
  it('refuses plain HTTP to a host that is not this machine', () => {
    for (const url of ['http://nett.example.no', 'http://10.0.0.5:8080', 'http://192.168.1.2', 'http://127.0.0.1.nip.io', 'http://localhost.evil.example']) {
      expect([url, checkServiceUrl(url)]).toEqual([url, { ok: false, problem: 'insecureUrl' }]);
    }
    expect(() => new ServiceHttp({ url: 'http://nett.example.no' })).toThrow(/insecureUrl/);
  });

  it('accepts HTTPS anywhere and plain HTTP to loopback', () => {
    for (const url of ['https://nett.example.no', 'https://nett.example.no/', 'http://127.0.0.1:8443', 'http://localhost:3000', 'http://[::1]:80']) {
      expect([url, checkServiceUrl(url).ok]).toEqual([url, true]);
    }
    expect(checkServiceUrl('https://nett.example.no/')).toEqual({ ok: true, url: 'https://nett.example.no' });
  });

  it('refuses other schemes, credentials in the URL, queries and garbage', () => {
    for (const url of ['ftp://nett.example.no', 'file:///etc/passwd', 'https://kari:pw@nett.example.no', 'https://nett.example.no/?x=1', 'not a url', 'javascript:alert(1)']) {
      expect([url, checkServiceUrl(url).ok]).toEqual([url, false]);
    }
  });
});

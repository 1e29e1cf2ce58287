// The portal's browser session (issue 12, item 7): the login sets an HttpOnly, Secure, SameSite=Strict cookie that
// the web app never sees; a request on that cookie that changes something must carry the session's CSRF token, so a
// page of another site that makes the browser post (the cookie riding along) is refused. Software signs in for a
// bearer token and needs no CSRF token. Raw HTTP against the running service, the attacker's requests included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login } from '../../support/serviceClient';
import { firmWithAdmin, PASSWORD, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_cookie');
let smtp: TestSmtp;
let url: string;

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp)).url;
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  await firmWithAdmin(url, central.admin, supervisor, 'sjef@kabel.test', 'Kabelfolk AS');
});

afterAll(async () => {
  await smtp?.close();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
  setCookie: string | null;
}

async function send(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
    setCookie: response.headers.get('set-cookie'),
  };
}

async function browserLogin(): Promise<{ cookie: string; csrf: string; token: string }> {
  const answer = await send('POST', '/api/portal/login', {}, { email: 'sjef@kabel.test', password: PASSWORD });
  expect(answer.status).toBe(200);
  const cookie = (answer.setCookie ?? '').split(';')[0];
  return { cookie, csrf: String(answer.body.csrfToken), token: String(answer.body.token) };
}

describe('the browser session', () => {
  it('is a __Host- cookie the page cannot read and another site never sends', async () => {
    const answer = await send('POST', '/api/portal/login', {}, { email: 'sjef@kabel.test', password: PASSWORD });
    const attributes = (answer.setCookie ?? '').split(';').map((part) => part.trim());
    expect(attributes[0]).toBe(`__Host-portal-session=${String(answer.body.token)}`);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']));
    expect(attributes.some((part) => part.startsWith('Domain'))).toBe(false);
    expect(attributes.find((part) => part.startsWith('Expires='))).toBeDefined();
  });

  it('reads with the cookie alone, and /me hands the CSRF token to the page', async () => {
    const { cookie, csrf } = await browserLogin();
    const me = await send('GET', '/api/portal/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(csrf);
    expect((await send('GET', '/api/portal/users', { cookie })).status).toBe(200);
  });

  it('refuses a change on the cookie without the CSRF token, with a wrong one, or with another session\'s', async () => {
    const { cookie, csrf } = await browserLogin();
    const other = await browserLogin();
    const colleague = (n: number) => ({ email: `kollega${n}@kabel.test`, temporaryPassword: 'temporary-password-1' });
    const forged = [
      await send('POST', '/api/portal/users', { cookie }, colleague(1)),
      await send('POST', '/api/portal/users', { cookie, 'x-csrf-token': 'x'.repeat(csrf.length) }, colleague(2)),
      await send('POST', '/api/portal/users', { cookie, 'x-csrf-token': other.csrf }, colleague(3)),
      await send('POST', '/api/portal/logout', { cookie }),
    ];
    expect(forged.map((answer) => [answer.status, answer.body.code])).toEqual(Array(4).fill([403, 'csrf.missing']));
    const { rows } = await central.admin.query("SELECT count(*)::int AS n FROM portal_users WHERE email LIKE 'kollega%'");
    expect(rows[0].n).toBe(0);
    // The session lived through the attempt to log it out.
    expect((await send('GET', '/api/portal/me', { cookie })).status).toBe(200);

    const made = await send('POST', '/api/portal/users', { cookie, 'x-csrf-token': csrf }, colleague(4));
    expect(made.status).toBe(200);
  });

  it('ends on logout: the cookie is cleared and the session is gone', async () => {
    const { cookie, csrf } = await browserLogin();
    const out = await send('POST', '/api/portal/logout', { cookie, 'x-csrf-token': csrf });
    expect(out.status).toBe(200);
    expect(out.setCookie).toMatch(/^__Host-portal-session=;/);
    expect(out.setCookie).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await send('GET', '/api/portal/me', { cookie })).status).toBe(401);
  });
});

describe('software with a bearer token', () => {
  it('needs no CSRF token: a browser never adds the header on its own', async () => {
    const { token } = await browserLogin();
    const made = await send('POST', '/api/portal/users', { authorization: `Bearer ${token}` },
      { email: 'maskin@kabel.test', temporaryPassword: 'temporary-password-1' });
    expect(made.status).toBe(200);
  });

  it('a request with both is a bearer request: a stolen cookie does not lend its session to a wrong token', async () => {
    const { cookie } = await browserLogin();
    const answer = await send('GET', '/api/portal/me', { cookie, authorization: `Bearer ${'x'.repeat(43)}` });
    expect(answer.status).toBe(401);
  });
});

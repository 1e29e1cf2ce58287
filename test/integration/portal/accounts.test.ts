// Portal users through the running service with a raw HTTP client: sign-in and its throttle, sessions that end
// (logout, expiry, a disabled user), the firm's administrator adding colleagues with a temporary password or an
// invitation e-mailed to a real SMTP server, password reset by an e-mailed single-use link without telling who has
// an account, and the routes in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, RawClient } from '../../support/serviceClient';
import { firmWithAdmin, PASSWORD, portalLogin, startPortalService, startSmtp, tokenIn, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_accounts');
let smtp: TestSmtp;
let url: string;
let supervisor: RawClient;
let admin: RawClient;
const anonymous = () => new RawClient(url);

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp)).url;
  supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  await firmWithAdmin(url, central.admin, supervisor, 'sjef@lysverk.test', 'Lysverket AS');
  admin = await portalLogin(url, 'sjef@lysverk.test');
});

afterAll(async () => {
  await smtp?.close();
});

describe('login and sessions', () => {
  it('answers a token, the user and the firm; the token is stored only as its SHA-256; logout ends it', async () => {
    const answer = await anonymous().post('/api/portal/login', { email: 'SJEF@lysverk.test', password: PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token: expect.any(String), user: { email: 'sjef@lysverk.test', isAdmin: true }, firm: { name: 'Lysverket AS' } });
    const { rows } = await central.admin.query('SELECT token_sha256 FROM portal_sessions');
    expect(rows.map((r) => r.token_sha256)).not.toContain(answer.body.token);
    const client = new RawClient(url, answer.body.token);
    expect((await client.get('/api/portal/me')).status).toBe(200);
    expect((await client.post('/api/portal/logout')).status).toBe(200);
    expect((await client.get('/api/portal/me')).status).toBe(401);
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const wrong = await anonymous().post('/api/portal/login', { email: 'sjef@lysverk.test', password: 'wrong password' });
    const unknown = await anonymous().post('/api/portal/login', { email: 'nobody@lysverk.test', password: 'wrong password' });
    expect([wrong.status, wrong.body]).toEqual([unknown.status, unknown.body]);
    expect(wrong.status).toBe(401);
  });

  it('refuses an expired session, a staff token and garbage', async () => {
    const client = await portalLogin(url, 'sjef@lysverk.test');
    await central.admin.query("UPDATE portal_sessions SET expires_at = now() - interval '1 second' WHERE token_sha256 = encode(sha256($1::bytea), 'hex')", [client.token]);
    expect((await client.get('/api/portal/me')).status).toBe(401);
    expect((await new RawClient(url, supervisor.token).get('/api/portal/me')).status).toBe(401);
    expect((await new RawClient(url, 'x'.repeat(43)).get('/api/portal/users')).status).toBe(401);
    // …and a portal token is no staff token.
    expect((await new RawClient(url, admin.token).get('/api/pull?after=0')).status).toBe(401);
  });

  it('throttles login attempts for an address', async () => {
    const statuses: number[] = [];
    // The instance allows 30 a minute per address and e-mail (the default is 10).
    for (let i = 0; i < 31; i++) {
      statuses.push((await anonymous().post('/api/portal/login', { email: 'gjett@lysverk.test', password: `guess ${i}` })).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await anonymous().post('/api/portal/login', { email: 'Gjett@lysverk.test', password: 'x' })).status).toBe(429);
    // Another address is not held back by it.
    expect((await anonymous().post('/api/portal/login', { email: 'other@lysverk.test', password: 'x' })).status).toBe(401);
  });
});

describe("the firm's administrator", () => {
  it('adds a colleague with a temporary password, who must change it; the colleague is no administrator', async () => {
    const added = await admin.post('/api/portal/users', { email: 'Montor@Lysverk.test', name: 'Mona Montør', temporaryPassword: 'temporary-pass-1' });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ user: { email: 'montor@lysverk.test', isAdmin: false, disabled: false, invited: false }, invitationSent: false });
    const first = await anonymous().post('/api/portal/login', { email: 'montor@lysverk.test', password: 'temporary-pass-1' });
    expect(first.body.user.mustChangePassword).toBe(true);
    const colleague = new RawClient(url, first.body.token);
    expect((await colleague.post('/api/portal/password', { currentPassword: 'wrong', newPassword: PASSWORD })).status).toBe(401);
    expect((await colleague.post('/api/portal/password', { currentPassword: 'temporary-pass-1', newPassword: PASSWORD })).status).toBe(200);
    const again = await portalLogin(url, 'montor@lysverk.test');
    expect((await again.get('/api/portal/me')).body.user.mustChangePassword).toBe(false);
  });

  it('refuses a colleague who is no administrator: no listing, adding or disabling', async () => {
    const colleague = await portalLogin(url, 'montor@lysverk.test');
    expect((await colleague.get('/api/portal/users')).status).toBe(403);
    const add = await colleague.post('/api/portal/users', { email: 'sneaky@lysverk.test', temporaryPassword: 'temporary-pass-1', isAdmin: true });
    expect([add.status, add.body.code]).toEqual([403, 'notPermitted']);
    const adminId = (await admin.get('/api/portal/me')).body.user.id;
    expect((await colleague.post(`/api/portal/users/${adminId}/disable`)).status).toBe(403);
    expect((await central.admin.query("SELECT 1 FROM portal_users WHERE email = 'sneaky@lysverk.test'")).rowCount).toBe(0);
  });

  it('invites a colleague by an e-mailed link that sets their password once', async () => {
    const since = smtp.mails.length;
    const added = await admin.post('/api/portal/users', { email: 'ny@lysverk.test', name: 'Nils Ny' });
    expect(added.body).toMatchObject({ user: { invited: true }, invitationSent: true });
    expect((await anonymous().post('/api/portal/login', { email: 'ny@lysverk.test', password: PASSWORD })).status).toBe(401);
    const mail = await smtp.next('ny@lysverk.test', since);
    expect(mail.text).toContain('Lysverket AS');
    const token = tokenIn(mail, 'invitation');
    const { rows } = await central.admin.query("SELECT token_sha256 FROM portal_user_tokens WHERE purpose = 'invitation'");
    expect(rows.map((r) => r.token_sha256)).not.toContain(token);
    // Not a reset token.
    expect((await anonymous().post('/api/portal/password-reset/complete', { token, password: PASSWORD })).status).toBe(400);
    expect((await anonymous().post('/api/portal/invitation/accept', { token, password: PASSWORD })).status).toBe(200);
    expect((await anonymous().post('/api/portal/invitation/accept', { token, password: 'another-password-2' })).status).toBe(400);
    await portalLogin(url, 'ny@lysverk.test');
  });

  it('lists the firm\'s users and refuses an address already in use', async () => {
    const listed = await admin.get('/api/portal/users');
    expect(listed.body.users.map((u: { email: string }) => u.email)).toEqual(['montor@lysverk.test', 'ny@lysverk.test', 'sjef@lysverk.test']);
    const taken = await admin.post('/api/portal/users', { email: 'ny@lysverk.test', temporaryPassword: 'temporary-pass-1' });
    expect([taken.status, taken.body.code]).toEqual([409, 'portal.emailTaken']);
  });

  it('disables a colleague: their sessions end at once and they cannot log in or reset', async () => {
    const session = await portalLogin(url, 'ny@lysverk.test');
    const id = session.login;
    const disabled = await admin.post(`/api/portal/users/${id}/disable`);
    expect(disabled.body.user).toMatchObject({ id, disabled: true });
    expect((await session.get('/api/portal/me')).status).toBe(401);
    expect((await anonymous().post('/api/portal/login', { email: 'ny@lysverk.test', password: PASSWORD })).status).toBe(401);
    const since = smtp.mails.length;
    expect((await anonymous().post('/api/portal/password-reset', { email: 'ny@lysverk.test' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mails.slice(since).filter((m) => m.to.includes('ny@lysverk.test'))).toEqual([]);
    // An administrator does not lock themselves out.
    const own = await admin.post(`/api/portal/users/${admin.login}/disable`);
    expect([own.status, own.body.code]).toEqual([409, 'portal.disableSelf']);
  });
});

describe('password reset', () => {
  it('answers the same for an account and for none, and mails only the account', async () => {
    const since = smtp.mails.length;
    const known = await anonymous().post('/api/portal/password-reset', { email: 'montor@lysverk.test' });
    const unknown = await anonymous().post('/api/portal/password-reset', { email: 'ingen@lysverk.test' });
    expect([known.status, known.text]).toEqual([unknown.status, unknown.text]);
    const mail = await smtp.next('montor@lysverk.test', since);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.slice(since).map((m) => m.to)).toEqual([['montor@lysverk.test']]);

    const token = tokenIn(mail, 'password-reset');
    const session = await portalLogin(url, 'montor@lysverk.test');
    expect((await anonymous().post('/api/portal/password-reset/complete', { token, password: 'a-new-password-3' })).status).toBe(200);
    // The reset ends the sessions the user had; the old password is gone, the new one works.
    expect((await session.get('/api/portal/me')).status).toBe(401);
    expect((await anonymous().post('/api/portal/login', { email: 'montor@lysverk.test', password: PASSWORD })).status).toBe(401);
    await portalLogin(url, 'montor@lysverk.test', 'a-new-password-3');
    // Used once.
    const twice = await anonymous().post('/api/portal/password-reset/complete', { token, password: 'a-third-password-4' });
    expect([twice.status, twice.body.code]).toEqual([400, 'portal.tokenInvalid']);
    await portalLogin(url, 'montor@lysverk.test', 'a-new-password-3');
  });

  it('refuses an expired token and a made-up one', async () => {
    const since = smtp.mails.length;
    await anonymous().post('/api/portal/password-reset', { email: 'montor@lysverk.test' });
    const token = tokenIn(await smtp.next('montor@lysverk.test', since), 'password-reset');
    const { rows: [stored] } = await central.admin.query<{ minutes: number }>(
      "SELECT round(extract(epoch FROM expires_at - created_at) / 60) AS minutes FROM portal_user_tokens WHERE token_sha256 = encode(sha256($1::bytea), 'hex')", [token]);
    expect(Number(stored.minutes)).toBe(60);
    await central.admin.query("UPDATE portal_user_tokens SET expires_at = now() - interval '1 second' WHERE token_sha256 = encode(sha256($1::bytea), 'hex')", [token]);
    expect((await anonymous().post('/api/portal/password-reset/complete', { token, password: 'expired-password-5' })).status).toBe(400);
    expect((await anonymous().post('/api/portal/password-reset/complete', { token: 'A'.repeat(43), password: 'made-up-password-6' })).status).toBe(400);
    await portalLogin(url, 'montor@lysverk.test', 'a-new-password-3');
  });
});

describe('OpenAPI', () => {
  it('describes every portal route with an operationId and its schemas', async () => {
    const document = (await anonymous().get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { operationId?: string; requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>>;
    };
    const portal = Object.entries(document.paths).filter(([path]) => path.startsWith('/api/portal/'))
      .flatMap(([, methods]) => Object.values(methods).map((operation) => operation.operationId));
    expect(portal.sort()).toEqual([
      'portalAcceptInvitation', 'portalAddUser', 'portalApplyFirm', 'portalApproveFirm', 'portalChangePassword',
      'portalCompletePasswordReset', 'portalDisableUser', 'portalListFirms', 'portalListUsers', 'portalLogin', 'portalLogout',
      'portalMe', 'portalOwnerAnswerOffer', 'portalOwnerOfferLetter', 'portalOwnerOpenOffer', 'portalRefuseFirm', 'portalRequestPasswordReset', 'portalSubmitMessage',
    ]);
    expect(Object.keys(document.paths['/api/portal/login'].post.requestBody?.content['application/json'].schema.properties ?? {}))
      .toEqual(['email', 'password']);
  });
});

// A firm's application for portal access and the grid company's decision, through the running service with a raw
// HTTP client: the check digit and DSB's register decide who may apply; a supervisor approves or refuses (a case
// handler may not); only an approved firm's users log in. And `npm run portal:user`'s registration, as the owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPortalUser } from '../../../service/accounts/portalAccounts';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, RawClient } from '../../support/serviceClient';
import {
  organisationNumber, PASSWORD, portalLogin, registerInDsb, startPortalService, startSmtp, withWrongCheckDigit, type TestSmtp,
} from './portalFixture';

const central = useCentralDatabase('portal_firms');
let smtp: TestSmtp;
let url: string;
let supervisor: RawClient;
let caseHandler: RawClient;
const anonymous = () => new RawClient(url);

const application = (org: string, email: string, password = PASSWORD) => ({
  organisationNumber: org, contactEmail: `Post@${org.replace(/ /g, '')}.test`, user: { email, name: 'Ola Installatør', password },
});

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp)).url;
  supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  caseHandler = await login(url, await central.db.createLogin('handler', 'case_handler'));
});

afterAll(async () => {
  await smtp?.close();
});

describe('applying', () => {
  it('records the firm under the name DSB gives it, and its first user as administrator, awaiting a decision', async () => {
    const org = organisationNumber(11, 1);
    await registerInDsb(central.admin, org, 'Lys og Varme AS');
    const answer = await anonymous().post('/api/portal/firms', application(`${org.slice(0, 3)} ${org.slice(3, 6)} ${org.slice(6)}`, 'Ola@Lys.test'));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: expect.any(String), organisationNumber: org, name: 'Lys og Varme AS', state: 'applied' });
    const { rows: [firm] } = await central.admin.query('SELECT name, contact_email, state, decided_at FROM portal_firms WHERE id = $1', [answer.body.id]);
    expect(firm).toEqual({ name: 'Lys og Varme AS', contact_email: `post@${org}.test`, state: 'applied', decided_at: null });
    const { rows: users } = await central.admin.query('SELECT email, is_admin, disabled, password_hash FROM portal_users WHERE firm_id = $1', [answer.body.id]);
    expect(users).toEqual([{ email: 'ola@lys.test', is_admin: true, disabled: false, password_hash: expect.stringMatching(/^\$argon2id\$/) }]);
  });

  it('refuses a wrong check digit before anything is written', async () => {
    const org = organisationNumber(11, 20);
    await registerInDsb(central.admin, withWrongCheckDigit(org), 'Feil Siffer AS');
    const answer = await anonymous().post('/api/portal/firms', application(withWrongCheckDigit(org), 'feil@siffer.test'));
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('portal.organisationNumberInvalid');
    expect((await central.admin.query("SELECT 1 FROM portal_users WHERE email = 'feil@siffer.test'")).rowCount).toBe(0);
  });

  it('refuses a firm missing from the DSB register, or not active in it', async () => {
    const missing = organisationNumber(11, 30);
    expect((await anonymous().post('/api/portal/firms', application(missing, 'a@missing.test'))).body.code).toBe('portal.notInDsb');
    for (const [n, status] of [[40, 'suspended'], [50, 'deregistered']] as const) {
      const org = organisationNumber(11, n);
      await registerInDsb(central.admin, org, `Ute AS ${status}`, status);
      const answer = await anonymous().post('/api/portal/firms', application(org, `a@${status}.test`));
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('portal.notInDsb');
    }
    expect((await central.admin.query("SELECT 1 FROM portal_firms WHERE name LIKE 'Ute AS%'")).rowCount).toBe(0);
  });

  it('refuses a second application of the same firm and an e-mail address already in use', async () => {
    const org = organisationNumber(11, 60);
    await registerInDsb(central.admin, org, 'To Ganger AS');
    expect((await anonymous().post('/api/portal/firms', application(org, 'first@twice.test'))).status).toBe(200);
    const again = await anonymous().post('/api/portal/firms', application(org, 'second@twice.test'));
    expect([again.status, again.body.code]).toEqual([409, 'portal.firmExists']);
    const other = organisationNumber(11, 70);
    await registerInDsb(central.admin, other, 'Annen AS');
    const taken = await anonymous().post('/api/portal/firms', application(other, 'FIRST@twice.test'));
    expect([taken.status, taken.body.code]).toEqual([409, 'portal.emailTaken']);
    expect((await central.admin.query('SELECT 1 FROM portal_firms WHERE organisation_number = $1', [other])).rowCount).toBe(0);
  });

  it('refuses malformed input and short passwords', async () => {
    const org = organisationNumber(11, 80);
    await registerInDsb(central.admin, org, 'Kort AS');
    expect((await anonymous().post('/api/portal/firms', application(org, 'kort@kort.test', 'short'))).status).toBe(400);
    expect((await anonymous().post('/api/portal/firms', { ...application(org, 'not-an-address'), extra: 1 })).status).toBe(400);
    expect((await anonymous().post('/api/portal/firms', application('12345678a', 'x@kort.test'))).status).toBe(400);
  });
});

describe('deciding', () => {
  const applyFor = async (n: number, email: string) => {
    const org = organisationNumber(12, n);
    await registerInDsb(central.admin, org, `Firma ${n} AS`);
    const answer = await anonymous().post('/api/portal/firms', application(org, email));
    expect(answer.status).toBe(200);
    return answer.body.id as string;
  };

  it('lets a supervisor list the open applications, approve one, and its users log in', async () => {
    const id = await applyFor(1, 'admin@godkjent.test');
    const listed = await supervisor.get('/api/portal/firms?state=applied');
    expect(listed.status).toBe(200);
    expect(listed.body.firms.map((f: { id: string }) => f.id)).toContain(id);

    const before = await anonymous().post('/api/portal/login', { email: 'admin@godkjent.test', password: PASSWORD });
    expect([before.status, before.body.code]).toEqual([403, 'portal.firmNotApproved']);

    const approved = await supervisor.post(`/api/portal/firms/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ id, state: 'approved' });
    const { rows: [firm] } = await central.admin.query('SELECT state, decided_by, decided_at FROM portal_firms WHERE id = $1', [id]);
    expect(firm.state).toBe('approved');
    expect(firm.decided_by).toBe(supervisor.login);
    expect(firm.decided_at).not.toBeNull();

    const admin = await portalLogin(url, 'admin@godkjent.test');
    const me = await admin.get('/api/portal/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'admin@godkjent.test', isAdmin: true, mustChangePassword: false });
    expect(me.body.firm).toMatchObject({ id, name: 'Firma 1 AS' });
  });

  it('refuses with a reason, and the refused firm cannot log in', async () => {
    const id = await applyFor(2, 'admin@avvist.test');
    expect((await supervisor.post(`/api/portal/firms/${id}/refuse`, {})).status).toBe(400);
    expect((await supervisor.post(`/api/portal/firms/${id}/refuse`, { reason: '   ' })).status).toBe(400);
    const refused = await supervisor.post(`/api/portal/firms/${id}/refuse`, { reason: 'Ikke kunde hos oss' });
    expect(refused.body).toEqual({ id, state: 'refused' });
    const { rows: [firm] } = await central.admin.query('SELECT state, refusal_reason FROM portal_firms WHERE id = $1', [id]);
    expect(firm).toEqual({ state: 'refused', refusal_reason: 'Ikke kunde hos oss' });
    const answer = await anonymous().post('/api/portal/login', { email: 'admin@avvist.test', password: PASSWORD });
    expect([answer.status, answer.body.code]).toEqual([403, 'portal.firmNotApproved']);
    // A wrong password says nothing about the firm.
    const wrong = await anonymous().post('/api/portal/login', { email: 'admin@avvist.test', password: 'not the password' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'auth.wrongPassword']);
    // Decided is decided.
    const approveAfter = await supervisor.post(`/api/portal/firms/${id}/approve`);
    expect([approveAfter.status, approveAfter.body.code]).toEqual([409, 'portal.alreadyDecided']);
  });

  it("refuses a case handler's, an anonymous caller's and a portal user's decision, and an unknown firm", async () => {
    const id = await applyFor(3, 'admin@ventende.test');
    const byHandler = await caseHandler.post(`/api/portal/firms/${id}/approve`);
    expect([byHandler.status, byHandler.body.code]).toEqual([403, 'notPermitted']);
    expect((await caseHandler.post(`/api/portal/firms/${id}/refuse`, { reason: 'nei' })).status).toBe(403);
    expect((await caseHandler.get('/api/portal/firms')).status).toBe(403);
    expect((await anonymous().post(`/api/portal/firms/${id}/approve`)).status).toBe(401);
    const portalAdmin = await portalLogin(url, 'admin@godkjent.test');
    expect((await portalAdmin.post(`/api/portal/firms/${id}/approve`)).status).toBe(401);
    expect((await supervisor.post('/api/portal/firms/00000000-0000-4000-8000-000000000000/approve')).status).toBe(404);
    expect((await supervisor.post('/api/portal/firms/not-a-uuid/approve')).status).toBe(400);
    const { rows: [firm] } = await central.admin.query('SELECT state FROM portal_firms WHERE id = $1', [id]);
    expect(firm.state).toBe('applied');
  });

  it('is refused by PostgreSQL itself for a case handler acting directly', async () => {
    const id = await applyFor(4, 'admin@direkte.test');
    const handler = await central.connectAs('direct_handler', 'case_handler');
    await expect(handler.query("SELECT portal_decide_firm($1, 'approved', NULL)", [id])).rejects.toMatchObject({ code: '42501' });
    await expect(handler.query('SELECT * FROM portal_firms')).rejects.toMatchObject({ code: '42501' });
  });
});

describe('npm run portal:user (registerPortalUser, as the owner)', () => {
  it('registers and approves a firm not there yet, and adds the user, who logs in', async () => {
    const org = organisationNumber(13, 1);
    await registerInDsb(central.admin, org, 'Skript Elektro AS');
    const outcome = await registerPortalUser(central.admin, { organisationNumber: org, email: 'Skript@Elektro.test', password: PASSWORD, admin: true });
    expect(outcome.firm).toMatchObject({ name: 'Skript Elektro AS', state: 'approved', created: true });
    expect(outcome.user.created).toBe(true);
    const me = await (await portalLogin(url, 'skript@elektro.test')).get('/api/portal/me');
    expect(me.body.user.isAdmin).toBe(true);

    const second = await registerPortalUser(central.admin, { organisationNumber: org, email: 'kollega@elektro.test', password: PASSWORD, admin: false });
    expect(second.firm).toMatchObject({ id: outcome.firm.id, created: false });
    expect((await (await portalLogin(url, 'kollega@elektro.test')).get('/api/portal/me')).body.user.isAdmin).toBe(false);
  });

  it('refuses a wrong check digit, a firm not active in DSB, a refused firm, and another firm\'s user', async () => {
    const org = organisationNumber(13, 10);
    await registerInDsb(central.admin, org, 'Suspendert AS', 'suspended');
    await expect(registerPortalUser(central.admin, { organisationNumber: withWrongCheckDigit(org), email: 'x@y.test', password: PASSWORD, admin: true }))
      .rejects.toThrow(/not valid/);
    await expect(registerPortalUser(central.admin, { organisationNumber: org, email: 'x@y.test', password: PASSWORD, admin: true }))
      .rejects.toThrow(/suspended/);
    await expect(registerPortalUser(central.admin, { organisationNumber: organisationNumber(13, 20), email: 'x@y.test', password: PASSWORD, admin: true }))
      .rejects.toThrow(/not in the DSB register/);
    const { rows: [refused] } = await central.admin.query<{ organisation_number: string }>(
      "SELECT organisation_number FROM portal_firms WHERE state = 'refused' LIMIT 1");
    await expect(registerPortalUser(central.admin, { organisationNumber: refused.organisation_number, email: 'x@y.test', password: PASSWORD, admin: true }))
      .rejects.toThrow(/refused/);
    const other = organisationNumber(13, 30);
    await registerInDsb(central.admin, other, 'Tredje AS');
    await expect(registerPortalUser(central.admin, { organisationNumber: other, email: 'skript@elektro.test', password: PASSWORD, admin: true }))
      .rejects.toThrow(/another firm/);
    expect((await central.admin.query('SELECT 1 FROM portal_firms WHERE organisation_number = $1', [other])).rowCount).toBe(0);
  });
});

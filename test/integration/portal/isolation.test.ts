// Every firm kept to its own rows, by PostgreSQL itself and through the service: raw SQL as desk_service acting for
// firm A (SET ROLE portal_user, portal.firm) sees none of firm B's users, sessions or tokens and cannot write them;
// and firm A's administrator, holding a valid session, tries B's ids in URLs with a raw HTTP client.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, RawClient } from '../../support/serviceClient';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_isolation');
let smtp: TestSmtp;
let url: string;
let firmA: { id: string };
let firmB: { id: string };
let adminA: RawClient;
let adminB: RawClient;
let userB: string;
let service: pg.Client;

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp)).url;
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  firmA = await firmWithAdmin(url, central.admin, supervisor, 'admin@a.test', 'A Elektro AS');
  firmB = await firmWithAdmin(url, central.admin, supervisor, 'admin@b.test', 'B Elektro AS');
  adminA = await portalLogin(url, 'admin@a.test');
  adminB = await portalLogin(url, 'admin@b.test');
  const added = await adminB.post('/api/portal/users', { email: 'montor@b.test', temporaryPassword: 'temporary-pass-1' });
  userB = added.body.user.id;
  await adminB.post('/api/portal/users', { email: 'invitert@b.test' });
  service = await central.connect(central.db.serviceUrl);
});

afterAll(async () => {
  await smtp?.close();
});

/** One transaction as desk_service acting for `firm` (and `user`), as the service does; rolled back after. */
async function asFirm<T>(firm: string | null, user: string | null, work: () => Promise<T>): Promise<T> {
  await service.query('BEGIN');
  try {
    await service.query("SELECT set_config('role', 'portal_user', true), set_config('portal.firm', $1, true), set_config('portal.user', $2, true)",
      [firm ?? '', user ?? '']);
    return await work();
  } finally {
    await service.query('ROLLBACK');
  }
}

const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: '42501' });

describe('PostgreSQL keeps a firm to its rows (raw SQL as desk_service)', () => {
  it("shows firm A only its own firm, users, sessions and tokens", async () => {
    const adminAId = adminA.login;
    await asFirm(firmA.id, adminAId, async () => {
      expect((await service.query('SELECT id FROM portal_firms')).rows).toEqual([{ id: firmA.id }]);
      expect((await service.query('SELECT DISTINCT firm_id FROM portal_users')).rows).toEqual([{ firm_id: firmA.id }]);
      expect((await service.query('SELECT 1 FROM portal_users WHERE id = $1', [userB])).rowCount).toBe(0);
      expect((await service.query('SELECT DISTINCT firm_id FROM portal_sessions')).rows).toEqual([{ firm_id: firmA.id }]);
      expect((await service.query('SELECT 1 FROM portal_user_tokens')).rowCount).toBe(0);
    });
    // B's rows are there for B.
    await asFirm(firmB.id, adminB.login, async () => {
      expect((await service.query('SELECT 1 FROM portal_users')).rowCount).toBe(3);
      expect((await service.query('SELECT 1 FROM portal_user_tokens')).rowCount).toBe(1);
    });
  });

  it("cannot write firm B's rows as firm A", async () => {
    await asFirm(firmA.id, adminA.login, async () => {
      expect((await service.query('UPDATE portal_users SET disabled = true WHERE id = $1', [userB])).rowCount).toBe(0);
      expect((await service.query('DELETE FROM portal_sessions WHERE firm_id = $1', [firmB.id])).rowCount).toBe(0);
    });
    await asFirm(firmA.id, adminA.login, () => refused(service.query(
      "INSERT INTO portal_users (firm_id, email) VALUES ($1, 'planted@b.test')", [firmB.id])));
    await asFirm(firmA.id, adminA.login, () => refused(service.query(
      `INSERT INTO portal_sessions (token_sha256, user_id, firm_id, expires_at) VALUES (repeat('a', 64), $1, $2, now() + interval '1 hour')`,
      [userB, firmB.id])));
    await asFirm(firmA.id, adminA.login, () => refused(service.query(
      `INSERT INTO portal_user_tokens (token_sha256, user_id, firm_id, purpose, expires_at)
       VALUES (repeat('b', 64), $1, $2, 'password_reset', now() + interval '1 hour')`, [userB, firmB.id])));
    // A session of A's firm naming B's user breaks the (user, firm) key.
    await asFirm(firmA.id, adminA.login, () => expect(service.query(
      `INSERT INTO portal_sessions (token_sha256, user_id, firm_id, expires_at) VALUES (repeat('c', 64), $1, $2, now() + interval '1 hour')`,
      [userB, firmA.id])).rejects.toMatchObject({ code: '23503' }));
    const { rows: [b] } = await central.admin.query('SELECT disabled FROM portal_users WHERE id = $1', [userB]);
    expect(b.disabled).toBe(false);
  });

  it('lets only an administrator add or disable, and columns beyond those granted stay closed', async () => {
    const { rows: [colleague] } = await central.admin.query<{ id: string }>("SELECT id FROM portal_users WHERE email = 'montor@b.test'");
    await asFirm(firmB.id, colleague.id, () => refused(service.query(
      "INSERT INTO portal_users (firm_id, email, is_admin) VALUES ($1, 'self-made@b.test', true)", [firmB.id])));
    await asFirm(firmB.id, colleague.id, async () => {
      expect((await service.query('UPDATE portal_users SET disabled = true WHERE id = $1', [adminB.login])).rowCount).toBe(0);
    });
    await asFirm(firmB.id, colleague.id, () => refused(service.query('UPDATE portal_users SET is_admin = true WHERE id = $1', [colleague.id])));
    await asFirm(firmB.id, adminB.login, () => refused(service.query('UPDATE portal_users SET password_hash = $1 WHERE id = $2', ['x', colleague.id])));
  });

  it('shows nothing without a firm, and nothing at all to desk_service without the role or to the staff groups', async () => {
    await asFirm(null, null, async () => {
      expect((await service.query('SELECT 1 FROM portal_users')).rowCount).toBe(0);
      expect((await service.query('SELECT 1 FROM portal_firms')).rowCount).toBe(0);
    });
    await refused(service.query('SELECT * FROM portal_users'));
    await refused(service.query('SELECT * FROM portal_sessions'));
    const handler = await central.connectAs('handler', 'case_handler');
    await refused(handler.query('SELECT * FROM portal_users'));
    await refused(handler.query('SELECT * FROM portal_user_tokens'));
    // The cross-firm functions are desk_service's alone.
    await asFirm(firmA.id, adminA.login, () => refused(service.query("SELECT * FROM portal_login_candidate('admin@b.test')")));
  });
});

describe("firm A's administrator tries firm B's ids through the service", () => {
  it("cannot disable B's user: answered as if the user did not exist, and nothing changes", async () => {
    const answer = await adminA.post(`/api/portal/users/${userB}/disable`);
    expect([answer.status, answer.body.code]).toEqual([404, 'portal.userMissing']);
    const unknown = await adminA.post('/api/portal/users/00000000-0000-4000-8000-000000000000/disable');
    expect([unknown.status, unknown.body]).toEqual([answer.status, answer.body]);
    expect((await adminA.post('/api/portal/users/not-a-uuid/disable')).status).toBe(400);
    const { rows: [b] } = await central.admin.query('SELECT disabled FROM portal_users WHERE id = $1', [userB]);
    expect(b.disabled).toBe(false);
    await portalLogin(url, 'montor@b.test', 'temporary-pass-1');
  });

  it("lists only A's users, and cannot approve or decide firms", async () => {
    const listed = await adminA.get('/api/portal/users');
    expect(listed.body.users.map((u: { email: string }) => u.email)).toEqual(['admin@a.test']);
    expect((await adminA.post(`/api/portal/firms/${firmB.id}/refuse`, { reason: 'x' })).status).toBe(401);
    expect((await adminA.get('/api/portal/firms')).status).toBe(401);
  });

  it("adds users only to its own firm, whatever the body says", async () => {
    const added = await adminA.post('/api/portal/users', { email: 'ny@a.test', temporaryPassword: 'temporary-pass-1', firmId: firmB.id });
    expect(added.status).toBe(200);
    const { rows: [row] } = await central.admin.query('SELECT firm_id FROM portal_users WHERE email = $1', ['ny@a.test']);
    expect(row.firm_id).toBe(firmA.id);
  });
});

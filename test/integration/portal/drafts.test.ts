// Drafts of the "Ny melding" form (portalListDrafts, portalSaveDraft, portalDeleteDraft) against real PostgreSQL and
// the running service: made, replaced, listed and deleted by their user; another user's or another firm's draft id
// answered 404 and left as it was; and the row-level security of portal_drafts (migration 0021) tried with raw SQL
// as desk_service acting for another firm or colleague, as if a route had forgotten its WHERE.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, RawClient } from '../../support/serviceClient';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_drafts');
let smtp: TestSmtp;
let url: string;
let firmA: { id: string; org: string };
let firmB: { id: string; org: string };
let installerA: RawClient;
let colleagueA: RawClient;
let installerB: RawClient;
let service: pg.Client;

const form = (address: string, extra: Record<string, string | boolean> = {}) => ({
  requestType: 'new_installation',
  values: { 'installation.address': address, 'installation.postTown': 'Kristiansand', 'installation.mainFuseA': '50', hasProduction: false, ...extra },
  attachments: [{ kind: 'site_map', fileName: 'situasjonskart.pdf', bytes: 120_000 }],
});

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp)).url;
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  firmA = await firmWithAdmin(url, central.admin, supervisor, 'admin@draft-a.test', 'A Elektro AS');
  firmB = await firmWithAdmin(url, central.admin, supervisor, 'admin@draft-b.test', 'B Elektro AS');
  installerA = await portalLogin(url, 'admin@draft-a.test');
  installerB = await portalLogin(url, 'admin@draft-b.test');
  const added = await installerA.post('/api/portal/users', { email: 'montor@draft-a.test', temporaryPassword: 'temporary-pass-1' });
  expect(added.status, added.text).toBe(200);
  colleagueA = await portalLogin(url, 'montor@draft-a.test', 'temporary-pass-1');
  service = await central.connect(central.db.serviceUrl);
});

afterAll(async () => {
  await smtp?.close();
});

const del = (client: RawClient, id: string) => client.call('DELETE', `/api/portal/drafts/${id}`);

describe('drafts through the service', () => {
  it('makes a draft, replaces it by its id, lists it with its title and deletes it', async () => {
    const made = await installerA.post('/api/portal/drafts', { form: form('Strandveien 1') });
    expect(made.status, made.text).toBe(200);
    expect(made.body).toMatchObject({ title: 'Strandveien 1, Kristiansand', form: form('Strandveien 1') });
    const { id } = made.body as { id: string };

    const replaced = await installerA.post('/api/portal/drafts', { id, form: form('Strandveien 2', { 'installation.mainFuseA': '63' }) });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.body.id).toBe(id);
    expect(replaced.body.form.values['installation.mainFuseA']).toBe('63');
    expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(made.body.updatedAt));

    const other = await installerA.post('/api/portal/drafts', { form: form('Fjellveien 9') });
    const listed = await installerA.get('/api/portal/drafts');
    expect(listed.status).toBe(200);
    expect(listed.body.drafts.map((d: { id: string }) => d.id)).toEqual([other.body.id, id]);

    expect((await del(installerA, id)).status).toBe(200);
    expect((await del(installerA, id)).status).toBe(404);
    expect((await installerA.get('/api/portal/drafts')).body.drafts.map((d: { id: string }) => d.id)).toEqual([other.body.id]);
  });

  it("answers another firm's draft id, and a colleague's, as no draft at all, and leaves the draft as it was", async () => {
    const mine = await installerA.post('/api/portal/drafts', { form: form('Kirkegata 3') });
    const id = mine.body.id as string;
    for (const stranger of [installerB, colleagueA]) {
      expect((await stranger.get('/api/portal/drafts')).body.drafts).toEqual([]);
      const overwrite = await stranger.post('/api/portal/drafts', { id, form: form('Overtatt 1') });
      expect(overwrite.status).toBe(404);
      expect(overwrite.body.code).toBe('draft.notFound');
      const removal = await del(stranger, id);
      expect(removal.status).toBe(404);
      expect(removal.body).toEqual(overwrite.body);
    }
    // A made-up id is answered the same: the 404 tells nothing.
    const unknown = await installerB.post('/api/portal/drafts', { id: '00000000-0000-4000-8000-000000000000', form: form('X') });
    expect(unknown.status).toBe(404);
    const { rows } = await central.admin.query('SELECT title, firm_id, form FROM portal_drafts WHERE id = $1', [id]);
    expect(rows).toEqual([{ title: 'Kirkegata 3, Kristiansand', firm_id: firmA.id, form: form('Kirkegata 3') }]);
  });

  it('validates the form at the boundary and wants a session', async () => {
    const answers = await Promise.all([
      installerA.post('/api/portal/drafts', { form: { ...form('A'), requestType: 'nonsense' } }),
      installerA.post('/api/portal/drafts', { form: { ...form('A'), values: { 'bad key!': 'x' } } }),
      installerA.post('/api/portal/drafts', { form: { ...form('A'), values: { freeText: 'x'.repeat(4_001) } } }),
      // Each value within its limit, the whole over the form's: refused here, not by the table's check.
      installerA.post('/api/portal/drafts', { form: { ...form('A'), values: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}`, 'x'.repeat(4_000)])) } }),
      installerA.post('/api/portal/drafts', { form: { ...form('A'), attachments: [{ kind: 'photo', fileName: 'a.jpg', bytes: 1, contentBase64: 'AAAA' }] } }),
      installerA.post('/api/portal/drafts', { id: 'not-a-uuid', form: form('A') }),
      installerA.call('DELETE', '/api/portal/drafts/not-a-uuid'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    const anonymous = new RawClient(url);
    expect((await anonymous.get('/api/portal/drafts')).status).toBe(401);
    expect((await anonymous.post('/api/portal/drafts', { form: form('A') })).status).toBe(401);
  });

  it('is in the OpenAPI document under its operationIds', async () => {
    const document = (await new RawClient(url).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { operationId?: string }>> };
    expect(document.paths['/api/portal/drafts'].get.operationId).toBe('portalListDrafts');
    expect(document.paths['/api/portal/drafts'].post.operationId).toBe('portalSaveDraft');
    expect(document.paths['/api/portal/drafts/{id}'].delete.operationId).toBe('portalDeleteDraft');
  });
});

/** One transaction as desk_service acting as portal_user for `firm` and `user`; rolled back after. */
async function asPortalUser<T>(firm: string, user: string, work: () => Promise<T>): Promise<T> {
  await service.query('BEGIN');
  try {
    await service.query("SELECT set_config('role', 'portal_user', true), set_config('portal.firm', $1, true), set_config('portal.user', $2, true)",
      [firm, user]);
    return await work();
  } finally {
    await service.query('ROLLBACK');
  }
}

describe('PostgreSQL keeps each user to their own drafts (raw SQL, no WHERE)', () => {
  let draftId: string;
  beforeAll(async () => {
    draftId = (await installerA.post('/api/portal/drafts', { form: form('Rådhusgata 5') })).body.id;
  });

  it("shows another firm and a colleague none of the user's drafts, and lets neither change or delete them", async () => {
    for (const [firm, user] of [[firmB.id, installerB.login], [firmA.id, colleagueA.login]]) {
      await asPortalUser(firm, user, async () => {
        expect((await service.query('SELECT id FROM portal_drafts')).rows).toEqual([]);
        expect((await service.query("UPDATE portal_drafts SET title = 'taken'")).rowCount).toBe(0);
        expect((await service.query('DELETE FROM portal_drafts')).rowCount).toBe(0);
      });
    }
    // Nor may a draft be made in another firm's or user's name.
    await expect(asPortalUser(firmB.id, installerB.login, () => service.query(
      "INSERT INTO portal_drafts (firm_id, user_id, form) VALUES ($1, $2, '{}')", [firmA.id, installerA.login])))
      .rejects.toMatchObject({ code: '42501' });
    await expect(asPortalUser(firmA.id, colleagueA.login, () => service.query(
      "INSERT INTO portal_drafts (firm_id, user_id, form) VALUES ($1, $2, '{}')", [firmA.id, installerA.login])))
      .rejects.toMatchObject({ code: '42501' });
    // The user sees their own.
    await asPortalUser(firmA.id, installerA.login, async () => {
      expect((await service.query('SELECT id FROM portal_drafts WHERE id = $1', [draftId])).rowCount).toBe(1);
    });
  });

  it('shows nothing to a transaction that set no firm, and nothing to desk_service or the staff roles at all', async () => {
    await service.query('BEGIN');
    try {
      await service.query("SELECT set_config('role', 'portal_user', true)");
      expect((await service.query('SELECT 1 FROM portal_drafts')).rowCount).toBe(0);
    } finally {
      await service.query('ROLLBACK');
    }
    const { rows } = await central.admin.query(`SELECT r AS role, has_table_privilege(r, 'portal_drafts', 'SELECT') AS s
      FROM unnest(ARRAY['desk_service', 'case_handler', 'supervisor', 'reader', 'portal_submitter']) r ORDER BY 1`);
    expect(rows.every((row: { s: boolean }) => !row.s)).toBe(true);
  });
});

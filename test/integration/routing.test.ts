// Who does the grid-side work: `case.decideRouting` refuses the installer when the installer check says no and an
// area supplier that does not cover the municipality; it records the decision and a `routing_decided` event.
// Centrally the same mutation is applied as the person, under their claim, and the audit trigger's event equals the
// one the desk wrote optimistically.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { fixedClock } from '../../core/clock';
import { createCore, type Core } from '../../core/createCore';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { seedDatabase } from '../../core/demo/seedDatabase';
import { connectCentral } from '../../core/sync/centralConnection';
import type { InstallerCheckView } from '../../shared/contract';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { eventually, removeClientFiles, seedCentral, startClient, type Client } from '../support/syncClients';
import { ok } from '../support/apiResult';

const MIGRATIONS = path.resolve(__dirname, '../../db/local/migrations');
const errorOf = (result: { ok: boolean; error?: unknown }) => (result.ok ? null : (result.error as { code: string; params?: unknown }));

/** The facts of the case the tests route: a new house whose installer may lay the cable but not mount the meter. */
interface Setup {
  caseId: number;
  municipality: string;
  supplierId: number;
  otherSupplierId: number;
}
const SETUP_SQL = {
  supplier: `SELECT am.municipality_number AS municipality, am.supplier_id AS supplier_id,
               (SELECT s.id FROM area_suppliers s WHERE NOT EXISTS (SELECT 1 FROM area_supplier_municipalities x
                  WHERE x.supplier_id = s.id AND x.municipality_number = am.municipality_number) ORDER BY s.id LIMIT 1) AS other
             FROM area_supplier_municipalities am ORDER BY am.municipality_number, am.supplier_id LIMIT 1`,
};

describe('case.decideRouting, standalone', () => {
  let directory: string;
  let core: Core;
  let sqlite: Database.Database;
  let setup: Setup;

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'routing-test-'));
    const file = path.join(directory, 'desk.sqlite');
    const seeded = openLocalDatabase({ file, migrationsFolder: MIGRATIONS });
    seedDatabase(seeded.sqlite, { cases: 40, seed: 3, today: '2026-11-27', attachmentStore: new AttachmentStore(path.join(directory, 'att')) });
    const s = seeded.sqlite;
    const row = s.prepare(SETUP_SQL.supplier).get() as { municipality: string; supplier_id: number; other: number };
    const caseId = 1;
    const { installer_id } = s.prepare('SELECT installer_id FROM cases WHERE id = ?').get(caseId) as { installer_id: number };
    s.prepare("UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = 0, municipality_number = ?, work_routing = '{}' WHERE id = ?")
      .run(row.municipality, caseId);
    s.prepare('DELETE FROM prequalifications WHERE installer_id = ?').run(installer_id);
    s.prepare("INSERT INTO prequalifications (installer_id, category, valid_from, valid_to) VALUES (?, 'service_cable', '2020-01-01', '2030-12-31')").run(installer_id);
    s.prepare("UPDATE dsb_register SET status = 'active' WHERE organisation_number = (SELECT organisation_number FROM installers WHERE id = ?)").run(installer_id);
    s.prepare("INSERT OR IGNORE INTO dsb_register (organisation_number, name, status, as_of) SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = ?").run(installer_id);
    seeded.close();
    setup = { caseId, municipality: row.municipality, supplierId: row.supplier_id, otherSupplierId: row.other };
    core = createCore({
      databaseFile: file,
      migrationsFolder: MIGRATIONS,
      attachmentsDirectory: path.join(directory, 'att'),
      host: { openFile: async () => {} },
      clock: fixedClock('2026-11-27T09:00:00Z'),
    });
    sqlite = core.database.sqlite;
  });
  afterAll(async () => {
    await core?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const routingOf = () => JSON.parse((sqlite.prepare('SELECT work_routing FROM cases WHERE id = ?').get(setup.caseId) as { work_routing: string }).work_routing);
  const routingEvents = () =>
    sqlite.prepare("SELECT actor_id, data FROM case_events WHERE case_id = ? AND kind = 'routing_decided' ORDER BY id").all(setup.caseId) as Array<{ actor_id: string; data: string }>;
  const outboxCount = () => (sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE mutation = 'case.decideRouting'").get() as { n: number }).n;

  it('the check shows what the installer may do and proposes the area supplier for the rest', async () => {
    const check = ok<InstallerCheckView>(await core.dispatch('case.installerCheck', { caseId: setup.caseId }));
    expect(check.dsb.state).toBe('active');
    expect(check.approvalBlock).toBeNull();
    expect(check.work.map((w) => [w.kind, w.installerMay, w.proposed.performer, w.proposed.supplier?.id ?? null])).toEqual([
      ['service_cable_connection', true, 'installer', null],
      ['direct_meter_mounting', false, 'area_supplier', setup.supplierId],
    ]);
    expect(check.areaSuppliers.map((s) => s.id)).toContain(setup.supplierId);
    expect(check.routing).toEqual({});
  });

  it('refuses the installer for work it is not prequalified for, and writes nothing', async () => {
    const result = await core.dispatch('case.decideRouting', { caseId: setup.caseId, workKind: 'direct_meter_mounting', performer: 'installer', supplierId: null });
    expect(errorOf(result)).toEqual({ code: 'routing.installerMayNot', params: { workKind: 'direct_meter_mounting', why: 'not_prequalified' } });
    expect(routingOf()).toEqual({});
    expect(routingEvents()).toEqual([]);
    expect(outboxCount()).toBe(0);
  });

  it('refuses an area supplier that does not cover the municipality, and work the case does not need', async () => {
    const wrongSupplier = await core.dispatch('case.decideRouting', {
      caseId: setup.caseId, workKind: 'direct_meter_mounting', performer: 'area_supplier', supplierId: setup.otherSupplierId,
    });
    expect(errorOf(wrongSupplier)).toMatchObject({ code: 'routing.noAreaSupplier', params: { municipality: setup.municipality } });
    const notNeeded = await core.dispatch('case.decideRouting', {
      caseId: setup.caseId, workKind: 'transformer_meter_mounting', performer: 'grid_company', supplierId: null,
    });
    expect(errorOf(notNeeded)?.code).toBe('routing.workNotNeeded');
    const noSupplier = await core.dispatch('case.decideRouting', {
      caseId: setup.caseId, workKind: 'direct_meter_mounting', performer: 'area_supplier', supplierId: null,
    });
    expect(errorOf(noSupplier)?.code).toBe('input.invalid');
    expect(routingOf()).toEqual({});
    expect(outboxCount()).toBe(0);
  });

  it('records the decision with who and when, and the history says so; the same decision again records nothing', async () => {
    const args = { caseId: setup.caseId, workKind: 'direct_meter_mounting', performer: 'area_supplier', supplierId: setup.supplierId };
    const first = ok<{ eventId: number | null }>(await core.dispatch('case.decideRouting', args));
    expect(first.eventId).not.toBeNull();
    const me = ok<{ user: { id: string } }>(await core.dispatch('session.get', {})).user.id;
    expect(routingOf()).toEqual({ direct_meter_mounting: { performer: 'area_supplier', supplierId: setup.supplierId, by: me, at: '2026-11-27T09:00:00.000Z' } });
    expect(routingEvents().map((e) => ({ ...e, data: JSON.parse(e.data) }))).toEqual([
      { actor_id: me, data: { workKind: 'direct_meter_mounting', performer: 'area_supplier', supplierId: setup.supplierId } },
    ]);
    const again = ok<{ eventId: number | null }>(await core.dispatch('case.decideRouting', args));
    expect(again.eventId).toBeNull();
    expect(routingEvents()).toHaveLength(1);

    ok(await core.dispatch('case.decideRouting', { caseId: setup.caseId, workKind: 'service_cable_connection', performer: 'installer', supplierId: null }));
    const check = ok<InstallerCheckView>(await core.dispatch('case.installerCheck', { caseId: setup.caseId }));
    expect(Object.keys(check.routing).sort()).toEqual(['direct_meter_mounting', 'service_cable_connection']);
  });

  it('an installer suspended in the DSB register blocks approval and may do no work at all', async () => {
    sqlite.prepare("UPDATE dsb_register SET status = 'suspended' WHERE organisation_number = (SELECT i.organisation_number FROM cases c JOIN installers i ON i.id = c.installer_id WHERE c.id = ?)").run(setup.caseId);
    const check = ok<InstallerCheckView>(await core.dispatch('case.installerCheck', { caseId: setup.caseId }));
    expect(check.approvalBlock).toEqual({ code: 'installer_not_active_in_dsb', params: { state: 'suspended' } });
    expect(check.work.every((w) => !w.installerMay)).toBe(true);
    const result = await core.dispatch('case.decideRouting', { caseId: setup.caseId, workKind: 'service_cable_connection', performer: 'installer', supplierId: null });
    expect(errorOf(result)).toMatchObject({ code: 'routing.installerMayNot', params: { why: 'dsb_not_active' } });
  });
});

describe('case.decideRouting against the central database', () => {
  let db: TestDatabase;
  let anne: Client;
  let setup: Setup;

  beforeAll(async () => {
    db = await createTestDatabase('routing');
    await seedCentral(db, 30);
    const admin = await connectCentral(db.adminUrl);
    try {
      const row = (await admin.query(SETUP_SQL.supplier)).rows[0] as { municipality: string; supplier_id: string; other: string };
      const caseId = Number((await admin.query('SELECT id FROM cases WHERE claimed_by IS NULL ORDER BY id LIMIT 1')).rows[0].id);
      await admin.query("UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = false, municipality_number = $1 WHERE id = $2", [row.municipality, caseId]);
      const installerId = (await admin.query('SELECT installer_id FROM cases WHERE id = $1', [caseId])).rows[0].installer_id;
      await admin.query('DELETE FROM prequalifications WHERE installer_id = $1', [installerId]);
      await admin.query("INSERT INTO prequalifications (installer_id, category, valid_from, valid_to) VALUES ($1, 'service_cable', '2020-01-01', '2099-12-31')", [installerId]);
      await admin.query(
        `INSERT INTO dsb_register (organisation_number, name, status, as_of)
         SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = $1
         ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`,
        [installerId],
      );
      setup = { caseId, municipality: row.municipality, supplierId: Number(row.supplier_id), otherSupplierId: Number(row.other) };
    } finally {
      await admin.end();
    }
    anne = await startClient(db, 'anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
  });
  afterAll(async () => {
    if (anne) {
      await anne.close();
      removeClientFiles(anne);
    }
    await db?.drop();
  });

  const centralEvents = async () => {
    const admin = await connectCentral(db.adminUrl);
    try {
      // The cache-shaped connection hands jsonb over as text, as the cache stores it.
      const { rows } = await admin.query("SELECT actor_id, data FROM case_events WHERE case_id = $1 AND kind = 'routing_decided' ORDER BY id", [setup.caseId]);
      return rows.map((row: { actor_id: string; data: string }) => ({ actor_id: row.actor_id, data: JSON.parse(row.data) as unknown }));
    } finally {
      await admin.end();
    }
  };

  it('is refused centrally without a claim, and rolled back locally', async () => {
    ok(await anne.core.dispatch('case.decideRouting', { caseId: setup.caseId, workKind: 'direct_meter_mounting', performer: 'grid_company', supplierId: null }));
    await anne.core.central!.engine.whenIdle();
    const refused = anne.core.database.sqlite.prepare("SELECT state, rejection FROM outbox WHERE mutation = 'case.decideRouting'").all() as Array<{ state: string; rejection: string | null }>;
    expect(refused).toHaveLength(1);
    expect(refused[0]).toEqual({ state: 'rejected', rejection: 'notClaimed' });
    expect(await centralEvents()).toEqual([]);
    const local = anne.core.database.sqlite.prepare('SELECT work_routing FROM cases WHERE id = ?').get(setup.caseId) as { work_routing: string };
    expect(JSON.parse(local.work_routing)).toEqual({});
    ok(await anne.core.dispatch('outbox.dismiss', { seq: (anne.core.database.sqlite.prepare("SELECT seq FROM outbox WHERE mutation = 'case.decideRouting'").get() as { seq: number }).seq }));
  });

  it('under the claim, is applied as the person; the central event equals the one the desk wrote', async () => {
    ok(await anne.core.dispatch('case.claim', { caseId: setup.caseId }));
    await anne.core.central!.engine.whenIdle();
    const args = { caseId: setup.caseId, workKind: 'direct_meter_mounting', performer: 'area_supplier', supplierId: setup.supplierId };
    ok(await anne.core.dispatch('case.decideRouting', args));
    const sqlite = anne.core.database.sqlite;
    const optimistic = sqlite.prepare("SELECT data FROM case_events WHERE case_id = ? AND kind = 'routing_decided' AND pending_seq IS NOT NULL").get(setup.caseId) as { data: string };
    await anne.core.central!.engine.whenIdle();

    const central = await centralEvents();
    expect(central).toEqual([{ actor_id: anne.login, data: JSON.parse(optimistic.data) }]);
    expect(central[0].data).toEqual({ workKind: 'direct_meter_mounting', performer: 'area_supplier', supplierId: setup.supplierId });

    // The cache now holds the server's row and event, the optimistic ones gone.
    const pulled = await eventually(
      () => sqlite.prepare("SELECT actor_id, data FROM case_events WHERE case_id = ? AND kind = 'routing_decided'").all(setup.caseId) as Array<{ actor_id: string; data: string }>,
      5_000,
      'the central event in the cache',
    );
    expect(pulled.map((e) => ({ actor_id: e.actor_id, data: JSON.parse(e.data) }))).toEqual(central);
    const routing = JSON.parse((sqlite.prepare('SELECT work_routing FROM cases WHERE id = ?').get(setup.caseId) as { work_routing: string }).work_routing);
    expect(routing.direct_meter_mounting).toMatchObject({ performer: 'area_supplier', supplierId: setup.supplierId, by: anne.login });
    const check = ok<InstallerCheckView>(await anne.core.dispatch('case.installerCheck', { caseId: setup.caseId }));
    expect(check.routing.direct_meter_mounting?.performer).toBe('area_supplier');
    // The register (seeded centrally, dated the seed's today) came down with the sync: the cache's check sees it.
    expect(check.dsb).toEqual({ state: 'active', asOf: '2026-11-27' });
  });
});

// Company practice with a central server (real PostgreSQL): a supervisor's change goes through the outbox
// (`companySettings.update`), reaches company_settings centrally under their login and comes back to another
// desk by the pull. A case handler is refused by the app before anything is written, and a forged change from a
// case handler's desk is refused by PostgreSQL itself (no INSERT/UPDATE on company_settings: 42501), ending up in
// the refused list like any other refusal.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { centralApplierFor } from '../../core/sync/centralAppliers';
import type { CompanySettingsView, RefusedChange } from '../../shared/contract';
import { useCentralDatabase } from '../support/centralDatabase';
import { eventually, type Client } from '../support/syncClients';

let admin: pg.Client;
const central = useCentralDatabase('company_settings_central', {
  seedCases: 5,
  async setup({ admin: owner }) {
    admin = owner;
  },
});

const centralSettings = async () =>
  Object.fromEntries(
    (await admin.query<{ key: string; value: string }>('SELECT key, value FROM company_settings')).rows.map((r) => [r.key, r.value]),
  );

async function view(client: Client): Promise<CompanySettingsView> {
  const result = await client.core.dispatch('companySettings.get', {});
  if (!result.ok) throw new Error(`companySettings.get failed: ${JSON.stringify(result.error)}`);
  return result.value as CompanySettingsView;
}

/** A client whose first pull has brought its own user row (and so its role). */
async function person(name: string, group: 'case_handler' | 'supervisor'): Promise<Client> {
  const client = await central.startClient(name, group);
  await eventually(() => client.core.context.currentUser().role === group, 15_000, `${name}'s role to arrive`);
  return client;
}

describe('companySettings.update against PostgreSQL', () => {
  let sara: Client;
  let anne: Client;

  it('a supervisor changes the practice: it reaches the central table and comes back to another desk', async () => {
    sara = await person('sara', 'supervisor');
    anne = await person('anne', 'case_handler');
    expect(await centralSettings()).toMatchObject({ due_working_days: '15', meter_mounting_working_days: '5', auto_approve_metering_point_work: 'false' });
    expect(await view(sara)).toMatchObject({ canEdit: true, values: { dueWorkingDays: 15 } });

    const values = { dueWorkingDays: 22, meterMountingWorkingDays: 6, autoApproveMeteringPointWork: true, developerProjectMinUnits: 40, releaseOnAcceptance: true };
    const saved = await sara.core.dispatch('companySettings.save', values);
    // At once, before the server has it: the local view shows the change as made.
    expect(saved).toMatchObject({ ok: true, value: { values } });

    await expect.poll(centralSettings, { timeout: 10_000 }).toMatchObject({
      due_working_days: '22',
      meter_mounting_working_days: '6',
      auto_approve_metering_point_work: 'true',
      developer_project_min_units: '40',
    });
    // Recorded as sara's change by the server.
    const applied = await admin.query("SELECT outcome FROM applied_mutations WHERE client_id = $1", [sara.core.database.clientId]);
    expect(applied.rows.map((r) => r.outcome)).toContain('applied');

    // Settled at sara's desk (nothing pending), and pulled by anne's.
    await expect.poll(async () => (await view(sara)).pending, { timeout: 10_000 }).toBe(false);
    expect((await view(sara)).values).toEqual(values);
    await expect.poll(async () => (await view(anne)).values, { timeout: 10_000 }).toEqual(values);
    expect((await view(anne)).canEdit).toBe(false);
  });

  it('a case handler is refused by the app, and nothing is written', async () => {
    const before = await centralSettings();
    const result = await anne.core.dispatch('companySettings.save', {
      dueWorkingDays: 5,
      autoApproveMeteringPointWork: false,
      developerProjectMinUnits: 3,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    const { n } = anne.core.database.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE mutation = 'companySettings.update'")
      .get() as { n: number };
    expect(n).toBe(0);
    expect(await centralSettings()).toEqual(before);
  });

  it("a case handler's forged change is refused by PostgreSQL (42501) and lands in the refused list", async () => {
    const before = await centralSettings();
    const args = { values: { due_working_days: 3, auto_approve_metering_point_work: false } };

    // The applier itself, as the case handler's login: PostgreSQL says no.
    const direct = new pg.Client({ connectionString: central.db.urlFor(anne.login) });
    await direct.connect();
    try {
      await direct.query('BEGIN');
      const applier = centralApplierFor('companySettings.update')!;
      const entry = { seq: 1, mutation: 'companySettings.update', args, precondition: {}, caseId: null, createdAt: new Date().toISOString() };
      await expect(applier(direct, entry)).rejects.toMatchObject({ code: '42501' });
      await direct.query('ROLLBACK');
    } finally {
      await direct.end();
    }

    // A crafted outbox entry at the case handler's desk, pushed by the sync engine like any other change.
    const { sqlite, clientId } = anne.core.database;
    const seq = Number(
      sqlite
        .prepare(
          `INSERT INTO outbox (client_id, mutation, args, actor_id, created_at, state, case_id, precondition)
           VALUES (?, 'companySettings.update', ?, ?, ?, 'pending', NULL, '{}')`,
        )
        .run(clientId, JSON.stringify(args), anne.login, new Date().toISOString()).lastInsertRowid,
    );
    // While pending, the local view shows it on top (it is a change from this desk like any other).
    expect((await view(anne)).values.dueWorkingDays).toBe(3);
    anne.core.central!.engine.nudge();
    await expect
      .poll(() => sqlite.prepare('SELECT state, rejection FROM outbox WHERE seq = ?').get(seq), { timeout: 10_000 })
      .toEqual({ state: 'rejected', rejection: 'notPermitted' });
    expect(await centralSettings()).toEqual(before);
    // Rolled back locally: the view is the server's again.
    expect((await view(anne)).values).toMatchObject({ dueWorkingDays: 22, autoApproveMeteringPointWork: true });

    const refused = await anne.core.dispatch('outbox.refused', {});
    expect(refused.ok).toBe(true);
    const listed = (refused as { value: RefusedChange[] }).value.find((change) => change.seq === seq);
    // It belongs to no case: it is listed to be dismissed, not offered to be applied again as it was.
    expect(listed).toMatchObject({ mutation: 'companySettings.update', caseId: null, reason: 'notPermitted', canReapply: false });
  });
});

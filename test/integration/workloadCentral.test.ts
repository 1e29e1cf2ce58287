// Bulk assignment and assignment rules with a central server (real PostgreSQL): a supervisor's ten assignments
// ship as ten `case.assign` entries, each applied under their login and written to the audit trail; they reach a
// case handler's desk by the pull. A case handler takes a free case for themself (assign_self); a forged
// assignment of someone else's case from a case handler's desk is refused by PostgreSQL (42501) and listed as
// refused. A supervisor's assignment rule reaches the central table, stamped with their login, and another desk.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { centralApplierFor } from '../../core/sync/centralAppliers';
import type { AssignManyResult, AssignmentRulesView, RefusedChange, WorkloadCases, WorkloadView } from '../../shared/contract';
import { ok } from '../support/apiResult';
import { useCentralDatabase } from '../support/centralDatabase';
import { eventually, type Client } from '../support/syncClients';

const CASES = 300;
let admin: pg.Client;
let sara: Client;
let anne: Client;

const central = useCentralDatabase('workload_central', {
  seedCases: CASES,
  async setup() {
    admin = central.admin;
    // The demo hands most open cases out; free twenty more so that there is work to assign.
    await admin.query(
      "UPDATE cases SET assignee_id = NULL WHERE id IN (SELECT id FROM cases WHERE status NOT IN ('closed', 'rejected') AND assignee_id IS NOT NULL ORDER BY id LIMIT 20)",
    );
    sara = await person('sara', 'supervisor');
    anne = await person('anne', 'case_handler');
    // Anne's login was made after Sara's desk started: Sara assigns to her only once her desk knows her.
    await eventually(() => Boolean(sara.core.database.sqlite.prepare('SELECT 1 FROM users WHERE id = ?').get(anne.login)), 15_000,
      'anne to reach the supervisor’s desk');
  },
});

async function person(name: string, group: 'case_handler' | 'supervisor'): Promise<Client> {
  const client = await central.startClient(name, group);
  await eventually(() => client.core.context.currentUser().role === group, 15_000, `${name}'s role to arrive`);
  const cached = () => (client.core.database.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  await eventually(() => cached() === CASES, 30_000, `${name}'s first download`);
  return client;
}

const call = async <T>(client: Client, name: string, input: unknown): Promise<T> => ok<T>(await client.core.dispatch(name, input));
const centralAssignees = async (caseIds: number[]) =>
  (await admin.query<{ assignee_id: string | null }>('SELECT assignee_id FROM cases WHERE id = ANY($1) ORDER BY id', [caseIds])).rows.map(
    (row) => row.assignee_id,
  );
const held = async (client: Client, userId: string) =>
  (await call<WorkloadView>(client, 'workload.get', {})).handlers.find((handler) => handler.id === userId)?.held ?? 0;

describe('case.assignMany against PostgreSQL', () => {
  it('a supervisor assigns ten cases: ten audit rows under their login, and the handler’s desk counts ten more', async () => {
    const { rows } = await call<WorkloadCases>(sara, 'workload.cases', { assigneeId: null });
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const caseIds = rows.slice(0, 10).map((row) => row.id).sort((a, b) => a - b);
    expect(caseIds).toHaveLength(10);
    const before = await held(anne, anne.login);

    const result = await call<AssignManyResult>(sara, 'case.assignMany', { caseIds, assigneeId: anne.login });
    expect(result).toMatchObject({ assigned: 10, refused: 0 });

    await expect.poll(() => centralAssignees(caseIds), { timeout: 15_000 }).toEqual(caseIds.map(() => anne.login));
    const events = await admin.query<{ case_id: string; actor_id: string; data: unknown }>(
      "SELECT case_id, actor_id, data FROM case_events WHERE case_id = ANY($1) AND kind = 'assigned' AND actor_id = $2 ORDER BY case_id",
      [caseIds, sara.login],
    );
    expect(events.rows.map((row) => ({ caseId: Number(row.case_id), actor: row.actor_id, data: row.data }))).toEqual(
      caseIds.map((caseId) => ({ caseId, actor: sara.login, data: { from: null, to: anne.login } })),
    );
    const applied = await admin.query("SELECT count(*)::int AS n FROM applied_mutations WHERE client_id = $1 AND outcome = 'applied'", [
      sara.core.database.clientId,
    ]);
    expect(applied.rows[0].n).toBeGreaterThanOrEqual(10);

    await expect.poll(() => held(anne, anne.login), { timeout: 15_000 }).toBe(before + 10);
  });

  it('a case handler takes a free case for themself: PostgreSQL applies it through assign_self', async () => {
    const { rows } = await call<WorkloadCases>(anne, 'workload.cases', { assigneeId: null });
    const caseId = rows[0].id;
    const result = await call<AssignManyResult>(anne, 'case.assignMany', { caseIds: [caseId], assigneeId: anne.login });
    expect(result.results).toEqual([{ caseId, outcome: 'assigned' }]);
    await expect.poll(() => centralAssignees([caseId]), { timeout: 15_000 }).toEqual([anne.login]);
    const { rows: events } = await admin.query(
      "SELECT actor_id FROM case_events WHERE case_id = $1 AND kind = 'assigned' AND at > now() - interval '5 minutes' AND actor_id <> current_user",
      [caseId],
    );
    expect(events).toEqual([{ actor_id: anne.login }]);
  });

  it('a case handler’s forged assignment of a free case to someone else is refused by PostgreSQL (42501)', async () => {
    const { rows } = await call<WorkloadCases>(anne, 'workload.cases', { assigneeId: null });
    const caseId = rows[0].id;
    const args = { caseId, assigneeId: sara.login };

    // The applier itself, as the case handler's login.
    const direct = new pg.Client({ connectionString: central.db.urlFor(anne.login) });
    await direct.connect();
    try {
      await direct.query('BEGIN');
      const entry = { seq: 1, mutation: 'case.assign', args, precondition: { assigneeId: null }, caseId, createdAt: new Date().toISOString() };
      await expect(centralApplierFor('case.assign')!(direct, entry)).rejects.toMatchObject({ code: '42501' });
      await direct.query('ROLLBACK');
    } finally {
      await direct.end();
    }

    // The same as an outbox entry of the case handler's desk, pushed by the sync engine.
    const { sqlite, clientId } = anne.core.database;
    const seq = Number(
      sqlite
        .prepare(
          `INSERT INTO outbox (client_id, mutation, args, actor_id, created_at, state, case_id, precondition)
           VALUES (?, 'case.assign', ?, ?, ?, 'pending', ?, ?)`,
        )
        .run(clientId, JSON.stringify(args), anne.login, new Date().toISOString(), caseId, JSON.stringify({ assigneeId: null }))
        .lastInsertRowid,
    );
    anne.core.central!.engine.nudge();
    await expect
      .poll(() => sqlite.prepare('SELECT state, rejection FROM outbox WHERE seq = ?').get(seq), { timeout: 15_000 })
      .toEqual({ state: 'rejected', rejection: 'notPermitted' });
    expect(await centralAssignees([caseId])).toEqual([null]);
    const refused = ok<RefusedChange[]>(await anne.core.dispatch('outbox.refused', {}));
    expect(refused.find((change) => change.seq === seq)).toMatchObject({ mutation: 'case.assign', reason: 'notPermitted' });
  });
});

describe('assignment rules against PostgreSQL', () => {
  it('a supervisor’s rule reaches the central table under their login and suggests the handler at another desk', async () => {
    const { rows } = await call<WorkloadCases>(anne, 'workload.cases', { assigneeId: null });
    const municipality = rows[0].municipalityNumber;
    const saved = await call<AssignmentRulesView>(sara, 'assignmentRules.save', {
      criterion: 'municipality',
      value: municipality,
      assigneeId: anne.login,
    });
    expect(saved.rules).toMatchObject([{ criterion: 'municipality', value: municipality, assigneeId: anne.login }]);

    await expect
      .poll(async () => (await admin.query('SELECT assignee_id, updated_by FROM assignment_rules')).rows, { timeout: 15_000 })
      .toEqual([{ assignee_id: anne.login, updated_by: sara.login }]);
    await expect.poll(async () => (await call<AssignmentRulesView>(sara, 'assignmentRules.get', {})).pending, { timeout: 15_000 }).toBe(false);
    await expect
      .poll(async () => (await call<WorkloadCases>(anne, 'workload.cases', { assigneeId: null })).rows[0].suggestedAssigneeId, {
        timeout: 15_000,
      })
      .toBe(anne.login);
  });
});

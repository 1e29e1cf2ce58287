// The workload view and bulk assignment in standalone mode, against a real seeded SQLite file through the contract:
// the SQL counts equal the pure rule's over the same rows; assignMany runs one `case.assign` per case (an event and
// an outbox entry each), reports per case, and a case that may not be assigned is refused alone; assignment rules
// are a supervisor's, audited, and suggest a handler per row.
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  AssignManyResult,
  AssignmentRulesView,
  WorkloadCases,
  WorkloadView,
} from '../../shared/contract';
import { countWorkload, type CaseStatus } from '../../shared/rules';
import { WORKLOAD_SQL } from '../../core/workload/workloadService';
import { ok } from '../support/apiResult';
import { HARNESS_NOW, startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

const SUPERVISOR = 'marit.rosseland';
const TODAY = HARNESS_NOW.slice(0, 10);

let harness: InProcessHarness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

function start(userId?: string, cases = 300): InProcessHarness {
  harness = startInProcessHarness({ cases, userId });
  return harness;
}

const call = async <T>(h: InProcessHarness, name: string, input: unknown): Promise<T> => ok<T>(await h.core.dispatch(name, input));
const errorOf = (result: ApiResult<unknown>) => (result.ok ? null : result.error);
const count = (h: InProcessHarness, sql: string, ...params: unknown[]) =>
  (h.core.database.sqlite.prepare(sql).get(...params) as { n: number }).n;

describe('workload.get', () => {
  it('counts in SQL exactly what the pure rule counts over the same cases', async () => {
    const h = start(SUPERVISOR, 2_000);
    // One held case due today, so that "due this week" has something to count whichever way the demo's draws fell.
    h.core.database.sqlite.prepare(
      "UPDATE cases SET due_date = ? WHERE id = (SELECT id FROM cases WHERE status = 'in_review' AND assignee_id IS NOT NULL ORDER BY id LIMIT 1)",
    ).run(TODAY);
    h.core.context.casesChanged('all');
    const view = await call<WorkloadView>(h, 'workload.get', {});
    const rows = h.core.database.sqlite.prepare('SELECT assignee_id, status, due_date FROM cases').all() as {
      assignee_id: string | null;
      status: CaseStatus;
      due_date: string | null;
    }[];
    const expected = countWorkload(rows.map((row) => ({ assigneeId: row.assignee_id, status: row.status, dueDate: row.due_date })), TODAY);
    for (const handler of view.handlers) {
      expect({ id: handler.id, held: handler.held, dueThisWeek: handler.dueThisWeek, overdue: handler.overdue }).toEqual({
        id: handler.id,
        ...(expected.get(handler.id) ?? { held: 0, dueThisWeek: 0, overdue: 0 }),
      });
    }
    expect(view.unassigned).toEqual(expected.get(null));
    // The demo gives every kind of figure something to count, so the comparison above is not of zeros.
    const sum = (key: 'held' | 'dueThisWeek' | 'overdue') => view.handlers.reduce((total, handler) => total + handler[key], 0);
    expect(sum('held')).toBeGreaterThan(100);
    expect(sum('dueThisWeek')).toBeGreaterThan(0);
    expect(sum('overdue')).toBeGreaterThan(0);
    expect(view.unassigned.held).toBeGreaterThan(0);
    expect(view.canAssign).toBe(true);
    expect(view.lastWorkingDayOfWeek).toBe('2026-11-27');
    // Everyone who holds open cases is listed, also someone who has left; readers are not.
    const ids = view.handlers.map((handler) => handler.id);
    expect(ids).toContain('kari.nordmann');
    expect(ids).toContain(SUPERVISOR);
    expect(ids).not.toContain('liv.berge');
  });

  it('reads every figure and list through the partial index of open cases (no scan, no sort of all cases)', () => {
    const h = start(SUPERVISOR, 2_000);
    const { sqlite } = h.core.database;
    for (const [name, sql] of Object.entries(WORKLOAD_SQL)) {
      const params = sql.includes('@today') ? [{ today: TODAY, before: '2026-11-28' }] : sql.includes('?') ? ['per.tonnessen'] : [];
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
      const onCases = plan.filter((detail) => / cases | c /.test(`${detail} `) && !detail.includes('USING INTEGER PRIMARY KEY'));
      expect(onCases.length, name).toBeGreaterThan(0);
      for (const detail of onCases) expect(detail, `${name}: ${plan.join(' | ')}`).toContain('cases_open_assignee_due');
      expect(plan.join(' | '), name).not.toMatch(/SCAN (cases|c)\b/);
    }
  });

  it('tells a case handler that they do not assign', async () => {
    const h = start(undefined, 20);
    expect((await call<WorkloadView>(h, 'workload.get', {})).canAssign).toBe(false);
  });
});

describe('workload.cases', () => {
  it('lists the unassigned open cases, oldest due first, and a handler’s own', async () => {
    const h = start(SUPERVISOR, 2_000);
    const unassigned = await call<WorkloadCases>(h, 'workload.cases', { assigneeId: null });
    expect(unassigned.total).toBe(
      count(h, "SELECT count(*) AS n FROM cases WHERE assignee_id IS NULL AND status NOT IN ('closed', 'rejected')"),
    );
    expect(unassigned.rows.length).toBe(Math.min(500, unassigned.total));
    expect(unassigned.rows.every((row) => row.assigneeId === null && row.status !== 'closed' && row.status !== 'rejected')).toBe(true);
    const dues = unassigned.rows.map((row) => row.dueDate ?? '9999');
    expect(dues).toEqual([...dues].sort());

    const own = await call<WorkloadCases>(h, 'workload.cases', { assigneeId: 'per.tonnessen' });
    expect(own.total).toBeGreaterThan(0);
    expect(own.rows.every((row) => row.assigneeId === 'per.tonnessen')).toBe(true);
  });

  it('refuses input that is not a user id or null', async () => {
    const h = start(SUPERVISOR, 20);
    expect(errorOf(await h.core.dispatch('workload.cases', { assigneeId: 5 }))).toMatchObject({ code: 'input.invalid' });
  });
});

describe('case.assignMany', () => {
  it('a supervisor assigns ten cases: ten events and ten outbox entries, one per case, and the counts go up by ten', async () => {
    const h = start(SUPERVISOR, 2_000);
    const before = (await call<WorkloadView>(h, 'workload.get', {})).handlers.find((x) => x.id === 'silje.omdal')!;
    const { rows } = await call<WorkloadCases>(h, 'workload.cases', { assigneeId: null });
    const caseIds = rows.slice(0, 10).map((row) => row.id);
    const eventsBefore = count(h, "SELECT count(*) AS n FROM case_events WHERE kind = 'assigned'");

    const result = await call<AssignManyResult>(h, 'case.assignMany', { caseIds, assigneeId: 'silje.omdal' });

    expect(result).toEqual({
      results: caseIds.map((caseId) => ({ caseId, outcome: 'assigned' })),
      assigned: 10,
      unchanged: 0,
      refused: 0,
    });
    const after = (await call<WorkloadView>(h, 'workload.get', {})).handlers.find((x) => x.id === 'silje.omdal')!;
    expect(after.held).toBe(before.held + 10);
    expect(count(h, "SELECT count(*) AS n FROM case_events WHERE kind = 'assigned'")).toBe(eventsBefore + 10);
    const outbox = h.core.database.sqlite
      .prepare("SELECT case_id, args, actor_id FROM outbox WHERE mutation = 'case.assign' ORDER BY seq")
      .all() as { case_id: number; args: string; actor_id: string }[];
    expect(outbox.map((entry) => entry.case_id)).toEqual(caseIds);
    expect(outbox.every((entry) => entry.actor_id === SUPERVISOR)).toBe(true);
    expect(JSON.parse(outbox[0].args)).toEqual({ caseId: caseIds[0], assigneeId: 'silje.omdal' });
    const event = h.core.database.sqlite
      .prepare("SELECT actor_id, data FROM case_events WHERE case_id = ? AND kind = 'assigned' ORDER BY id DESC LIMIT 1")
      .get(caseIds[3]) as { actor_id: string; data: string };
    expect({ actor: event.actor_id, data: JSON.parse(event.data) }).toEqual({ actor: SUPERVISOR, data: { from: null, to: 'silje.omdal' } });

    // Again: nothing changes, nothing is recorded.
    const again = await call<AssignManyResult>(h, 'case.assignMany', { caseIds, assigneeId: 'silje.omdal' });
    expect(again).toMatchObject({ assigned: 0, unchanged: 10, refused: 0 });
    expect(count(h, "SELECT count(*) AS n FROM outbox WHERE mutation = 'case.assign'")).toBe(10);
  });

  it('reassigns from one handler to another', async () => {
    const h = start(SUPERVISOR, 500);
    const own = await call<WorkloadCases>(h, 'workload.cases', { assigneeId: 'per.tonnessen' });
    const caseIds = own.rows.slice(0, 3).map((row) => row.id);
    const result = await call<AssignManyResult>(h, 'case.assignMany', { caseIds, assigneeId: 'ingrid.salvesen' });
    expect(result.assigned).toBe(3);
    expect(count(h, `SELECT count(*) AS n FROM cases WHERE assignee_id = 'ingrid.salvesen' AND id IN (${caseIds.join(',')})`)).toBe(3);
  });

  it('a case handler takes free cases for themself, but another’s case is refused alone and nothing of it is written', async () => {
    const h = start(undefined, 500); // kari.nordmann, a case handler
    const free = (await call<WorkloadCases>(h, 'workload.cases', { assigneeId: null })).rows.slice(0, 2).map((row) => row.id);
    const others = (await call<WorkloadCases>(h, 'workload.cases', { assigneeId: 'per.tonnessen' })).rows[0].id;
    const outboxBefore = count(h, 'SELECT count(*) AS n FROM outbox');

    const result = await call<AssignManyResult>(h, 'case.assignMany', { caseIds: [free[0], others, free[1]], assigneeId: 'kari.nordmann' });

    expect(result.results).toEqual([
      { caseId: free[0], outcome: 'assigned' },
      { caseId: others, outcome: 'refused', reason: 'permission.denied' },
      { caseId: free[1], outcome: 'assigned' },
    ]);
    expect(count(h, 'SELECT count(*) AS n FROM outbox')).toBe(outboxBefore + 2);
    expect(count(h, "SELECT count(*) AS n FROM cases WHERE id = ? AND assignee_id = 'per.tonnessen'", others)).toBe(1);
    // Giving free cases to someone else is a supervisor's work.
    const toOther = await call<AssignManyResult>(h, 'case.assignMany', {
      caseIds: [(await call<WorkloadCases>(h, 'workload.cases', { assigneeId: null })).rows[0].id],
      assigneeId: 'per.tonnessen',
    });
    expect(toOther.results[0]).toMatchObject({ outcome: 'refused', reason: 'permission.denied' });
  });

  it('refuses a missing case alone, an unknown handler as a whole, and bad input before anything is written', async () => {
    const h = start(SUPERVISOR, 500);
    const free = (await call<WorkloadCases>(h, 'workload.cases', { assigneeId: null })).rows[0].id;
    const result = await call<AssignManyResult>(h, 'case.assignMany', { caseIds: [999_999, free], assigneeId: 'per.tonnessen' });
    expect(result.results).toEqual([
      { caseId: 999_999, outcome: 'refused', reason: 'case.notFound' },
      { caseId: free, outcome: 'assigned' },
    ]);
    const outbox = count(h, 'SELECT count(*) AS n FROM outbox');
    expect(errorOf(await h.core.dispatch('case.assignMany', { caseIds: [free], assigneeId: 'nobody' }))).toMatchObject({
      code: 'user.notFound',
    });
    expect(errorOf(await h.core.dispatch('case.assignMany', { caseIds: [free], assigneeId: 'liv.berge' }))).toMatchObject({
      code: 'user.notFound',
    });
    for (const input of [
      { caseIds: [], assigneeId: 'per.tonnessen' },
      { caseIds: Array.from({ length: 501 }, (_, i) => i + 1), assigneeId: 'per.tonnessen' },
      { caseIds: [free, free], assigneeId: 'per.tonnessen' },
      { caseIds: [free], assigneeId: null },
      { caseIds: ['1'], assigneeId: 'per.tonnessen' },
    ]) {
      expect(errorOf(await h.core.dispatch('case.assignMany', input))).toMatchObject({ code: 'input.invalid' });
    }
    expect(count(h, 'SELECT count(*) AS n FROM outbox')).toBe(outbox);
  });
});

describe('assignment rules', () => {
  it('a supervisor sets and clears rules; each is audited; the rows show their suggestion', async () => {
    const h = start(SUPERVISOR, 500);
    const { rows } = await call<WorkloadCases>(h, 'workload.cases', { assigneeId: null });
    const target = rows[0];
    expect(target.suggestedAssigneeId).toBeNull();

    const view = await call<AssignmentRulesView>(h, 'assignmentRules.save', {
      criterion: 'municipality',
      value: target.municipalityNumber,
      assigneeId: 'jonas.egeland',
    });
    expect(view).toEqual({
      rules: [{ criterion: 'municipality', value: target.municipalityNumber, assigneeId: 'jonas.egeland', assigneeName: 'Jonas Egeland' }],
      canEdit: true,
      pending: false,
    });
    const after = await call<WorkloadCases>(h, 'workload.cases', { assigneeId: null });
    for (const row of after.rows) {
      expect(row.suggestedAssigneeId).toBe(row.municipalityNumber === target.municipalityNumber ? 'jonas.egeland' : null);
    }
    expect(count(h, "SELECT count(*) AS n FROM outbox WHERE mutation = 'assignmentRule.set' AND case_id IS NULL")).toBe(1);

    const cleared = await call<AssignmentRulesView>(h, 'assignmentRules.save', {
      criterion: 'municipality',
      value: target.municipalityNumber,
      assigneeId: null,
    });
    expect(cleared.rules).toEqual([]);
    expect(count(h, "SELECT count(*) AS n FROM outbox WHERE mutation = 'assignmentRule.set'")).toBe(2);
  });

  it('are refused to a case handler, and a value that does not fit its criterion is refused as input', async () => {
    const h = start(undefined, 20);
    expect(errorOf(await h.core.dispatch('assignmentRules.save', { criterion: 'request_type', value: 'fuse_change', assigneeId: 'kari.nordmann' })))
      .toMatchObject({ code: 'permission.denied' });
    for (const input of [
      { criterion: 'municipality', value: 'fuse_change', assigneeId: 'kari.nordmann' },
      { criterion: 'request_type', value: '4204', assigneeId: 'kari.nordmann' },
      { criterion: 'area', value: '4204', assigneeId: 'kari.nordmann' },
    ]) {
      expect(errorOf(await h.core.dispatch('assignmentRules.save', input))).toMatchObject({ code: 'input.invalid' });
    }
    expect(count(h, "SELECT count(*) AS n FROM outbox WHERE mutation = 'assignmentRule.set'")).toBe(0);
    expect((await call<AssignmentRulesView>(h, 'assignmentRules.get', {})).canEdit).toBe(false);
  });
});

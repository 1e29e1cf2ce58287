// After every pull, idle ones included, the desk looks for its own (optimistic) rows whose outbox entries the service
// has settled, and takes them away (core/sync/rebase.ts): the central rows stand in their place by then. The look
// runs every few seconds on a cache of a million cases, so it must read only such rows — a handful, each table's
// partial index on pending_seq — and the outbox by its key, never a whole table. Planned here on the demo database,
// with an entry whose change added a history event, a message and a work order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSettledOptimisticRows } from '../../../core/sync/rebase';
import { startHarnessCore, type HarnessCore } from '../../../harness/harnessCore';
import { planning } from '../../support/queryPlans';

let harness: HarnessCore;
beforeAll(() => {
  harness = startHarnessCore({ cases: 1_000 });
});
afterAll(() => harness.dispose());

describe("the desk's own rows of settled changes", () => {
  it('are found by their indexes and the outbox key alone, and taken away with the cases and tables they were in', () => {
    const sqlite = harness.core.database.sqlite;
    const { id: caseId } = sqlite.prepare("SELECT id FROM cases WHERE status = 'completion_reported' ORDER BY id LIMIT 1").get() as { id: number };
    const { id: supplierId } = sqlite.prepare('SELECT id FROM area_suppliers ORDER BY id LIMIT 1').get() as { id: number };
    const orderId = 'wo-own';
    const seq = Number(sqlite.prepare(
      `INSERT INTO outbox (client_id, mutation, args, case_id, actor_id, created_at, state)
       VALUES ('desk-a', 'case.orderWork', '{}', ?, 'bjorn.vik', '2026-12-01T10:00:00.000Z', 'applied')`,
    ).run(caseId).lastInsertRowid);
    sqlite.prepare(`INSERT INTO case_events (id, case_id, at, actor_id, kind, data, pending_seq)
                    VALUES (-1, ?, '2026-12-01T10:00:00.000Z', 'bjorn.vik', 'work_ordered', '{}', ?)`).run(caseId, seq);
    sqlite.prepare(`INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date, ordered_at, ordered_by, pending_seq)
                    VALUES (?, ?, ?, 'direct_meter_mounting', 10, '2026-12-15', '2026-12-01T10:00:00.000Z', 'bjorn.vik', ?)`).run(orderId, caseId, supplierId, seq);
    sqlite.prepare(`INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, created_at, created_by, pending_seq)
                    VALUES ('m-own', ?, 'work_order', 'leverandor', 'Bestilling', 'Arbeid bestilt.', '2026-12-01T10:00:00.000Z', 'bjorn.vik', ?)`).run(caseId, seq);
    const { database, plans } = planning(sqlite);

    const dropped = dropSettledOptimisticRows(database);

    expect(dropped).toEqual({ caseIds: [caseId], tables: ['case_events', 'outgoing_messages', 'work_orders'] });
    expect(sqlite.prepare('SELECT count(*) AS n FROM work_orders WHERE id = ?').get(orderId)).toEqual({ n: 0 });
    expect(plans.length).toBeGreaterThan(7);
    // Every scan is of a partial index of optimistic rows, or of json_each (the list of settled entries given).
    const scans = plans.flatMap((plan) => plan.split(' | ')).filter((step) => step.startsWith('SCAN '));
    expect(scans.length).toBeGreaterThan(6);
    for (const scan of scans) expect(scan).toMatch(/^SCAN (json_each\b|\w+ USING (COVERING )?INDEX \w+_pending\b)/);
    expect(plans.join(' || ')).toMatch(/outgoing_messages_pending.*work_orders_pending/);
  });
});

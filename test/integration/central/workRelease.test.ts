// Work orders follow the case, against the central service and PostgreSQL: an order the desk's own check would
// refuse, put straight into a supervisor's outbox (as a tampered desk or a raw client would), is refused by the
// service while the case has not released the work, and so is one whose due date is not counted from the release;
// once paid, the desk's order arrives with the due date counted from the day of payment.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OrderWorkResult, WorkOrderPanel } from '../../../shared/contract';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';

describe('work released by the case, centrally', () => {
  let supervisor: Client;
  let caseId: number;

  const central = useCentralDatabase('work_release', {
    seedCases: 30,
    admin: 'desk',
    async setup() {
      const admin = central.admin;
      caseId = Number((await admin.query('SELECT id FROM cases WHERE claimed_by IS NULL ORDER BY id LIMIT 1')).rows[0].id);
      await admin.query(
        `UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = false, municipality_number = '4204',
           status = 'approved', work_routing = '{}' WHERE id = $1`, [caseId]);
      const installerId = (await admin.query('SELECT installer_id FROM cases WHERE id = $1', [caseId])).rows[0].installer_id;
      await admin.query('DELETE FROM prequalifications WHERE installer_id = $1', [installerId]);
      await admin.query(
        `INSERT INTO dsb_register (organisation_number, name, status, as_of)
         SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = $1
         ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`, [installerId]);
      supervisor = await central.startClient('sara', 'supervisor');
      await supervisor.core.central!.engine.whenIdle();
    },
  });

  const asAdmin = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await central.admin.query(sql, params)).rows as T[];

  /** An order straight into the outbox, past the desk's own checks. */
  async function forgedOrder(dueDate: string): Promise<{ state: string; rejection: string | null }> {
    const sqlite = supervisor.core.database.sqlite;
    const args = {
      orderId: randomUUID(), caseId, workKind: 'service_cable_connection', supplierId: 1, agreementDays: 10,
      orderedOn: '2026-11-27', dueDate, messageId: randomUUID(), recipient: 'ordre@kkm.no',
      subject: 'Arbeidsordre', body: 'Arbeidsordre', pdfSha256: 'a'.repeat(64), pdfSizeBytes: 1,
    };
    const { lastInsertRowid } = sqlite.prepare(`INSERT INTO outbox (client_id, mutation, args, case_id, actor_id, created_at, state, precondition)
                    VALUES (?, 'case.orderWork', ?, ?, ?, ?, 'pending', '{}')`)
      .run(supervisor.core.context.clientId, JSON.stringify(args), caseId, supervisor.login, new Date().toISOString());
    supervisor.core.central!.engine.nudge();
    await supervisor.core.central!.engine.whenIdle();
    const row = sqlite.prepare('SELECT state, rejection FROM outbox WHERE seq = ?').get(lastInsertRowid) as { state: string; rejection: string | null };
    ok(await supervisor.core.dispatch('outbox.dismiss', { seq: Number(lastInsertRowid) }));
    return row;
  }

  it('refuses an order while the offer is not even sent: the desk, and the service for a forged outbox entry', async () => {
    const refused = await supervisor.core.dispatch('case.orderWork', { caseId, workKind: 'service_cable_connection' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'workOrder.notReleased', params: { awaits: 'offerSent' } } });
    expect(await forgedOrder('2026-12-11')).toEqual({ state: 'rejected', rejection: 'invalid' });
    expect(await asAdmin('SELECT id FROM work_orders WHERE case_id = $1', [caseId])).toEqual([]);
    expect(await asAdmin("SELECT id FROM outgoing_messages WHERE case_id = $1 AND kind = 'work_order'", [caseId])).toEqual([]);
  });

  it('once paid, refuses a due date not counted from the payment, and takes the desk order counted from it', async () => {
    // The billing system's file reported the payment on Tuesday 24 November.
    await central.admin.query(
      `INSERT INTO billing_events (id, case_id, kind, amount_ore, occurred_on, source, outcome)
       VALUES ($1, $2, 'payment', 1234550, '2026-11-24', 'billing_file', 'applied')`, [randomUUID(), caseId]);
    await central.admin.query("UPDATE cases SET status = 'paid' WHERE id = $1", [caseId]);
    await eventually(() => supervisor.core.database.sqlite.prepare("SELECT 1 FROM cases WHERE id = ? AND status = 'paid'").get(caseId), 5_000, 'paid pulled');

    expect(await forgedOrder('2026-12-24')).toEqual({ state: 'rejected', rejection: 'invalid' });
    expect(await asAdmin('SELECT id FROM work_orders WHERE case_id = $1', [caseId])).toEqual([]);

    const panel = ok<WorkOrderPanel>(await supervisor.core.dispatch('case.workOrders', { caseId }));
    // Tuesday 24 November + 10 working days.
    expect(panel.proposals[0]).toMatchObject({ workKind: 'service_cable_connection', state: 'proposed', releasedBy: 'payment',
      releasedOn: '2026-11-24', dueDate: '2026-12-08' });
    expect(panel.proposals[1]).toMatchObject({ workKind: 'direct_meter_mounting', state: 'notReleased', awaits: 'completionNotice' });
    const placed = ok<OrderWorkResult>(await supervisor.core.dispatch('case.orderWork', { caseId, workKind: 'service_cable_connection' }));
    await supervisor.core.central!.engine.whenIdle();
    expect(supervisor.core.database.sqlite.prepare("SELECT state FROM outbox WHERE mutation = 'case.orderWork' AND state IN ('pending', 'rejected')").all()).toEqual([]);
    expect(await asAdmin('SELECT due_date::text AS due_date FROM work_orders WHERE id = $1', [placed.orderId])).toEqual([{ due_date: '2026-12-08' }]);
  });
});

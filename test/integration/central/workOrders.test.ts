// Work orders and the area supplier register against the central PostgreSQL: a case handler's login cannot order
// or change the register (PostgreSQL refuses it, whatever the desk does), a supervisor's can; the supplier's answers
// are recorded step by step (the guard refuses any other change), the audit trigger writes the history the desk
// wrote, and done work moves the case to meter_mounted — without anyone holding a claim on it.
import { describe, expect, it } from 'vitest';
import type { AreaSupplierRegister, OrderWorkResult, WorkOrderPanel } from '../../../shared/contract';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';
import { refusal } from './fixtures';

describe('work orders on the central database', () => {
  let handler: Client;
  let supervisor: Client;
  let caseId: number;

  const central = useCentralDatabase('work_orders', {
    seedCases: 30,
    admin: 'desk',
    async setup() {
      const admin = central.admin;
      caseId = Number((await admin.query('SELECT id FROM cases WHERE claimed_by IS NULL ORDER BY id LIMIT 1')).rows[0].id);
      await admin.query(
        `UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = false, municipality_number = '4204',
           status = 'completion_reported', work_routing = '{}', grid_customer_name = 'Kari Nordmann' WHERE id = $1`, [caseId]);
      const installerId = (await admin.query('SELECT installer_id FROM cases WHERE id = $1', [caseId])).rows[0].installer_id;
      await admin.query('DELETE FROM prequalifications WHERE installer_id = $1', [installerId]);
      await admin.query(
        `INSERT INTO dsb_register (organisation_number, name, status, as_of)
         SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = $1
         ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`, [installerId]);
      handler = await central.startClient('hanne', 'case_handler');
      supervisor = await central.startClient('sara', 'supervisor');
      await Promise.all([handler.core.central!.engine.whenIdle(), supervisor.core.central!.engine.whenIdle()]);
    },
  });

  const asAdmin = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const admin = await central.connect(central.db.adminUrl);
    return (await admin.query(sql, params)).rows as T[];
  };

  it("PostgreSQL refuses a case handler's order and register change", async () => {
    const as = await central.connect(central.db.urlFor(handler.login));
    const order = await refusal(as.query(
      `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date)
       VALUES (gen_random_uuid(), $1, 1, 'direct_meter_mounting', 5, '2026-12-04')`, [caseId]));
    expect(order.code).toBe('42501');
    const register = await refusal(as.query("UPDATE area_suppliers SET agreement_work = '{}' WHERE id = 1"));
    expect(register.code).toBe('42501');
    const municipality = await refusal(as.query("INSERT INTO area_supplier_municipalities (supplier_id, municipality_number) VALUES (1, '4222')"));
    expect(municipality.code).toBe('42501');
    // The desk refuses before anything is written.
    const result = await handler.core.dispatch('case.orderWork', { caseId, workKind: 'direct_meter_mounting' });
    expect(result).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
  });

  it("a case handler's forged outbox entry is refused by PostgreSQL, not applied", async () => {
    // As if a desk had been tampered with: the order goes straight into the outbox, past the core's own check.
    const sqlite = handler.core.database.sqlite;
    const args = {
      orderId: '00000000-0000-4000-8000-000000000001', caseId, workKind: 'direct_meter_mounting', supplierId: 1, agreementDays: 5,
      orderedOn: '2026-11-27', dueDate: '2026-12-04', messageId: '00000000-0000-4000-8000-000000000002', recipient: 'x',
      subject: 'Arbeidsordre', body: 'Arbeidsordre', pdfSha256: 'a'.repeat(64), pdfSizeBytes: 1,
    };
    sqlite.prepare(`INSERT INTO outbox (client_id, mutation, args, case_id, actor_id, created_at, state, precondition)
                    VALUES (?, 'case.orderWork', ?, ?, ?, ?, 'pending', '{}')`)
      .run(handler.core.context.clientId, JSON.stringify(args), caseId, handler.login, new Date().toISOString());
    handler.core.central!.engine.nudge();
    await handler.core.central!.engine.whenIdle();
    expect(sqlite.prepare("SELECT state, rejection FROM outbox WHERE mutation = 'case.orderWork'").get())
      .toEqual({ state: 'rejected', rejection: 'notPermitted' });
    expect(await asAdmin('SELECT id FROM work_orders WHERE case_id = $1', [caseId])).toEqual([]);
    ok(await handler.core.dispatch('outbox.dismiss', { seq: (sqlite.prepare("SELECT seq FROM outbox WHERE mutation = 'case.orderWork'").get() as { seq: number }).seq }));
  });

  it("PostgreSQL refuses an order for work the supplier's agreement does not cover", async () => {
    const as = await central.connect(central.db.urlFor(supervisor.login));
    // Supplier 2 (Midt-Agder) does not cover Kristiansand.
    const wrong = await refusal(as.query(
      `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date)
       VALUES (gen_random_uuid(), $1, 2, 'direct_meter_mounting', 5, '2099-12-04')`, [caseId]));
    expect(wrong.code).toBe('23514');
    // Nor facts out of range, whatever a desk sends (the same limits as the contract's).
    const fuse = await refusal(as.query(
      `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date, short_circuit_fuse_a)
       VALUES (gen_random_uuid(), $1, 1, 'direct_meter_mounting', 5, '2099-12-04', 0)`, [caseId]));
    expect(fuse).toMatchObject({ code: '23514', message: expect.stringContaining('work_orders_short_circuit_fuse') });
  });

  it('a supervisor orders: the order, the message and the history arrive centrally as the person', async () => {
    const technical = { cableType: 'TFXP 4x50 Al', cableCrossSectionMm2: 50, frameworkItem: 'Post 3.1 Montering av måler' };
    const placed = ok<OrderWorkResult>(await supervisor.core.dispatch('case.orderWork', { caseId, workKind: 'direct_meter_mounting', technical }));
    const optimistic = supervisor.core.database.sqlite
      // Optimistic events take falling negative ids: newest last in descending order.
      .prepare("SELECT kind, data FROM case_events WHERE case_id = ? AND kind IN ('work_ordered', 'message_queued') ORDER BY id DESC")
      .all(caseId) as Array<{ kind: string; data: string }>;
    await supervisor.core.central!.engine.whenIdle();
    const [order] = await asAdmin<Record<string, unknown>>('SELECT status, ordered_by, supplier_id, due_date::text AS due_date FROM work_orders WHERE id = $1', [placed.orderId]);
    expect(order).toEqual({ status: 'ordered', ordered_by: supervisor.login, supplier_id: '1', due_date: placed.dueDate });
    // What the fitter needs (0035) arrives with the order; what was not given stays empty.
    expect(await asAdmin('SELECT cabinet_id, cable_type, cable_cross_section_mm2, short_circuit_fuse_a, framework_item FROM work_orders WHERE id = $1',
      [placed.orderId])).toEqual([{ cabinet_id: null, cable_type: 'TFXP 4x50 Al', cable_cross_section_mm2: 50, short_circuit_fuse_a: null,
      framework_item: 'Post 3.1 Montering av måler' }]);
    const messages = await asAdmin<{ kind: string; created_by: string }>('SELECT kind, created_by FROM outgoing_messages WHERE case_id = $1', [caseId]);
    expect(messages).toEqual([{ kind: 'work_order', created_by: supervisor.login }]);
    const events = await asAdmin<{ kind: string; actor_id: string; data: unknown }>(
      "SELECT kind, actor_id, data FROM case_events WHERE case_id = $1 AND kind IN ('work_ordered', 'message_queued') ORDER BY id", [caseId]);
    expect(events.map((e) => ({ kind: e.kind, actor: e.actor_id, data: e.data }))).toEqual(
      optimistic.map((e) => ({ kind: e.kind, actor: supervisor.login, data: JSON.parse(e.data) })));
    // The letter reached the server with the case (the one way in: store_work_order_letter).
    const letters = await asAdmin<{ file_name: string; mime_type: string }>(
      "SELECT a.file_name, a.mime_type FROM attachments a JOIN work_orders w ON w.pdf_sha256 = a.sha256 AND w.case_id = a.case_id WHERE w.id = $1",
      [placed.orderId]);
    expect(letters).toHaveLength(1);
    expect(letters[0].file_name).toMatch(/^arbeidsordre-.+-direct-meter-mounting\.pdf$/);
    // The case handler's desk sees the order come down.
    await eventually(async () => {
      const panel = ok<WorkOrderPanel>(await handler.core.dispatch('case.workOrders', { caseId }));
      return panel.orders.length === 1 && panel.orders[0].pending === false;
    }, 5_000, 'the order on the handler desk');
    expect(handler.core.database.sqlite.prepare('SELECT cable_type, cable_cross_section_mm2 FROM work_orders WHERE id = ?').get(placed.orderId))
      .toEqual({ cable_type: 'TFXP 4x50 Al', cable_cross_section_mm2: 50 });
  });

  it('the answers are recorded step by step, by a case handler too; done work mounts the meter without a claim', async () => {
    const [{ id: orderId }] = await asAdmin<{ id: string }>('SELECT id FROM work_orders WHERE case_id = $1', [caseId]);
    await eventually(() => handler.core.database.sqlite.prepare('SELECT 1 FROM work_orders WHERE id = ?').get(orderId), 5_000, 'order pulled');
    ok(await handler.core.dispatch('case.advanceWorkOrder', { orderId, to: 'accepted' }));
    await handler.core.central!.engine.whenIdle();
    expect(await asAdmin('SELECT status, accepted_by FROM work_orders WHERE id = $1', [orderId])).toEqual([
      { status: 'accepted', accepted_by: handler.login }]);

    // The guard allows no other change, not even to a supervisor.
    const as = await central.connect(central.db.urlFor(supervisor.login));
    expect((await refusal(as.query("UPDATE work_orders SET status = 'ordered' WHERE id = $1", [orderId]))).code).toBe('23514');

    await eventually(() => supervisor.core.database.sqlite.prepare("SELECT 1 FROM work_orders WHERE id = ? AND status = 'accepted'").get(orderId), 5_000, 'accepted pulled');
    ok(await supervisor.core.dispatch('case.advanceWorkOrder', { orderId, to: 'done' }));
    await supervisor.core.central!.engine.whenIdle();
    expect(await asAdmin('SELECT status FROM cases WHERE id = $1', [caseId])).toEqual([{ status: 'meter_mounted' }]);
    const moves = await asAdmin<{ kind: string; actor_id: string; data: unknown }>(
      "SELECT kind, actor_id, data FROM case_events WHERE case_id = $1 AND kind IN ('work_order_done', 'status_changed') ORDER BY id", [caseId]);
    expect(moves.slice(-2)).toEqual([
      { kind: 'work_order_done', actor_id: supervisor.login, data: { orderId, workKind: 'direct_meter_mounting' } },
      { kind: 'status_changed', actor_id: supervisor.login, data: { from: 'completion_reported', to: 'meter_mounted', rule: 'workOrdersDone' } },
    ]);
    // Nobody held a claim on the case.
    expect(await asAdmin('SELECT claimed_by FROM cases WHERE id = $1', [caseId])).toEqual([{ claimed_by: null }]);
    await eventually(() => handler.core.database.sqlite.prepare("SELECT 1 FROM cases WHERE id = ? AND status = 'meter_mounted'").get(caseId), 5_000, 'the move pulled');
  });

  it("a supervisor's register change ships, and every desk sees the new supplier", async () => {
    const values = {
      id: null, organisationNumber: '923609016', name: 'Bykle Elektro og Nett AS', contactPerson: null, email: null, phone: null,
      municipalityNumbers: ['4222'], agreementWork: { direct_meter_mounting: 4 },
    };
    const shown = ok<AreaSupplierRegister>(await supervisor.core.dispatch('areaSupplier.save', values));
    expect(shown.suppliers.find((s) => s.name === values.name)).toMatchObject({ pending: true });
    await supervisor.core.central!.engine.whenIdle();
    const [row] = await asAdmin<{ id: string; agreement_work: string }>('SELECT id, agreement_work FROM area_suppliers WHERE organisation_number = $1', ['923609016']);
    expect(JSON.parse(row.agreement_work)).toEqual({ direct_meter_mounting: 4 });
    expect(await asAdmin('SELECT municipality_number, deleted FROM area_supplier_municipalities WHERE supplier_id = $1', [row.id]))
      .toEqual([{ municipality_number: '4222', deleted: false }]);
    const seen = await eventually(async () => {
      const register = ok<AreaSupplierRegister>(await handler.core.dispatch('areaSupplier.list', {}));
      const supplier = register.suppliers.find((s) => s.name === values.name);
      return supplier && supplier.municipalityNumbers.length === 1 ? supplier : null;
    }, 5_000, 'the new supplier on the handler desk');
    expect(seen).toMatchObject({ id: Number(row.id), municipalityNumbers: ['4222'], agreementWork: { direct_meter_mounting: 4 }, pending: false });

    // Moving it from Bykle to Valle: Bykle's row becomes a tombstone, which the caches drop.
    ok(await supervisor.core.dispatch('areaSupplier.save', { ...values, id: Number(row.id), municipalityNumbers: ['4221'] }));
    await supervisor.core.central!.engine.whenIdle();
    expect(await asAdmin('SELECT municipality_number, deleted FROM area_supplier_municipalities WHERE supplier_id = $1 ORDER BY 1', [row.id]))
      .toEqual([{ municipality_number: '4221', deleted: false }, { municipality_number: '4222', deleted: true }]);
    await eventually(async () => {
      const register = ok<AreaSupplierRegister>(await handler.core.dispatch('areaSupplier.list', {}));
      return register.suppliers.find((s) => s.id === Number(row.id))?.municipalityNumbers.join() === '4221';
    }, 5_000, 'the move on the handler desk');
  });
});

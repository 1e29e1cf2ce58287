// Work orders where the desks cannot be trusted to be alone or honest, against a real PostgreSQL (0014): two orders
// of a case done at the same moment on two connections still move the case to meter_mounted (the second waits for
// the first — on the version clock every writer takes, and on the case row the rule locks before it looks, which
// keeps it right should a writer ever skip the clock); work done before the completion notice moves the case when the notice
// arrives; the times of an order are the server's whatever a desk sends; a work order message or an order for work
// no agreement can name is refused.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CENTRAL_REFUSALS } from '../../../db/central/refusals';
import { OrderWorkInput } from '../../../shared/contract/workOrders';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually } from '../../support/syncClients';
import { insertCases, refusal } from './fixtures';

let admin: pg.Client;
let kari: pg.Client;
let per: pg.Client;
let sara: pg.Client;
let supplierId: number;
let caseIds: number[];

const central = useCentralDatabase('work_order_consistency', {
  async setup() {
    admin = central.admin;
    caseIds = await insertCases(admin, 5);
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO area_suppliers (organisation_number, name, agreement_work)
       VALUES ('987654321', 'Agder Nettmontasje AS', '{"direct_meter_mounting":5,"service_cable_connection":10}') RETURNING id`);
    supplierId = Number(rows[0].id);
    await admin.query("INSERT INTO area_supplier_municipalities (supplier_id, municipality_number) VALUES ($1, '4204')", [supplierId]);
    kari = await central.connectAs('kari', 'case_handler');
    per = await central.connectAs('per', 'case_handler');
    sara = await central.connectAs('sara', 'supervisor');
  },
});

const statusOf = async (caseId: number) =>
  (await admin.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId])).rows[0].status;
const movesOf = async (caseId: number) =>
  (await admin.query<{ data: Record<string, unknown> }>(
    "SELECT data FROM case_events WHERE case_id = $1 AND kind = 'status_changed' ORDER BY id", [caseId])).rows.map((r) => r.data);

/** The supervisor orders `kinds` on the case; every order is then accepted. Their ids, in the order of `kinds`. */
async function acceptedOrders(caseId: number, kinds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of kinds) {
    const { rows } = await sara.query<{ id: string }>(
      `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date)
       VALUES (gen_random_uuid(), $1, $2, $3, 5, current_date + 10) RETURNING id`, [caseId, supplierId, kind]);
    ids.push(rows[0].id);
  }
  await kari.query("UPDATE work_orders SET status = 'accepted' WHERE id = ANY($1::uuid[])", [ids]);
  return ids;
}

describe('done work moves the case', () => {
  it('when the last two orders are done at the same moment on two connections', async () => {
    const caseId = caseIds[0];
    await admin.query("UPDATE cases SET status = 'completion_reported', grid_customer_name = 'Kari Nordmann' WHERE id = $1", [caseId]);
    const [meter, cable] = await acceptedOrders(caseId, ['direct_meter_mounting', 'service_cable_connection']);
    const perPid = (await per.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await kari.query('BEGIN');
    await per.query('BEGIN');
    try {
      await kari.query("UPDATE work_orders SET status = 'done' WHERE id = $1", [meter]);
      // Per's order is done while Kari's transaction is still open: his must wait for hers, not decide without it.
      const perDone = per.query("UPDATE work_orders SET status = 'done' WHERE id = $1", [cable]);
      let settled = false;
      void perDone.then(() => { settled = true; }, () => { settled = true; });
      await eventually(async () => settled || (await admin.query(
        "SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'", [perPid])).rows.length > 0, 5_000, 'per waiting or done');
      await kari.query('COMMIT');
      await perDone;
      await per.query('COMMIT');
    } catch (error) {
      await kari.query('ROLLBACK');
      await per.query('ROLLBACK');
      throw error;
    }
    expect(await statusOf(caseId)).toBe('meter_mounted');
    expect((await movesOf(caseId)).at(-1)).toEqual({ from: 'completion_reported', to: 'meter_mounted', rule: 'workOrdersDone' });
  });

  it('when the completion notice arrives after the work was done', async () => {
    const caseId = caseIds[1];
    await admin.query("UPDATE cases SET status = 'paid', grid_customer_name = 'Kari Nordmann' WHERE id = $1", [caseId]);
    const [meter] = await acceptedOrders(caseId, ['direct_meter_mounting']);
    await kari.query("UPDATE work_orders SET status = 'done' WHERE id = $1", [meter]);
    expect(await statusOf(caseId)).toBe('paid');
    // The notice's move, as the owner's import makes it.
    await admin.query('BEGIN');
    await admin.query("SELECT set_config('desk.status_rule', '', true)");
    await admin.query("UPDATE cases SET status = 'completion_reported', grid_customer_name = 'Kari Nordmann' WHERE id = $1", [caseId]);
    await admin.query('COMMIT');
    expect(await statusOf(caseId)).toBe('meter_mounted');
    expect((await movesOf(caseId)).slice(-2)).toEqual([
      { from: 'paid', to: 'completion_reported' },
      { from: 'completion_reported', to: 'meter_mounted', rule: 'workOrdersDone' },
    ]);
  });

  it('not when work is still open, nor without meter work', async () => {
    const caseId = caseIds[2];
    await admin.query("UPDATE cases SET status = 'completion_reported', grid_customer_name = 'Kari Nordmann' WHERE id = $1", [caseId]);
    const [meter, cable] = await acceptedOrders(caseId, ['direct_meter_mounting', 'service_cable_connection']);
    await kari.query("UPDATE work_orders SET status = 'done' WHERE id = $1", [cable]);
    expect(await statusOf(caseId)).toBe('completion_reported');
    await kari.query("UPDATE work_orders SET status = 'done' WHERE id = $1", [meter]);
    expect(await statusOf(caseId)).toBe('meter_mounted');
  });

  it('not while no grid customer is named (issue 13): the work is done, the case waits for the handler', async () => {
    const caseId = caseIds[4];
    await admin.query("UPDATE cases SET status = 'completion_reported', grid_customer_name = NULL WHERE id = $1", [caseId]);
    const [meter] = await acceptedOrders(caseId, ['direct_meter_mounting']);
    await kari.query("UPDATE work_orders SET status = 'done' WHERE id = $1", [meter]);
    expect(await statusOf(caseId)).toBe('completion_reported');
  });
});

describe("an order's times are the server's", () => {
  it("a case handler's forged accepted_at or done_at is refused (42501); the owner's is overruled", async () => {
    const caseId = caseIds[3];
    const { rows } = await sara.query<{ id: string }>(
      `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date)
       VALUES (gen_random_uuid(), $1, $2, 'direct_meter_mounting', 5, current_date + 10) RETURNING id`, [caseId, supplierId]);
    const orderId = rows[0].id;
    for (const forged of [
      "UPDATE work_orders SET status = 'accepted', accepted_at = '2020-01-01' WHERE id = $1",
      "UPDATE work_orders SET status = 'accepted', done_at = '2020-01-01' WHERE id = $1",
    ]) {
      expect((await refusal(kari.query(forged, [orderId]))).code).toBe(CENTRAL_REFUSALS.permission_denied);
    }
    // Even the owner cannot put a time on a step, nor a done time on an acceptance.
    await admin.query("UPDATE work_orders SET status = 'accepted', accepted_at = '2020-01-01', done_at = '2020-01-02' WHERE id = $1", [orderId]);
    const accepted = await admin.query(
      "SELECT accepted_at > now() - interval '1 minute' AS accepted_now, done_at FROM work_orders WHERE id = $1", [orderId]);
    expect(accepted.rows).toEqual([{ accepted_now: true, done_at: null }]);
    await kari.query("UPDATE work_orders SET status = 'done' WHERE id = $1", [orderId]);
    await admin.query("UPDATE work_orders SET status = 'done' WHERE id = $1", [orderId]).catch(() => undefined);
    const done = await admin.query(
      "SELECT done_at > now() - interval '1 minute' AS done_now, accepted_at = (SELECT accepted_at FROM work_orders WHERE id = $1) AS kept FROM work_orders WHERE id = $1",
      [orderId]);
    expect(done.rows).toEqual([{ done_now: true, kept: true }]);
  });

  it("a supervisor's order carries no time of its own: ordered_at is refused (42501); the owner's is overruled", async () => {
    const insert = (client: pg.Client, kind: string) => client.query(
      `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date, ordered_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 5, current_date + 10, '2020-01-01') RETURNING id`, [caseIds[3], supplierId, kind]);
    expect((await refusal(insert(sara, 'service_cable_connection'))).code).toBe(CENTRAL_REFUSALS.permission_denied);
    const { rows } = await insert(admin, 'service_cable_connection');
    const stamped = await admin.query("SELECT ordered_at > now() - interval '1 minute' AS now FROM work_orders WHERE id = $1", [rows[0].id]);
    expect(stamped.rows).toEqual([{ now: true }]);
  });
});

describe('what cannot be ordered', () => {
  it('a work order message by anyone but through the order (42501), and only for an order one placed', async () => {
    const refused = await refusal(sara.query(
      "INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body) VALUES (gen_random_uuid(), $1, 'work_order', 'x', 'x', 'x')",
      [caseIds[3]]));
    expect(refused.code).toBe(CENTRAL_REFUSALS.permission_denied);
    const { rows } = await admin.query<{ id: string }>("SELECT id FROM work_orders WHERE case_id = $1 AND work_kind = 'direct_meter_mounting'", [caseIds[3]]);
    const notHers = await refusal(sara.query('SELECT queue_work_order_message($1, $2, $3, $4)', [rows[0].id, 'x', 'x', 'x']));
    expect(notHers.message).toContain('desk:work_order_message_refused');
  });

  it('transformer metering: the desk refuses it before PostgreSQL (23514) would', async () => {
    expect(OrderWorkInput.safeParse({ caseId: caseIds[3], workKind: 'transformer_meter_mounting' }).success).toBe(false);
    expect(OrderWorkInput.safeParse({ caseId: caseIds[3], workKind: 'direct_meter_mounting' }).success).toBe(true);
    const refused = await refusal(sara.query(
      `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date)
       VALUES (gen_random_uuid(), $1, $2, 'transformer_meter_mounting', 5, current_date + 10)`, [caseIds[0], supplierId]));
    expect(refused.code).toBe('23514');
  });
});

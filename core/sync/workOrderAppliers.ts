// The central side of the area supplier register and the work orders, carried out as the person who made them:
// PostgreSQL grants the register and ordering to supervisors alone, recording the supplier's answers to case
// handlers and supervisors (0014_area_suppliers), and its triggers write the history and move the case on when the
// work is done. No claim on the case is needed: an order is the supervisor's, not casework on the case.
import type pg from 'pg';
import { AreaSupplierSaveInput } from '../../shared/contract/areaSuppliers';
import { AdvanceWorkOrderInput } from '../../shared/contract/workOrders';
import { OrderWorkArgs, technicalColumns } from '../mutations/workOrderMutations';
import { releasedWorkDueDate, workRelease } from '../../shared/rules';
import { centralWorkReleaseFacts } from '../workOrders/workReleaseFacts';
import { centralToday } from './centralToday';
import { RefusedByCentral } from './centralErrors';
import { letterToSend, type StoredFiles } from './letterToSend';

/** What of an outbox entry these appliers read (mutations/definition.ts' OutboxEntry; not imported, which would be a cycle). */
interface Entry {
  args: Record<string, unknown>;
  precondition: Record<string, unknown>;
  createdAt: string;
}

/**
 * The desk's word for the release is not taken: the case is locked and its facts read here (rules/workRelease.ts),
 * and the due date must be the agreement's days from the release — the server's today where the history is silent.
 */
async function refuseUnreleasedWork(client: pg.ClientBase, order: OrderWorkArgs): Promise<void> {
  await client.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [order.caseId]);
  const release = workRelease(order.workKind, await centralWorkReleaseFacts(client, order.caseId));
  if (!release.released) throw new RefusedByCentral('invalid', `workOrder.notReleased: ${order.workKind} awaits ${release.awaits}`);
  const { rows: [supplier] } = await client.query<{ days: string | null }>(
    'SELECT agreement_work::jsonb ->> $2 AS days FROM area_suppliers WHERE id = $1', [order.supplierId, order.workKind]);
  const expected = releasedWorkDueDate(release, await centralToday(client), order.agreementDays);
  if (Number(supplier?.days) !== order.agreementDays || order.dueDate !== expected) {
    throw new RefusedByCentral('invalid', `workOrder.notProposed: due ${expected} by the agreement, not ${order.dueDate}`);
  }
}

type WorkOrderApplier = (client: pg.ClientBase, entry: Entry, files?: StoredFiles) => Promise<void>;

export const WORK_ORDER_APPLIERS = {
  // The register: the supplier row (new ones get their id from the identity column), then its municipalities —
  // removed ones become tombstones, added or returning ones live rows.
  async 'areaSupplier.save'(client, { args }) {
    const parsed = AreaSupplierSaveInput.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'area supplier');
    const v = parsed.data;
    const values = [v.organisationNumber, v.name, v.contactPerson, v.email, v.phone, JSON.stringify(v.agreementWork)];
    let id = v.id;
    if (id === null) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO area_suppliers (organisation_number, name, contact_person, email, phone, agreement_work)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        values,
      );
      id = Number(rows[0].id);
    } else {
      const { rowCount } = await client.query(
        `UPDATE area_suppliers SET organisation_number = $1, name = $2, contact_person = $3, email = $4, phone = $5,
           agreement_work = $6 WHERE id = $7`,
        [...values, id],
      );
      if (rowCount === 0) throw new RefusedByCentral('invalid', 'area supplier missing');
    }
    await client.query(
      `UPDATE area_supplier_municipalities SET deleted = true
       WHERE supplier_id = $1 AND NOT deleted AND NOT (municipality_number = ANY($2::text[]))`,
      [id, v.municipalityNumbers],
    );
    await client.query(
      `INSERT INTO area_supplier_municipalities (supplier_id, municipality_number, deleted)
       SELECT $1, unnest($2::text[]), false
       ON CONFLICT (supplier_id, municipality_number) DO UPDATE SET deleted = false
         WHERE area_supplier_municipalities.deleted`,
      [id, v.municipalityNumbers],
    );
  },

  // The order (work_orders_guard checks the supplier's agreement again and stamps who and when), its message through
  // queue_work_order_message and the letter through store_work_order_letter — the only ways a 'work_order' message
  // or an order's letter gets in; a desk that no longer has the file orders without it. The audit triggers write
  // work_ordered and message_queued.
  async 'case.orderWork'(client, { args }, files) {
    const parsed = OrderWorkArgs.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'work order arguments');
    const order = parsed.data;
    const { rows } = await client.query<{ id: string }>('SELECT id FROM work_orders WHERE case_id = $1 AND work_kind = $2',
      [order.caseId, order.workKind]);
    if (rows.length > 0 && rows[0].id !== order.orderId) throw new RefusedByCentral('invalid', 'workAlreadyOrdered');
    if (rows.length === 0) await refuseUnreleasedWork(client, order);
    const letter = letterToSend(files, order.pdfSha256);
    const pdfSha256 = letter ? order.pdfSha256 : null;
    await client.query(
      `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date, message_id, pdf_sha256,
         cabinet_id, cable_type, cable_cross_section_mm2, short_circuit_fuse_a, framework_item)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
      [order.orderId, order.caseId, order.supplierId, order.workKind, order.agreementDays, order.dueDate, order.messageId, pdfSha256,
        ...technicalColumns(order.technical)],
    );
    await client.query('SELECT queue_work_order_message($1, $2, $3, $4)', [order.orderId, order.recipient, order.subject, order.body]);
    if (pdfSha256) await client.query('SELECT store_work_order_letter($1, $2)', [order.orderId, letter]);
  },

  // One step of the supplier's answer; the guard allows only ordered → accepted → done and stamps who and when.
  async 'case.advanceWorkOrder'(client, { args, precondition }) {
    const parsed = AdvanceWorkOrderInput.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'work order step');
    const { orderId, to } = parsed.data;
    const { rows } = await client.query<{ status: string }>('SELECT status FROM work_orders WHERE id = $1 FOR UPDATE', [orderId]);
    if (rows.length === 0) throw new RefusedByCentral('invalid', 'work order missing');
    if (rows[0].status !== precondition.status) throw new RefusedByCentral('statusChanged', rows[0].status);
    await client.query('UPDATE work_orders SET status = $2 WHERE id = $1', [orderId, to]);
  },
} satisfies Record<string, WorkOrderApplier>;

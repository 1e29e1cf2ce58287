// Work orders as mutations on the case: a supervisor orders grid-side work from an area supplier (the order, its
// letter on the case and the message for delivery), and the supplier's answers are recorded step by step,
// ordered → accepted → done. Done work may advance the case (rules/workOrders.ts caseAdvanceAfterWorkDone). The
// events have the shapes central migration 0014's triggers write.
import { z } from 'zod';
import { fail } from '../../shared/contract';
import { AgreementWorkKindSchema } from '../../shared/contract/areaSuppliers';
import { AdvanceWorkOrderInput, WorkOrderId, WorkOrderTechnicalInput } from '../../shared/contract/workOrders';
import {
  nextWorkOrderStatus, releasedWorkDueDate, workRelease, type GridWorkKind, type WorkOrderStatus,
} from '../../shared/rules';
import { osloDate } from '../clock';
import type { CoreContext } from '../context';
import { loadCaseHead } from '../cases/caseRow';
import { areaSuppliersCovering } from '../areaSuppliers/areaSupplierStore';
import { workDoneMove } from '../workOrders/workDoneMove';
import { localWorkReleaseFacts } from '../workOrders/workReleaseFacts';
import { defineMutation, type MutationEvent } from './runMutation';
import { fileLetterOnCase } from './letterAttachment';

export interface WorkOrderRow {
  id: string;
  case_id: number;
  supplier_id: number;
  work_kind: GridWorkKind;
  status: WorkOrderStatus;
  agreement_days: number;
  due_date: string;
  ordered_at: string;
  ordered_by: string;
  accepted_at: string | null;
  accepted_by: string | null;
  done_at: string | null;
  done_by: string | null;
  message_id: string | null;
  pdf_sha256: string | null;
  planned_date: string | null;
  done_on: string | null;
  meter_number: string | null;
  meter_reading: number | null;
  confirmed_in_portal_by: string | null;
  reported_in_portal_by: string | null;
  report_attachment_ids: string;
  pending_seq: number | null;
}

export function loadWorkOrder(core: CoreContext, orderId: string): WorkOrderRow {
  const row = core.sqlite.prepare('SELECT * FROM work_orders WHERE id = ?').get(orderId) as WorkOrderRow | undefined;
  return row ?? fail('workOrder.notFound', { orderId });
}

export const workOrderPdfName = (caseNumber: string, workKind: GridWorkKind): string =>
  `arbeidsordre-${caseNumber}-${workKind.replace(/_/g, '-')}.pdf`;

/** The technical facts as the five work_orders columns, in their order; what was not given is null. */
export function technicalColumns(t: WorkOrderTechnicalInput | undefined): [string | null, string | null, number | null, number | null, string | null] {
  return [t?.cabinetId ?? null, t?.cableType ?? null, t?.cableCrossSectionMm2 ?? null, t?.shortCircuitFuseA ?? null,
    t?.frameworkItem ?? null];
}

/** What the order was made of when its letter was rendered; checked again here and by the central side. */
export const OrderWorkArgs = z
  .object({
    orderId: WorkOrderId,
    caseId: z.number().int().positive(),
    workKind: AgreementWorkKindSchema,
    supplierId: z.number().int().positive(),
    agreementDays: z.number().int().min(1).max(60),
    orderedOn: z.iso.date(),
    dueDate: z.iso.date(),
    messageId: z.uuid(),
    recipient: z.string().min(1).max(300),
    subject: z.string().min(1).max(300),
    body: z.string().min(1).max(5_000),
    pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
    pdfSizeBytes: z.number().int().positive(),
    technical: WorkOrderTechnicalInput.optional(),
  })
  .strict();
export type OrderWorkArgs = z.infer<typeof OrderWorkArgs>;

/** Only a supervisor orders (PostgreSQL grants INSERT on work_orders to supervisors alone). */
export const orderWork = defineMutation({
  name: 'case.orderWork',
  args: OrderWorkArgs,
  apply({ core, actor, now, pendingSeq }, args) {
    const { sqlite } = core;
    const head = loadCaseHead(sqlite, args.caseId);
    if (actor.role !== 'supervisor') fail('permission.denied');
    const existing = sqlite.prepare('SELECT id FROM work_orders WHERE case_id = ? AND work_kind = ?').get(args.caseId, args.workKind) as
      | { id: string }
      | undefined;
    if (existing) fail('workOrder.alreadyOrdered', { workKind: args.workKind });
    const { municipality_number: municipality } = sqlite
      .prepare('SELECT municipality_number FROM cases WHERE id = ?')
      .get(args.caseId) as { municipality_number: string };
    const supplier = areaSuppliersCovering(sqlite, municipality).find((s) => s.id === args.supplierId);
    if (!supplier || supplier.work[args.workKind] !== args.agreementDays) {
      fail('workOrder.notProposed', { workKind: args.workKind });
    }
    // Nobody orders work the case has not released (rules/workRelease.ts); its clock runs from the release.
    const release = workRelease(args.workKind, localWorkReleaseFacts(sqlite, args.caseId));
    if (!release.released) return fail('workOrder.notReleased', { workKind: args.workKind, awaits: release.awaits });
    if (args.orderedOn !== osloDate(new Date(now)) || args.dueDate !== releasedWorkDueDate(release, args.orderedOn, args.agreementDays)) {
      fail('workOrder.notProposed', { workKind: args.workKind });
    }
    sqlite
      .prepare(
        `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, status, agreement_days, due_date, ordered_at,
           ordered_by, message_id, pdf_sha256, pending_seq, cabinet_id, cable_type, cable_cross_section_mm2,
           short_circuit_fuse_a, framework_item)
         VALUES (?, ?, ?, ?, 'ordered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(args.orderId, args.caseId, args.supplierId, args.workKind, args.agreementDays, args.dueDate, now, actor.id,
        args.messageId, args.pdfSha256, pendingSeq, ...technicalColumns(args.technical));
    sqlite
      .prepare(
        `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items, created_at, created_by, pending_seq)
         VALUES (?, ?, 'work_order', ?, ?, ?, '[]', ?, ?, ?)`,
      )
      .run(args.messageId, args.caseId, args.recipient, args.subject, args.body, now, actor.id, pendingSeq);
    // The letter with the case.
    fileLetterOnCase(sqlite, {
      caseId: args.caseId,
      fileName: workOrderPdfName(head.case_number, args.workKind),
      sizeBytes: args.pdfSizeBytes,
      sha256: args.pdfSha256,
      receivedAt: now,
      pendingSeq,
    });
    const events: MutationEvent[] = [
      { kind: 'work_ordered', data: { orderId: args.orderId, workKind: args.workKind, supplierId: args.supplierId, dueDate: args.dueDate } },
      { kind: 'message_queued', data: { messageId: args.messageId, kind: 'work_order', subject: args.subject } },
    ];
    return { caseId: args.caseId, events, precondition: {} };
  },
});

/**
 * The supplier accepted the order, or reported the work done — recorded by a case handler or a supervisor. Done
 * work that completes the case's ordered work moves the case on by the rule (registerMeterMounted).
 */
export const advanceWorkOrder = defineMutation({
  name: 'case.advanceWorkOrder',
  args: AdvanceWorkOrderInput,
  apply({ core, actor, now }, { orderId, to }) {
    const { sqlite } = core;
    const order = loadWorkOrder(core, orderId);
    const head = loadCaseHead(sqlite, order.case_id);
    if (actor.role === 'reader') fail('permission.denied');
    if (nextWorkOrderStatus(order.status) !== to) fail('workOrder.statusChanged', { status: order.status });
    const column = to === 'accepted' ? 'accepted' : 'done';
    sqlite.prepare(`UPDATE work_orders SET status = ?, ${column}_at = ?, ${column}_by = ? WHERE id = ?`).run(to, now, actor.id, orderId);
    const events: MutationEvent[] = [
      { kind: to === 'accepted' ? 'work_order_accepted' : 'work_order_done', data: { orderId, workKind: order.work_kind } },
    ];
    const move = to === 'done' ? workDoneMove(sqlite, order.case_id, head.status) : null;
    if (move) {
      sqlite.prepare('UPDATE cases SET status = ? WHERE id = ?').run(move.to, order.case_id);
      events.push(move.event);
    }
    return { caseId: order.case_id, events, precondition: { status: order.status } };
  },
});

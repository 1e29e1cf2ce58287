// Work orders to area suppliers in the case view: what the case needs ordered and from whom (or the gap where no
// agreement covers it), the orders placed, and their steps ordered → accepted → done.
import { z } from 'zod';
import type { GridWorkKind } from '../rules/domain';
import type { WorkOrderStatus } from '../rules/workOrders';
import type { WorkReleaseStep, WorkReleaseWait } from '../rules/workRelease';
import { AgreementWorkKindSchema } from './areaSuppliers';
import { CaseId } from './common';
import { call, type DomainCalls } from './call';
import type { MutationResult } from './common';

export const WorkOrderId = z.uuid();

export const WorkOrderPanelInput = z.object({ caseId: CaseId }).strict();

/**
 * What the fitter needs, given when ordering; every part optional (the letter prints what is there). The same
 * limits as the central columns' checks (central migration 0035).
 */
export const WorkOrderTechnicalInput = z
  .object({
    cabinetId: z.string().trim().min(1).max(60).optional(),
    cableType: z.string().trim().min(1).max(60).optional(),
    cableCrossSectionMm2: z.number().int().min(1).max(1000).optional(),
    shortCircuitFuseA: z.number().int().min(1).max(4000).optional(),
    frameworkItem: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type WorkOrderTechnicalInput = z.infer<typeof WorkOrderTechnicalInput>;

export const OrderWorkInput = z
  .object({ caseId: CaseId, workKind: AgreementWorkKindSchema, technical: WorkOrderTechnicalInput.optional() })
  .strict();

export const AdvanceWorkOrderInput = z.object({ orderId: WorkOrderId, to: z.enum(['accepted', 'done']) }).strict();
export type AdvanceWorkOrderInput = z.infer<typeof AdvanceWorkOrderInput>;

export interface WorkOrderView {
  id: string;
  workKind: GridWorkKind;
  supplier: { id: number; name: string; email: string | null; phone: string | null };
  status: WorkOrderStatus;
  agreementDays: number;
  dueDate: string;
  /** Working days from today to the due date: negative when overdue. */
  workingDaysLeft: number;
  overdue: boolean;
  orderedAt: string;
  orderedBy: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  doneAt: string | null;
  doneBy: string | null;
  /** The order letter (PDF) on the case, where this desk has it. */
  pdfAttachmentId: number | null;
  /** Placed here and not yet recorded by the central database. */
  pending: boolean;
  /** What the supplier answered in the portal (all null, and no files, when the desk recorded the answers). */
  plannedDate: string | null;
  doneOn: string | null;
  meterNumber: string | null;
  meterReading: number | null;
  /** "Name (Firm)" of the supplier's portal user who confirmed / reported the order. */
  confirmedInPortalBy: string | null;
  reportedInPortalBy: string | null;
  /** The photos and samsvarserklæring sent with the report, as attachments of the case (where this desk has them). */
  reportFiles: Array<{ attachmentId: number; kind: string; fileName: string }>;
}

export type WorkOrderProposalView =
  | {
      workKind: GridWorkKind;
      state: 'proposed';
      supplier: { id: number; name: string };
      agreementDays: number;
      /** Counted from the release (rules/workRelease.ts). */
      dueDate: string;
      releasedBy: WorkReleaseStep;
      /** The day of the release; null where the history does not say. */
      releasedOn: string | null;
    }
  /** A supplier would take it, but the case has not released the work yet: what it waits for. */
  | { workKind: GridWorkKind; state: 'notReleased'; supplier: { id: number; name: string }; agreementDays: number; awaits: WorkReleaseWait }
  | { workKind: GridWorkKind; state: 'gap' };

export interface WorkOrderPanel {
  caseId: number;
  municipality: { number: string; name: string | null };
  /** Work to order (with the due date an order today would get), or the gaps no agreement covers. */
  proposals: WorkOrderProposalView[];
  orders: WorkOrderView[];
  /** Only a supervisor orders. */
  canOrder: boolean;
  /** Case handlers and supervisors record the supplier's answer. */
  canRecord: boolean;
}

export interface OrderWorkResult {
  orderId: string;
  dueDate: string;
  pdfAttachmentId: number | null;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const workOrderCalls = {
  'case.workOrders': call<WorkOrderPanel>()(WorkOrderPanelInput),
  'case.orderWork': call<OrderWorkResult & MutationResult>()(OrderWorkInput),
  'case.advanceWorkOrder': call<MutationResult>()(AdvanceWorkOrderInput),
} satisfies DomainCalls;

// The work order calls of the contract. The panel: what the case needs ordered and from whom (or the gap), and the
// orders placed. Ordering renders the letter first (async, Chromium, the offer letter's renderer and letterhead),
// puts the PDF in the attachment store by its SHA-256, then runs the one synchronous mutation that places the
// order, files the PDF with the case and stores the message for delivery.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import {
  fail, type MutationResult, type OrderWorkResult, type WorkOrderPanel, type WorkOrderProposalView, type WorkOrderView,
  type WorkOrderTechnicalInput,
} from '../../shared/contract';
import {
  GRID_WORK_KINDS, isWorkOrderOverdue, proposeWorkOrders, releasedWorkDueDate, workRelease, workingDaysBetween, workOrderDueDate,
  type GridWorkKind,
} from '../../shared/rules';
import type { AttachmentStore } from '../attachments/attachmentStore';
import { areaSuppliersCovering, type StoredAreaSupplier } from '../areaSuppliers/areaSupplierStore';
import { installerCheckFor } from '../casework/installerCheckService';
import { osloDate } from '../clock';
import type { CoreContext } from '../context';
import { advanceWorkOrder, orderWork, workOrderPdfName, type WorkOrderRow } from '../mutations/workOrderMutations';
import { runMutation } from '../mutations/runMutation';
import type { Letterhead } from '../offers/letterhead';
import type { PdfRenderer } from '../offers/pdfRenderer';
import { cadastralNumberOf, firstOf } from '../offers/letterCase';
import { localWorkReleaseFacts } from './workReleaseFacts';
import {
  workOrderLetterHtml, workOrderMessageBody, workOrderNumber, workOrderSubject, type WorkOrderLetterInput, type WorkOrderTechnical,
} from './workOrderLetter';

export interface WorkOrderServiceDeps {
  context: CoreContext;
  attachments: AttachmentStore;
  renderer: () => PdfRenderer;
  letterhead: () => Letterhead;
}

interface OrderCaseRow {
  case_number: string;
  address: string;
  postcode: string;
  post_town: string;
  municipality_number: string;
  municipality_name: string | null;
  gnr: number | null;
  bnr: number | null;
  fnr: number | null;
  snr: number | null;
  metering_point_ids: string;
  meter_numbers: string;
  network_system: string;
  phases: number;
  main_fuse_a: number | null;
  owner_name: string;
  owner_phone: string | null;
  installer_name: string;
  installer_org: string;
  installer_contact: string | null;
  installer_phone: string | null;
}

export class WorkOrderService {
  constructor(private readonly deps: WorkOrderServiceDeps) {}

  private get sqlite() {
    return this.deps.context.sqlite;
  }

  private today(): string {
    return osloDate(this.deps.context.clock.now());
  }

  panel(caseId: number): WorkOrderPanel {
    const today = this.today();
    const check = installerCheckFor(this.sqlite, caseId, today);
    const orders = this.ordersOf(caseId, today);
    const suppliers = areaSuppliersCovering(this.sqlite, check.municipality.number);
    const proposals = proposeWorkOrders({
      municipalityNumber: check.municipality.number,
      needs: check.work.map((work) => ({ kind: work.kind, installerMay: work.installerMay, decided: check.routing[work.kind] ?? null })),
      suppliers,
      orders: orders.map((order) => ({ id: order.id, workKind: order.workKind })),
    });
    const role = this.deps.context.currentUser().role;
    const releaseFacts = localWorkReleaseFacts(this.sqlite, caseId);
    return {
      caseId,
      municipality: check.municipality,
      proposals: proposals.flatMap((p): WorkOrderProposalView[] => {
        if (p.state === 'ordered') return [];
        if (p.state === 'gap') return [{ workKind: p.kind, state: 'gap' as const }];
        const supplier = { id: p.supplier.id, name: p.supplier.name };
        const release = workRelease(p.kind, releaseFacts);
        if (!release.released) {
          return [{ workKind: p.kind, state: 'notReleased' as const, supplier, agreementDays: p.agreementDays, awaits: release.awaits }];
        }
        return [{
          workKind: p.kind,
          state: 'proposed' as const,
          supplier,
          agreementDays: p.agreementDays,
          dueDate: releasedWorkDueDate(release, today, p.agreementDays),
          releasedBy: release.by,
          releasedOn: release.on,
        }];
      }),
      orders,
      canOrder: role === 'supervisor',
      canRecord: role !== 'reader',
    };
  }

  /** Orders the proposed work: renders the letter, then places the order in one mutation. */
  async order(caseId: number, workKind: GridWorkKind, technical?: WorkOrderTechnicalInput): Promise<OrderWorkResult & MutationResult> {
    const { context } = this.deps;
    if (context.currentUser().role !== 'supervisor') fail('permission.denied');
    const panel = this.panel(caseId);
    if (panel.orders.some((order) => order.workKind === workKind)) fail('workOrder.alreadyOrdered', { workKind });
    const proposal = panel.proposals.find((p) => p.workKind === workKind);
    if (proposal?.state === 'notReleased') return fail('workOrder.notReleased', { workKind, awaits: proposal.awaits });
    if (!proposal || proposal.state !== 'proposed') return fail('workOrder.notProposed', { workKind });
    const supplier = areaSuppliersCovering(this.sqlite, panel.municipality.number).find((s) => s.id === proposal.supplier.id)!;
    const orderedOn = this.today();
    const orderId = randomUUID();
    const letter = {
      ...this.letterInput(caseId, orderId, workKind, supplier, orderedOn, proposal.agreementDays),
      dueDate: proposal.dueDate,
      technical: this.technicalFor(caseId, technical),
    };
    const pdf = await this.deps.renderer().render(workOrderLetterHtml(letter));
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    const target = this.deps.attachments.pathOf(pdfSha256);
    if (!existsSync(target)) writeFileSync(target, pdf);
    const result = runMutation(context, orderWork, {
      orderId,
      caseId,
      workKind,
      supplierId: supplier.id,
      agreementDays: proposal.agreementDays,
      orderedOn,
      dueDate: letter.dueDate,
      messageId: randomUUID(),
      recipient: supplier.email ?? `${supplier.name} (${supplier.organisationNumber})`,
      subject: workOrderSubject(letter),
      body: workOrderMessageBody(letter),
      pdfSha256,
      pdfSizeBytes: pdf.length,
      ...(technical ? { technical } : {}),
    });
    const placed = this.ordersOf(caseId, orderedOn).find((order) => order.id === orderId);
    return { ...result, orderId, dueDate: letter.dueDate, pdfAttachmentId: placed?.pdfAttachmentId ?? null };
  }

  /** The facts given for the letter, and the case's site map when it has one (it goes with the order). */
  private technicalFor(caseId: number, given: WorkOrderTechnicalInput | undefined): WorkOrderTechnical {
    const siteMap = this.sqlite
      .prepare(`SELECT file_name FROM attachments WHERE case_id = ? AND kind = 'site_map' ORDER BY id LIMIT 1`)
      .get(caseId) as { file_name: string } | undefined;
    return {
      cabinetId: given?.cabinetId ?? null,
      cable: given?.cableType && given.cableCrossSectionMm2 ? { type: given.cableType, crossSectionMm2: given.cableCrossSectionMm2 } : null,
      shortCircuitFuseA: given?.shortCircuitFuseA ?? null,
      frameworkItem: given?.frameworkItem ?? null,
      siteMap: siteMap?.file_name ?? null,
    };
  }

    advance(orderId: string, to: 'accepted' | 'done'): MutationResult {
    return runMutation(this.deps.context, advanceWorkOrder, { orderId, to });
  }

  letterInput(
    caseId: number, orderId: string, workKind: GridWorkKind, supplier: StoredAreaSupplier, orderedOn: string, agreementDays: number,
  ): WorkOrderLetterInput {
    const row = this.sqlite
      .prepare(
        `SELECT c.case_number, c.address, c.postcode, c.post_town, c.municipality_number, m.name AS municipality_name,
                c.gnr, c.bnr, c.fnr, c.snr, c.metering_point_ids, c.meter_numbers, c.network_system, c.phases,
                c.main_fuse_a, c.owner_name, c.owner_phone, i.name AS installer_name, i.organisation_number AS installer_org,
                coalesce(c.installer_contact, i.contact_person) AS installer_contact, i.phone AS installer_phone
         FROM cases c JOIN installers i ON i.id = c.installer_id
         LEFT JOIN municipalities m ON m.number = c.municipality_number WHERE c.id = ?`,
      )
      .get(caseId) as OrderCaseRow | undefined;
    if (!row) return fail('case.notFound', { caseId });
    const actor = this.deps.context.currentUser();
    const me = this.sqlite.prepare('SELECT email FROM users WHERE id = ?').get(actor.id) as { email: string | null } | undefined;
    const earlier = (this.sqlite.prepare('SELECT count(*) AS n FROM work_orders WHERE case_id = ?').get(caseId) as { n: number }).n;
    return {
      letterhead: this.deps.letterhead(),
      orderId,
      orderNumber: workOrderNumber(row.case_number, earlier + 1),
      orderedOn,
      dueDate: workOrderDueDate(orderedOn, agreementDays),
      agreementDays,
      workKind,
      supplier: {
        name: supplier.name, contactPerson: supplier.contactPerson, email: supplier.email, phone: supplier.phone,
        organisationNumber: supplier.organisationNumber,
      },
      caseNumber: row.case_number,
      installation: {
        address: row.address,
        postcode: row.postcode,
        postTown: row.post_town,
        municipality: `${row.municipality_number} ${row.municipality_name ?? ''}`.trim(),
        cadastralNumber: cadastralNumberOf(row),
        meteringPointId: firstOf(row.metering_point_ids),
        meterNumber: firstOf(row.meter_numbers),
        networkSystem: row.network_system,
        phases: row.phases,
        mainFuseA: row.main_fuse_a,
      },
      installer: { name: row.installer_name, organisationNumber: row.installer_org, contact: row.installer_contact, phone: row.installer_phone },
      owner: { name: row.owner_name, phone: row.owner_phone },
      contact: { name: actor.displayName, email: me?.email ?? null, phone: null },
    };
  }

  private ordersOf(caseId: number, today: string): WorkOrderView[] {
    const rows = this.sqlite
      .prepare(
        `SELECT w.*, s.name AS supplier_name, s.email AS supplier_email, s.phone AS supplier_phone, c.case_number
         FROM work_orders w JOIN cases c ON c.id = w.case_id LEFT JOIN area_suppliers s ON s.id = w.supplier_id
         WHERE w.case_id = ? ORDER BY w.ordered_at, w.id`,
      )
      .all(caseId) as Array<WorkOrderRow & { supplier_name: string | null; supplier_email: string | null; supplier_phone: string | null; case_number: string }>;
    const attachment = this.sqlite.prepare(
      `SELECT id FROM attachments WHERE case_id = ? AND mime_type = 'application/pdf' AND file_name = ? ORDER BY id DESC LIMIT 1`,
    );
    const reportFiles = this.sqlite.prepare(
      `SELECT id AS attachmentId, kind, file_name AS fileName FROM attachments
       WHERE case_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    );
    // In the order the work is done (the check's order), orders of the same moment by their work.
    const rank = (kind: GridWorkKind) => GRID_WORK_KINDS.indexOf(kind);
    rows.sort((a, b) => a.ordered_at.localeCompare(b.ordered_at) || rank(a.work_kind) - rank(b.work_kind));
    return rows.map((row) => {
      const status = row.status;
      const pdf = attachment.get(caseId, workOrderPdfName(row.case_number, row.work_kind)) as { id: number } | undefined;
      return {
        id: row.id,
        workKind: row.work_kind,
        supplier: { id: row.supplier_id, name: row.supplier_name ?? String(row.supplier_id), email: row.supplier_email, phone: row.supplier_phone },
        status,
        agreementDays: row.agreement_days,
        dueDate: row.due_date,
        workingDaysLeft: workingDaysBetween(today, row.due_date),
        overdue: isWorkOrderOverdue({ status, dueDate: row.due_date }, today),
        orderedAt: row.ordered_at,
        orderedBy: row.ordered_by,
        acceptedAt: row.accepted_at,
        acceptedBy: row.accepted_by,
        doneAt: row.done_at,
        doneBy: row.done_by,
        pdfAttachmentId: pdf?.id ?? null,
        pending: row.pending_seq !== null,
        plannedDate: row.planned_date,
        doneOn: row.done_on,
        meterNumber: row.meter_number,
        meterReading: row.meter_reading,
        confirmedInPortalBy: row.confirmed_in_portal_by,
        reportedInPortalBy: row.reported_in_portal_by,
        reportFiles: reportFiles.all(caseId, row.report_attachment_ids) as WorkOrderView['reportFiles'],
      };
    });
  }
}

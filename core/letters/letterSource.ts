// Where a letter kind gets what it prints, for a case in the local database: the case's facts, the offer as the
// desk would draft it, who does the grid-side work, the construction-power terms from the price list. The letters
// CLI uses it on a fresh demo database; what the database does not hold yet comes in as `samples`.
import { randomUUID } from 'node:crypto';
import {
  formatNok, priceListInEffect, standardFee, workOrderDueDate, type GridWorkKind, type StandardFeeCode,
} from '../../shared/rules';
import { areaSuppliersCovering } from '../areaSuppliers/areaSupplierStore';
import type { AttachmentStore } from '../attachments/attachmentStore';
import { caseCompleteness } from '../casework/completenessService';
import { installerCheckFor } from '../casework/installerCheckService';
import type { CoreContext } from '../context';
import { loadOffer } from '../mutations/offerMutations';
import type { Letterhead } from '../offers/letterhead';
import type { OfferLetterInput } from '../offers/offerLetter';
import { OfferService } from '../offers/offerService';
import { newOwnerAccess, portalUrlOf } from '../offers/ownerAccess';
import type { PdfRenderer } from '../offers/pdfRenderer';
import { storedPriceLists } from '../pricing/priceListStore';
import { workOrderNumber, type WorkOrderLetterInput, type WorkOrderTechnical } from '../workOrders/workOrderLetter';
import { WorkOrderService } from '../workOrders/workOrderService';
import { caseLetterFacts, type CaseLetterFacts } from './caseLetterFacts';
import type { ConstructionPowerLetterInput } from './constructionPowerLetter';
import type { FuseChangeLetterInput } from './fuseChangeLetter';
import type { StartApprovalLetterInput } from './startApprovalLetter';

export interface LetterSamples {
  approvalConditions: readonly string[];
  rejectionReason: string;
  missingItems: readonly string[];
  workOrderTechnical: (facts: CaseLetterFacts, kind: GridWorkKind, siteMap: string | null) => WorkOrderTechnical;
}

export class LetterSource {
  private readonly offers: OfferService;
  private readonly workOrders: WorkOrderService;

  constructor(
    private readonly context: CoreContext,
    private readonly deps: { attachments: AttachmentStore; renderer: () => PdfRenderer; letterhead: Letterhead; today: string },
    readonly samples: LetterSamples,
  ) {
    const services = { context, attachments: deps.attachments, renderer: deps.renderer, letterhead: () => deps.letterhead };
    this.offers = new OfferService(services);
    this.workOrders = new WorkOrderService(services);
  }

  private get sqlite() {
    return this.context.sqlite;
  }

  facts(caseId: number): CaseLetterFacts {
    const user = this.context.currentUser();
    const email = this.sqlite.prepare('SELECT email FROM users WHERE id = ?').get(user.id) as { email: string | null } | undefined;
    const facts = caseLetterFacts(this.sqlite, caseId, {
      letterhead: this.deps.letterhead, today: this.deps.today, caseHandler: { name: user.displayName, email: email?.email ?? null },
    });
    return {
      ...facts,
      approvalConditions: facts.approvalConditions.length > 0 ? facts.approvalConditions : [...this.samples.approvalConditions],
      decisionReason: facts.decisionReason ?? this.samples.rejectionReason,
    };
  }

  /** The offer the desk would draft today from the price list, as the owner's letter (with a fresh owner code). */
  offer(caseId: number): OfferLetterInput {
    const { offerId } = this.offers.createDraft(caseId);
    const input = this.offers.letterInput(loadOffer(this.context, offerId), this.deps.today);
    const owner = newOwnerAccess(portalUrlOf(this.sqlite, this.deps.letterhead), offerId);
    return { ...input, ownerAccess: owner.access };
  }

  /** Each grid-side work of the case and who does it: the handler's routing where set, else the proposal. */
  startApproval(caseId: number, release: StartApprovalLetterInput['release']): StartApprovalLetterInput {
    const check = installerCheckFor(this.sqlite, caseId, this.deps.today);
    const work = check.work.map((w) => {
      const routed = check.routing[w.kind];
      const performer = routed?.performer ?? w.proposed.performer;
      const supplierId = routed?.supplierId ?? w.proposed.supplier?.id ?? null;
      const name = performer === 'installer' ? check.installer.name
        : performer === 'area_supplier' ? (check.areaSuppliers.find((s) => s.id === supplierId)?.name ?? 'områdeentreprenøren')
          : this.deps.letterhead.company.name;
      return { kind: w.kind, performer, name };
    });
    return { release, work };
  }

  /** The order for the case's first grid-side work that an area supplier's agreement covers; null when none does. */
  workOrder(caseId: number): WorkOrderLetterInput | null {
    const facts = this.facts(caseId);
    const check = installerCheckFor(this.sqlite, caseId, this.deps.today);
    const suppliers = areaSuppliersCovering(this.sqlite, facts.municipalityNumber);
    for (const { kind } of check.work) {
      const supplier = suppliers.find((s) => typeof s.work[kind] === 'number');
      if (!supplier) continue;
      const days = supplier.work[kind]!;
      const input = this.workOrders.letterInput(caseId, randomUUID(), kind, supplier, this.deps.today, days);
      const siteMap = this.sqlite
        .prepare(`SELECT file_name FROM attachments WHERE case_id = ? AND kind = 'site_map' ORDER BY id LIMIT 1`)
        .get(caseId) as { file_name: string } | undefined;
      return {
        ...input,
        dueDate: workOrderDueDate(this.deps.today, days),
        orderNumber: workOrderNumber(facts.caseNumber, 1),
        technical: this.samples.workOrderTechnical(facts, kind, siteMap?.file_name ?? null),
      };
    }
    return null;
  }

  /** The price list's construction-power fees, and the period from the wanted date (or today), 90 days expected. */
  constructionPower(caseId: number): ConstructionPowerLetterInput {
    const facts = this.facts(caseId);
    const list = priceListInEffect(storedPriceLists(this.sqlite), this.deps.today);
    const fee = (code: StandardFeeCode) => {
      const found = list ? standardFee(list, code) : null;
      return found ? formatNok(Math.round(found.unitPriceOre * (found.vatCode === 'standard' ? 1.25 : 1))) : null;
    };
    // The period starts on the wanted date, but a confirmation never starts in the past.
    const wanted = facts.wantedConnectionDate ?? facts.wantedStartDate ?? this.deps.today;
    const from = wanted > this.deps.today ? wanted : this.deps.today;
    const to = new Date(`${from}T12:00:00Z`);
    to.setUTCDate(to.getUTCDate() + 90);
    return {
      periodFrom: from,
      periodTo: to.toISOString().slice(0, 10),
      cabinetId: this.samples.workOrderTechnical(facts, 'construction_power_connection', null).cabinetId ?? '',
      rentPerDay: fee('construction_power_cabinet_rent_per_day') ?? '–',
      connectFee: fee('construction_power_connect'),
      disconnectFee: fee('construction_power_disconnect'),
    };
  }

  fuseChange(caseId: number): FuseChangeLetterInput {
    const facts = this.facts(caseId);
    return { newFuseA: facts.mainFuseA ?? 0, phases: facts.phases, cost: null };
  }

  /** The case's unmet checklist items in the checklist's words, else the sample. */
  missingItems(caseId: number): string[] {
    const labels = caseCompleteness(this.sqlite, caseId).items.filter((item) => !item.ok).map((item) => item.label.nb);
    return labels.length > 0 ? labels : [...this.samples.missingItems];
  }
}

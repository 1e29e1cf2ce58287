// The offer calls of the contract: reads straight from the offers table, writes through the offer mutations.
// Issuing renders the letter first (async, Chromium), puts the PDF in the attachment store by its SHA-256, and
// only then runs the one synchronous mutation that issues the offer and records the PDF with the case.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import type {
  CreateOfferDraftResult, IssueOfferResult, MutationResult, OfferDetail, OfferSummary,
} from '../../shared/contract';
import { fail } from '../../shared/contract';
import {
  figuresNotReproduced, issuedFiguresOf, offerValidUntil, plusskundeContributionRefusal, revisedLines, standardLinesFor,
} from '../../shared/rules';
import type { IssuedFigures, OfferLine } from '../../shared/rules';
import type { AttachmentStore } from '../attachments/attachmentStore';
import { osloDate } from '../clock';
import type { CoreContext } from '../context';
import {
  calculateOrFail, createOfferDraft, issueOffer, loadOffer, loadOfferFacts, priceListOf, reviseOffer, saveOfferDraft,
  type OfferRow,
} from '../mutations/offerMutations';
import { runMutation } from '../mutations/runMutation';
import { offerLetterHtml, type OfferLetterInput } from './offerLetter';
import type { Letterhead } from './letterhead';
import type { PdfRenderer } from './pdfRenderer';
import { cadastralNumberOf, firstOf, ownerPostalAddressOf } from './letterCase';
import { newOwnerAccess, portalUrlOf } from './ownerAccess';
import { fromStoredLines } from './storedLines';
import { releaseOnAcceptance } from '../billing/localBilling';

export interface OfferServiceDeps {
  context: CoreContext;
  attachments: AttachmentStore;
  renderer: () => PdfRenderer;
  letterhead: () => Letterhead;
}

interface LetterCaseRow {
  case_number: string;
  address: string;
  postcode: string;
  post_town: string;
  municipality_number: string;
  gnr: number | null;
  bnr: number | null;
  fnr: number | null;
  snr: number | null;
  metering_point_ids: string;
  owner_name: string;
  installer_name: string | null;
  main_fuse_a: number | null;
  phases: number;
  network_system: string;
  owner_postal_address: string | null;
  owner_postcode: string | null;
  owner_post_town: string | null;
  cabinet_id: string | null;
}

export class OfferService {
  constructor(private readonly deps: OfferServiceDeps) {}

  private get sqlite() {
    return this.deps.context.sqlite;
  }

  list(caseId: number): OfferSummary[] {
    const rows = this.sqlite.prepare('SELECT * FROM offers WHERE case_id = ? ORDER BY offer_version').all(caseId) as OfferRow[];
    return rows.map((row) => this.summaryOf(row));
  }

  get(offerId: string): OfferDetail {
    const row = loadOffer(this.deps.context, offerId);
    const lines = fromStoredLines(row.lines);
    const deduction = row.connection_fee_deduction_ore || null;
    // The desk keeps an offer's content and its figures as issued (storedFigures), not the whole calculation: it is
    // worked out again from the lines and checked against the figures it was issued with.
    const calculation = calculateOrFail(lines, deduction);
    const issued = row.state === 'draft' ? null : (JSON.parse(row.totals) as Partial<IssuedFigures>);
    const differs = issued !== null && figuresNotReproduced(issued, calculation).length > 0;
    const figuresAsIssued = differs ? { ...issuedFiguresOf(calculation), ...issued } : null;
    return { ...this.summaryOf(row), lines, connectionFeeDeductionOre: deduction, calculation, figuresAsIssued };
  }

  createDraft(caseId: number): CreateOfferDraftResult & MutationResult {
    const offerId = randomUUID();
    const result = runMutation(this.deps.context, createOfferDraft, { caseId, offerId });
    const row = loadOffer(this.deps.context, offerId);
    return { ...result, offerId, offerVersion: row.offer_version, missing: this.missingOf(row) };
  }

  /** The next version of the issued offer `fromOfferId`, re-priced; `missing` names lines kept at their old price. */
  revise(fromOfferId: string): CreateOfferDraftResult & MutationResult {
    const offerId = randomUUID();
    const result = runMutation(this.deps.context, reviseOffer, { fromOfferId, offerId });
    const row = loadOffer(this.deps.context, offerId);
    const from = loadOffer(this.deps.context, fromOfferId);
    const missing = revisedLines(
      { lines: fromStoredLines(from.lines), connectionFeeDeduction: from.connection_fee_deduction_ore || null },
      null,
      priceListOf(this.deps.context, row),
    ).missing;
    return { ...result, offerId, offerVersion: row.offer_version, missing };
  }

  save(input: { offerId: string; lines: OfferLine[]; connectionFeeDeductionOre: number | null }): MutationResult {
    return runMutation(this.deps.context, saveOfferDraft, input);
  }

  async issue(offerId: string): Promise<IssueOfferResult & MutationResult> {
    const { context } = this.deps;
    const draft = loadOffer(context, offerId);
    if (draft.state !== 'draft') fail('offer.notDraft', { offerId, state: draft.state });
    // Before the letter is rendered: the mutation checks it again, in its transaction.
    const contributionOre = calculateOrFail(fromStoredLines(draft.lines), draft.connection_fee_deduction_ore || null).contributionOre;
    const refusal = plusskundeContributionRefusal(loadOfferFacts(context, draft.case_id), contributionOre);
    if (refusal) fail(refusal, { contributionOre });
    const issuedOn = osloDate(context.clock.now());
    const owner = newOwnerAccess(portalUrlOf(this.sqlite, this.deps.letterhead()), offerId);
    const letter = { ...this.letterInput(draft, issuedOn), ownerAccess: owner.access };
    const pdf = await this.deps.renderer().render(offerLetterHtml(letter));
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    const target = this.deps.attachments.pathOf(pdfSha256);
    if (!existsSync(target)) writeFileSync(target, pdf);
    const result = runMutation(context, issueOffer, {
      offerId,
      caseId: draft.case_id,
      offerVersion: draft.offer_version,
      priceListId: draft.price_list_id,
      priceListVersion: draft.price_list_version,
      // The lines as OfferLine objects: the outbox and the central database do not know the stored form.
      draftLines: JSON.stringify(fromStoredLines(draft.lines)),
      draftDeductionOre: draft.connection_fee_deduction_ore,
      issuedOn,
      validUntil: letter.validUntil,
      pdfSha256,
      pdfSizeBytes: pdf.length,
      ownerCodeSha256: owner.codeSha256,
    });
    const issued = this.summaryOf(loadOffer(context, offerId));
    return { ...result, offerId, offerVersion: issued.offerVersion, pdfAttachmentId: issued.pdfAttachmentId!, pdfSha256 };
  }

  /** The letter as the owner will read it: the case, the owner, and the draft's figures. */
  letterInput(offer: OfferRow, issuedOn: string): OfferLetterInput {
    const row = this.sqlite
      .prepare(
        `SELECT c.case_number, c.address, c.postcode, c.post_town, c.municipality_number, c.gnr, c.bnr, c.fnr, c.snr,
                c.metering_point_ids, c.owner_name, i.name AS installer_name, c.main_fuse_a, c.phases, c.network_system,
                c.owner_postal_address, c.owner_postcode, c.owner_post_town, c.cabinet_id
         FROM cases c LEFT JOIN installers i ON i.id = c.installer_id WHERE c.id = ?`,
      )
      .get(offer.case_id) as LetterCaseRow | undefined;
    if (!row) return fail('case.notFound', { caseId: offer.case_id });
    const list = priceListOf(this.deps.context, offer);
    const actor = this.deps.context.currentUser();
    const email = this.sqlite.prepare('SELECT email FROM users WHERE id = ?').get(actor.id) as { email: string | null } | undefined;
    const lines = fromStoredLines(offer.lines);
    const postal = { address: row.address, postcode: row.postcode, postTown: row.post_town };
    return {
      letterhead: this.deps.letterhead(),
      caseNumber: row.case_number,
      offerVersion: offer.offer_version,
      issuedOn,
      validUntil: offerValidUntil(issuedOn, list.offerValidity),
      paymentTermsDays: list.paymentTermsDays,
      // The company's release rule (company setting release_on_acceptance; rules/workRelease.ts).
      startApprovalOn: releaseOnAcceptance(this.sqlite) ? 'accepted' : 'paid',
      owner: { name: row.owner_name, ...ownerPostalAddressOf(row) },
      installation: { ...postal, cadastralNumber: cadastralNumberOf(row), meteringPointId: firstOf(row.metering_point_ids) },
      // The cabinet the request names (cases.cabinet_id); without one the letter says the company sets the point.
      connection: {
        mainFuseA: row.main_fuse_a, phases: row.phases, networkSystem: row.network_system,
        connectionPoint: row.cabinet_id ? `Kabelskap ${row.cabinet_id}` : null,
      },
      installerName: row.installer_name,
      caseHandler: { name: actor.displayName, phone: null, email: email?.email ?? null },
      calculation: calculateOrFail(lines, offer.connection_fee_deduction_ore || null),
      ownerAccess: null,
    };
  }

  /** Standard items the draft's price list lacks (the mutation left them out). */
  private missingOf(row: OfferRow): string[] {
    const facts = loadOfferFacts(this.deps.context, row.case_id);
    return standardLinesFor(facts.requestType, facts, priceListOf(this.deps.context, row)).missing;
  }

  private caseNumberOf(caseId: number): string {
    return (this.sqlite.prepare('SELECT case_number FROM cases WHERE id = ?').get(caseId) as { case_number: string }).case_number;
  }

  private summaryOf(row: OfferRow): OfferSummary {
    // An offer issued before the letter travelled has pdf_sha256 null centrally: its row finds the letter by name.
    const attachment = row.state === 'draft'
      ? undefined
      : (this.sqlite
          .prepare(
            `SELECT id FROM attachments WHERE case_id = ? AND mime_type = 'application/pdf' AND (sha256 = ? OR file_name = ?)
             ORDER BY id LIMIT 1`,
          )
          .get(row.case_id, row.pdf_sha256, `tilbud-${this.caseNumberOf(row.case_id)}-v${row.offer_version}.pdf`) as
          | { id: number }
          | undefined);
    const totals = JSON.parse(row.totals) as Partial<IssuedFigures>;
    return {
      id: row.id,
      caseId: row.case_id,
      offerVersion: row.offer_version,
      state: row.state,
      priceListId: row.price_list_id,
      priceListVersion: row.price_list_version,
      grossOre: totals.grossOre ?? 0,
      validUntil: row.valid_until,
      issuedAt: row.issued_at,
      issuedBy: row.issued_by,
      pdfAttachmentId: attachment?.id ?? null,
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }
}

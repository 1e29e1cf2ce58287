// Offers as mutations: a draft from the standard lines the request implies, edits to the draft, and issuing it.
// An issued offer never changes again except issued → superseded when a revised one is issued (as 0010's
// offers_guard holds centrally); its events have the shapes 0010's offers_audit writes.
import { z } from 'zod';
import { fail, OfferId, SaveOfferDraftInput } from '../../shared/contract';
import {
  calculateOffer, canWriteNotes, findPriceList, issuedFiguresOf, OfferCalculationError, offerValidUntil, plusskundeContributionRefusal,
  priceListInEffect, revisedLines, standardLinesFor, type OfferCalculation, type OfferLine, type PriceList,
  type ProductionFacts, type RequestType,
} from '../../shared/rules';
import { osloDate } from '../clock';
import type { CoreContext } from '../context';
import { loadCaseHead } from '../cases/caseRow';
import { storedPriceLists } from '../pricing/priceListStore';
import { fromStoredLines, sameStoredLines, toStoredLines } from '../offers/storedLines';
import { defineMutation, type MutationEvent } from './runMutation';
import { fileLetterOnCase } from './letterAttachment';

export interface OfferRow {
  id: string;
  case_id: number;
  offer_version: number;
  state: 'draft' | 'issued' | 'superseded';
  price_list_id: string;
  price_list_version: number;
  lines: string;
  connection_fee_deduction_ore: number;
  /** The figures as issued (storedFigures), not the whole calculation: that follows from the lines. */
  totals: string;
  valid_until: string | null;
  issued_at: string | null;
  issued_by: string | null;
  pdf_sha256: string | null;
  created_at: string;
  created_by: string;
}

/**
 * What the desk's database keeps of an offer's calculation: the four figures it was (or, for a draft, would be) issued
 * with. The rest follows from the lines (offerService works it out again and says where it no longer agrees); the
 * whole calculation is some 6 kB of JSON per offer, a third of a standalone database.
 */
export const storedFigures = (calculation: OfferCalculation): string => JSON.stringify(issuedFiguresOf(calculation));

export function loadOffer(core: CoreContext, offerId: string): OfferRow {
  const row = core.sqlite.prepare('SELECT * FROM offers WHERE id = ?').get(offerId) as OfferRow | undefined;
  return row ?? fail('offer.notFound', { offerId });
}

/** The figures of lines and a deduction, or `offer.invalid` naming what is wrong. */
export function calculateOrFail(lines: OfferLine[], deductionOre: number | null): OfferCalculation {
  try {
    return calculateOffer({ lines, connectionFeeDeduction: deductionOre || null });
  } catch (error) {
    if (error instanceof OfferCalculationError) return fail('offer.invalid', { message: error.message });
    throw error;
  }
}

export function priceListOf(core: CoreContext, offer: Pick<OfferRow, 'price_list_id' | 'price_list_version'>): PriceList {
  const list = findPriceList(storedPriceLists(core.sqlite), offer.price_list_id, offer.price_list_version);
  return list ?? fail('offer.noPriceList', { priceListId: offer.price_list_id, version: offer.price_list_version });
}

function editableDraft(core: CoreContext, offerId: string, role: Parameters<typeof canWriteNotes>[0]): OfferRow {
  const offer = loadOffer(core, offerId);
  if (!canWriteNotes(role)) fail('permission.denied');
  if (offer.state !== 'draft') fail('offer.notDraft', { offerId, state: offer.state });
  return offer;
}

/** The case's columns the standard items and the plusskunde rule read: the same names locally and centrally. */
export const OFFER_FACTS_COLUMNS = 'request_type, main_fuse_a, has_production, production_kw, network_system, phases';

export interface OfferFactsRow {
  request_type: RequestType;
  main_fuse_a: number | null;
  /** 0/1 in SQLite, a boolean in PostgreSQL. */
  has_production: boolean | number;
  production_kw: number | null;
  network_system: string;
  phases: number;
}

export function offerFactsOf(row: OfferFactsRow): ProductionFacts {
  return {
    requestType: row.request_type, mainFuseA: row.main_fuse_a, hasProduction: Boolean(row.has_production),
    productionKw: row.production_kw === null ? null : Number(row.production_kw), networkSystem: row.network_system,
    phases: row.phases,
  };
}

export function loadOfferFacts(core: CoreContext, caseId: number): ProductionFacts {
  const row = core.sqlite.prepare(`SELECT ${OFFER_FACTS_COLUMNS} FROM cases WHERE id = ?`).get(caseId) as OfferFactsRow | undefined;
  return row ? offerFactsOf(row) : fail('case.notFound', { caseId });
}

export interface DraftContent {
  list: PriceList;
  lines: OfferLine[];
  deductionOre: number;
  calculation: OfferCalculation;
}

/**
 * What a new draft holds: the standard items the request implies, priced by the list in effect on `date`. The desk
 * and the central applier both make a draft with this, so the server's draft is the one the desk showed.
 */
export function draftContent(
  lists: readonly PriceList[],
  date: string,
  facts: ProductionFacts,
): DraftContent {
  const list = priceListInEffect(lists, date) ?? fail('offer.noPriceList', { date });
  const standard = standardLinesFor(facts.requestType, facts, list);
  const calculation = calculateOrFail(standard.lines, standard.connectionFeeDeduction);
  return { list, lines: standard.lines, deductionOre: standard.connectionFeeDeduction ?? 0, calculation };
}

/** A draft made of the standard items the request implies, priced by the price list in effect today. */
export const createOfferDraft = defineMutation({
  name: 'case.createOfferDraft',
  args: z.object({ caseId: z.number().int().positive(), offerId: OfferId }),
  apply({ core, actor, now, pendingSeq }, { caseId, offerId }) {
    const head = loadCaseHead(core.sqlite, caseId);
    if (!canWriteNotes(actor.role)) fail('permission.denied');
    const draft = draftContent(storedPriceLists(core.sqlite), osloDate(new Date(now)), loadOfferFacts(core, caseId));
    insertDraft(core, caseId, offerId, draft, { now, actorId: actor.id, pendingSeq });
    // A draft is the handler's working copy: no case event (0010's audit trail starts at issue), but it ships.
    return { caseId, events: [], changedWithoutHistory: true, precondition: { claimToken: head.claim_token } };
  },
});

/** The offer a revision starts from, as stored (locally or centrally). */
export interface RevisionSource {
  priceListId: string;
  priceListVersion: number;
  lines: string;
  deductionOre: number;
}

/**
 * What a revised draft holds: the lines of the offer in force re-priced by the list in effect on `date`
 * (rules/offerRevision.ts). The desk and the central applier both make a revision with this.
 */
export function revisedDraftContent(
  lists: readonly PriceList[],
  date: string,
  from: RevisionSource,
): DraftContent & { missing: string[] } {
  const list = priceListInEffect(lists, date) ?? fail('offer.noPriceList', { date });
  const revised = revisedLines(
    { lines: fromStoredLines(from.lines), connectionFeeDeduction: from.deductionOre || null },
    findPriceList(lists, from.priceListId, from.priceListVersion),
    list,
  );
  const calculation = calculateOrFail(revised.lines, revised.connectionFeeDeduction);
  return { list, lines: revised.lines, deductionOre: revised.connectionFeeDeduction ?? 0, calculation, missing: revised.missing };
}

/** Inserts a new draft as the case's next version (the desk's copy; the central appliers insert their own). */
function insertDraft(core: CoreContext, caseId: number, offerId: string, draft: DraftContent, by: { now: string; actorId: string; pendingSeq: number | null }): void {
  const { next } = core.sqlite
    .prepare('SELECT coalesce(max(offer_version), 0) + 1 AS next FROM offers WHERE case_id = ?')
    .get(caseId) as { next: number };
  core.sqlite
    .prepare(
      `INSERT INTO offers (id, case_id, offer_version, state, price_list_id, price_list_version, lines,
         connection_fee_deduction_ore, totals, created_at, created_by, pending_seq)
       VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(offerId, caseId, next, draft.list.id, draft.list.version, toStoredLines(draft.lines), draft.deductionOre,
      storedFigures(draft.calculation), by.now, by.actorId, by.pendingSeq);
}

/**
 * The next version of an issued offer, in one step: a draft holding the issued offer's lines re-priced by the price
 * list in effect today. The issued offer stays in force until the draft is issued.
 */
export const reviseOffer = defineMutation({
  name: 'case.reviseOffer',
  args: z.object({ fromOfferId: OfferId, offerId: OfferId }),
  apply({ core, actor, now, pendingSeq }, { fromOfferId, offerId }) {
    const from = loadOffer(core, fromOfferId);
    if (!canWriteNotes(actor.role)) fail('permission.denied');
    if (from.state !== 'issued') fail('offer.notInForce', { offerId: fromOfferId, state: from.state });
    const head = loadCaseHead(core.sqlite, from.case_id);
    const draft = revisedDraftContent(storedPriceLists(core.sqlite), osloDate(new Date(now)), {
      priceListId: from.price_list_id,
      priceListVersion: from.price_list_version,
      lines: from.lines,
      deductionOre: from.connection_fee_deduction_ore,
    });
    insertDraft(core, from.case_id, offerId, draft, { now, actorId: actor.id, pendingSeq });
    return { caseId: from.case_id, events: [], changedWithoutHistory: true, precondition: { claimToken: head.claim_token } };
  },
});

export const saveOfferDraft = defineMutation({
  name: 'case.saveOfferDraft',
  args: SaveOfferDraftInput,
  apply({ core, actor, pendingSeq }, { offerId, lines, connectionFeeDeductionOre }) {
    const offer = editableDraft(core, offerId, actor.role);
    const head = loadCaseHead(core.sqlite, offer.case_id);
    const calculation = calculateOrFail(lines, connectionFeeDeductionOre);
    core.sqlite
      .prepare('UPDATE offers SET lines = ?, connection_fee_deduction_ore = ?, totals = ?, pending_seq = ? WHERE id = ?')
      .run(toStoredLines(lines), connectionFeeDeductionOre ?? 0, storedFigures(calculation), pendingSeq, offerId);
    return { caseId: offer.case_id, events: [], changedWithoutHistory: true, precondition: { claimToken: head.claim_token } };
  },
});

/**
 * The draft as the letter showed it: the case, version, price list and the figures' inputs. The central draft is
 * checked against them; an entry written before drafts travelled carries the only copy of the draft's content.
 */
export const IssueOfferArgs = z.object({
  offerId: OfferId,
  caseId: z.number().int().positive(),
  offerVersion: z.number().int().positive(),
  priceListId: z.string().min(1),
  priceListVersion: z.number().int().positive(),
  draftLines: z.string(),
  draftDeductionOre: z.number().int(),
  issuedOn: z.iso.date(),
  validUntil: z.iso.date(),
  pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
  pdfSizeBytes: z.number().int().positive(),
  /** SHA-256 of the owner's code printed in the letter (offers/ownerAccess.ts); absent from desks before it. */
  ownerCodeSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

/**
 * Issues a draft whose letter has already been rendered (rendering is async; a mutation is one synchronous
 * transaction). `draftLines`/`draftDeductionOre` are what the PDF was made from: if the draft changed meanwhile,
 * the issue is refused rather than store a letter that says something else.
 */
export const issueOffer = defineMutation({
  name: 'case.issueOffer',
  args: IssueOfferArgs,
  apply({ core, actor, now, pendingSeq }, args) {
    const offer = editableDraft(core, args.offerId, actor.role);
    if (offer.case_id !== args.caseId || offer.offer_version !== args.offerVersion
      || offer.price_list_id !== args.priceListId || offer.price_list_version !== args.priceListVersion) {
      fail('offer.changedWhileIssuing', { offerId: offer.id });
    }
    if (!sameStoredLines(offer.lines, args.draftLines) || offer.connection_fee_deduction_ore !== args.draftDeductionOre) {
      fail('offer.changedWhileIssuing', { offerId: offer.id });
    }
    const head = loadCaseHead(core.sqlite, offer.case_id);
    const calculation = calculateOrFail(fromStoredLines(offer.lines), offer.connection_fee_deduction_ore);
    const refusal = plusskundeContributionRefusal(loadOfferFacts(core, offer.case_id), calculation.contributionOre);
    if (refusal) fail(refusal, { contributionOre: calculation.contributionOre });
    const validUntil = offerValidUntil(args.issuedOn, priceListOf(core, offer).offerValidity);
    if (validUntil !== args.validUntil) fail('offer.changedWhileIssuing', { offerId: offer.id });

    const events: MutationEvent[] = [];
    const earlier = core.sqlite
      .prepare("SELECT id, offer_version FROM offers WHERE case_id = ? AND state = 'issued' ORDER BY offer_version")
      .all(offer.case_id) as { id: string; offer_version: number }[];
    for (const previous of earlier) {
      core.sqlite.prepare("UPDATE offers SET state = 'superseded', pending_seq = ? WHERE id = ?").run(pendingSeq, previous.id);
      events.push({ kind: 'offer_superseded', data: { offerId: previous.id, version: previous.offer_version } });
    }
    core.sqlite
      .prepare(
        `UPDATE offers SET state = 'issued', totals = ?, valid_until = ?, issued_at = ?, issued_by = ?, pdf_sha256 = ?,
           pending_seq = ?
         WHERE id = ?`,
      )
      .run(storedFigures(calculation), validUntil, now, actor.id, args.pdfSha256, pendingSeq, offer.id);
    fileLetterOnCase(core.sqlite, {
      caseId: offer.case_id,
      fileName: offerPdfName(head.case_number, offer.offer_version),
      sizeBytes: args.pdfSizeBytes,
      sha256: args.pdfSha256,
      receivedAt: now,
      pendingSeq,
    });
    events.push({ kind: 'offer_issued', data: { offerId: offer.id, version: offer.offer_version, totalOre: calculation.grossOre } });
    return { caseId: offer.case_id, events, precondition: { claimToken: head.claim_token } };
  },
});

export const offerPdfName = (caseNumber: string, offerVersion: number): string => `tilbud-${caseNumber}-v${offerVersion}.pdf`;

// Offers: a draft made from the price list, saved, revised from the offer in force, issued with its letter.
import type pg from 'pg';
import type { ApplierFiles, CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { IssueOfferArgs, createOfferDraft, issueOffer, reviseOffer, saveOfferDraft } from '../offerMutations';
import { RefusedByCentral } from '../../sync/centralErrors';
import { lockCase, presentClaim } from '../../sync/centralCase';
import { letterToSend } from '../../sync/letterToSend';
import { sameStoredLines } from '../../offers/storedLines';
import { centralToday } from '../../sync/centralToday';
import {
  centralDraftContent, centralProductionFacts, centralRevisedContent, insertCentralDraft,
} from '../../sync/centralOfferDraft';
import { SaveOfferDraftInput } from '../../../shared/contract';
import {
  addWorkingDays, calculateOffer, offerValidUntil, plusskundeContributionRefusal, type OfferCalculation, type OfferLine,
  type PriceList, type MutationName,
} from '../../../shared/rules';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

/** How many working days back an offer issued on a desk that was offline may still be dated. */
const OFFLINE_ISSUE_WORKING_DAYS = 5;

const central = {
  // Offer drafts (mutations/offerMutations.ts) travel like any casework, under the claim: a new draft is made by the
  // same rule as on the desk from the central price lists and case; a save replaces the draft's lines.
  async 'case.createOfferDraft'(client: pg.ClientBase, { args, precondition }: OutboxEntry) {
    const caseId = Number(args.caseId);
    const state = await lockCase(client, caseId);
    await presentClaim(client, state, precondition.claimToken);
    const draft = await centralDraftContent(client, caseId);
    await insertCentralDraft(client, String(args.offerId), caseId, draft);
  },

  // A revision: the offer in force copied and re-priced by the same rule as on the desk, in this one transaction.
  async 'case.reviseOffer'(client: pg.ClientBase, { args, precondition, caseId }: OutboxEntry) {
    const state = await lockCase(client, Number(caseId));
    await presentClaim(client, state, precondition.claimToken);
    const draft = await centralRevisedContent(client, String(args.fromOfferId));
    if (draft.caseId !== Number(caseId)) throw new RefusedByCentral('invalid', 'offer of another case');
    await insertCentralDraft(client, String(args.offerId), draft.caseId, draft);
  },

  async 'case.saveOfferDraft'(client: pg.ClientBase, { args, precondition }: OutboxEntry) {
    const parsed = SaveOfferDraftInput.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'offer arguments');
    const { offerId, lines, connectionFeeDeductionOre } = parsed.data;
    const found = await client.query<{ case_id: string }>('SELECT case_id FROM offers WHERE id = $1', [offerId]);
    if (found.rows.length === 0) throw new RefusedByCentral('invalid', 'offer missing');
    const state = await lockCase(client, Number(found.rows[0].case_id));
    const offer = await client.query<{ state: string }>('SELECT state FROM offers WHERE id = $1', [offerId]);
    if (offer.rows[0].state !== 'draft') throw new RefusedByCentral('statusChanged', offer.rows[0].state);
    await presentClaim(client, state, precondition.claimToken);
    let totals: OfferCalculation;
    try {
      totals = calculateOffer({ lines, connectionFeeDeduction: connectionFeeDeductionOre || null });
    } catch {
      throw new RefusedByCentral('invalid', 'offer lines');
    }
    await client.query('UPDATE offers SET lines = $2, connection_fee_deduction_ore = $3, totals = $4 WHERE id = $1', [
      offerId, JSON.stringify(lines), connectionFeeDeductionOre ?? 0, JSON.stringify(totals),
    ]);
  },

  // Issuing: the central draft becomes the issued offer, if it is still what the letter was rendered from; an entry
  // written before drafts travelled carries the draft and is inserted whole. Earlier issued offers of the case become
  // superseded first; the audit trigger (0010) writes offer_superseded and offer_issued, issued_by is desk_actor().
  // The letter goes in the same transaction through store_offer_letter (0011), the one way a case handler may store
  // a file centrally; a desk that no longer has the file issues the offer without naming a letter.
  async 'case.issueOffer'(client: pg.ClientBase, { args, precondition, createdAt }: OutboxEntry, files?: ApplierFiles) {
    const parsed = IssueOfferArgs.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'offer arguments');
    const offer = parsed.data;
    const state = await lockCase(client, offer.caseId);
    await presentClaim(client, state, precondition.claimToken);
    let totals: OfferCalculation;
    try {
      const lines = JSON.parse(offer.draftLines) as OfferLine[];
      if (!Array.isArray(lines) || lines.length === 0) throw new Error('an offer without lines');
      totals = calculateOffer({ lines, connectionFeeDeduction: offer.draftDeductionOre || null });
    } catch {
      throw new RefusedByCentral('invalid', 'offer lines');
    }
    // A plusskunde within the main fuse pays no contribution (rules/plusskunde.ts): the desk's check, again here.
    const refusal = plusskundeContributionRefusal(await centralProductionFacts(client, offer.caseId), totals.contributionOre);
    if (refusal) throw new RefusedByCentral('invalid', refusal);
    // The letter's dates as the rules and the server's calendar say: issued today or in the last days (an offer
    // issued offline arrives later), valid for as long as the offer's own price list says.
    const { rows: [listRow] } = await client.query<{ body: string }>(
      'SELECT body FROM price_lists WHERE id = $1 AND list_version = $2', [offer.priceListId, offer.priceListVersion],
    );
    if (!listRow) throw new RefusedByCentral('invalid', 'offer.noPriceList');
    const today = await centralToday(client);
    const earliest = addWorkingDays(today, -OFFLINE_ISSUE_WORKING_DAYS);
    if (offer.issuedOn > today || offer.issuedOn < earliest) throw new RefusedByCentral('invalid', 'offer.issuedOn');
    if (offer.validUntil !== offerValidUntil(offer.issuedOn, (JSON.parse(listRow.body) as PriceList).offerValidity)) {
      throw new RefusedByCentral('invalid', 'offer.validUntil');
    }
    const letter = letterToSend(files, offer.pdfSha256);
    const pdfSha256 = letter ? offer.pdfSha256 : null;
    const { rows: [central] } = await client.query<{
      state: string; case_id: string; offer_version: number; price_list_id: string; price_list_version: number;
      lines: string; deduction: string;
    }>(
      `SELECT state, case_id, offer_version, price_list_id, price_list_version, lines,
              connection_fee_deduction_ore AS deduction
       FROM offers WHERE id = $1 FOR UPDATE`,
      [offer.offerId],
    );
    if (central) {
      if (central.state !== 'draft') throw new RefusedByCentral('statusChanged', central.state);
      const same = Number(central.case_id) === offer.caseId && central.offer_version === offer.offerVersion
        && central.price_list_id === offer.priceListId && central.price_list_version === offer.priceListVersion
        && Number(central.deduction) === offer.draftDeductionOre && sameStoredLines(central.lines, offer.draftLines);
      if (!same) throw new RefusedByCentral('invalid', 'offerChangedWhileIssuing');
    }
    await client.query(
      "UPDATE offers SET state = 'superseded' WHERE case_id = $1 AND state = 'issued' AND id <> $2",
      [offer.caseId, offer.offerId],
    );
    if (central) {
      await client.query(
        `UPDATE offers SET state = 'issued', totals = $2, valid_until = $3, issued_at = $4, pdf_sha256 = $5 WHERE id = $1`,
        [offer.offerId, JSON.stringify(totals), offer.validUntil, createdAt, pdfSha256],
      );
    } else {
      await client.query(
        `INSERT INTO offers (id, case_id, offer_version, state, price_list_id, price_list_version, lines,
           connection_fee_deduction_ore, totals, valid_until, issued_at, pdf_sha256)
         VALUES ($1, $2, $3, 'issued', $4, $5, $6, $7, $8, $9, $10, $11)`,
        [offer.offerId, offer.caseId, offer.offerVersion, offer.priceListId, offer.priceListVersion, offer.draftLines,
          offer.draftDeductionOre, JSON.stringify(totals), offer.validUntil, createdAt, pdfSha256],
      );
    }
    if (pdfSha256) await client.query('SELECT store_offer_letter($1, $2)', [offer.offerId, letter]);
    // Only the hash of the owner's code travels; it answers the owner in the portal (central 0024).
    if (offer.ownerCodeSha256) await client.query('SELECT owner_offer_code_set($1, $2)', [offer.offerId, offer.ownerCodeSha256]);
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const offerMutations = {
  'case.createOfferDraft': { local: createOfferDraft, central: central['case.createOfferDraft'] },
  'case.saveOfferDraft': { local: saveOfferDraft, central: central['case.saveOfferDraft'] },
  'case.reviseOffer': { local: reviseOffer, central: central['case.reviseOffer'] },
  'case.issueOffer': { local: issueOffer, central: central['case.issueOffer'] },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const offerMutationHandlers = ({ mutate, central, offers }: MutationCallServices) => ({
  'case.createOfferDraft': (input) => mutate(() => offers.createDraft(input.caseId)),
  'case.saveOfferDraft': (input) => mutate(() => offers.save(input)),
  'case.reviseOffer': (input) => mutate(() => offers.revise(input.fromOfferId)),
  'case.issueOffer': async (input) => {
    const result = await offers.issue(input.offerId);
    central?.engine.nudge();
    return result;
  },
}) satisfies DomainHandlers;

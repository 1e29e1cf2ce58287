// What the central appliers of the offer mutations read from PostgreSQL: a new draft made by the same rule as on
// the desk (mutations/offerMutations.ts `draftContent`) from the central price lists and case.
import type pg from 'pg';
import { AppFailure } from '../../shared/contract';
import type { PriceList, ProductionFacts } from '../../shared/rules';
import {
  draftContent, OFFER_FACTS_COLUMNS, offerFactsOf, revisedDraftContent, type DraftContent, type OfferFactsRow,
} from '../mutations/offerMutations';
import { RefusedByCentral } from './centralErrors';
import { centralToday } from './centralToday';

async function centralPriceLists(client: pg.ClientBase): Promise<PriceList[]> {
  const { rows } = await client.query<{ body: string }>('SELECT body FROM price_lists');
  return rows.map((row) => JSON.parse(row.body) as PriceList);
}

/** A draft's content, or the refusal the desk will show for a rule the server's data breaks. */
function refusedUnless<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof AppFailure) throw new RefusedByCentral('invalid', error.appError.code);
    throw error;
  }
}

/** The case's facts the standard items and the plusskunde rule read, as the server has them. */
export async function centralProductionFacts(client: pg.ClientBase, caseId: number): Promise<ProductionFacts> {
  const { rows } = await client.query<OfferFactsRow>(`SELECT ${OFFER_FACTS_COLUMNS} FROM cases WHERE id = $1`, [caseId]);
  if (rows.length === 0) throw new RefusedByCentral('caseMissing');
  return offerFactsOf(rows[0]);
}

export async function centralDraftContent(client: pg.ClientBase, caseId: number): Promise<DraftContent> {
  const lists = await centralPriceLists(client);
  const facts = await centralProductionFacts(client, caseId);
  const today = await centralToday(client);
  return refusedUnless(() => draftContent(lists, today, facts));
}

/**
 * The revision of the central offer `fromOfferId` by the same rule as on the desk, with its case. Only the issued
 * offer is revised: one superseded meanwhile is refused as a changed status. The price list is the one in effect on
 * the server's today (centralToday.ts), not the desk's. Call with the case locked.
 */
export async function centralRevisedContent(
  client: pg.ClientBase,
  fromOfferId: string,
): Promise<DraftContent & { caseId: number }> {
  const { rows } = await client.query<{
    case_id: string; state: string; price_list_id: string; price_list_version: number; lines: string; deduction: string;
  }>(
    `SELECT case_id, state, price_list_id, price_list_version, lines, connection_fee_deduction_ore AS deduction
     FROM offers WHERE id = $1`,
    [fromOfferId],
  );
  if (rows.length === 0) throw new RefusedByCentral('invalid', 'offer missing');
  const from = rows[0];
  if (from.state !== 'issued') throw new RefusedByCentral('statusChanged', from.state);
  const lists = await centralPriceLists(client);
  const today = await centralToday(client);
  const draft = refusedUnless(() => revisedDraftContent(lists, today, {
    priceListId: from.price_list_id,
    priceListVersion: Number(from.price_list_version),
    lines: from.lines,
    deductionOre: Number(from.deduction),
  }));
  return { ...draft, caseId: Number(from.case_id) };
}

/** Inserts a draft as the case's next version; created_by/created_at take the server's defaults. */
export async function insertCentralDraft(client: pg.ClientBase, offerId: string, caseId: number, draft: DraftContent): Promise<void> {
  await client.query(
    `INSERT INTO offers (id, case_id, offer_version, state, price_list_id, price_list_version, lines,
       connection_fee_deduction_ore, totals)
     VALUES ($1, $2, (SELECT coalesce(max(offer_version), 0) + 1 FROM offers WHERE case_id = $2), 'draft', $3, $4, $5, $6, $7)`,
    [offerId, caseId, draft.list.id, draft.list.version, JSON.stringify(draft.lines), draft.deductionOre,
      JSON.stringify(draft.calculation)],
  );
}

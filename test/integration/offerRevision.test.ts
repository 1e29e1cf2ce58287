// Revising an issued offer, standalone against a real SQLite file: one call makes the next version as a draft, with
// the issued offer's lines re-priced by the price list in effect today (quantities and hand-typed lines kept), while
// the issued offer stays in force; only the offer in force can be revised, and a refusal writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError, CreateOfferDraftResult, OfferDetail, OfferSummary, PriceListDetail } from '../../shared/contract';
import type { OfferLine } from '../../shared/rules';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

const SUPERVISOR = 'marit.rosseland';
const TODAY = '2026-11-27'; // HARNESS_NOW in Oslo
let harness: InProcessHarness;
let caseId: number;

beforeEach(() => {
  harness = startInProcessHarness({ cases: 20, userId: SUPERVISOR });
  caseId = (sqlite().prepare("SELECT id FROM cases WHERE request_type = 'new_installation' AND id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 1").get() as { id: number }).id;
  sqlite().prepare('UPDATE cases SET main_fuse_a = 63 WHERE id = ?').run(caseId);
});
afterEach(() => harness.dispose());

const sqlite = () => harness.core.database.sqlite;
async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await harness.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
async function refused(name: string, input: unknown): Promise<AppError> {
  const result = await harness.core.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.error;
}
const offerRows = () => sqlite().prepare('SELECT * FROM offers WHERE case_id = ? ORDER BY offer_version').all(caseId);
const outboxMutations = () => (sqlite().prepare('SELECT mutation FROM outbox ORDER BY seq').all() as { mutation: string }[]).map((r) => r.mutation);

const freeLine: OfferLine = {
  id: 'free:rock', component: 'groundworks', kind: 'work', description: 'Sprenging av fjell', quantityMilli: 3500, unit: 'time',
  unitPriceOre: 145_000, vatCode: 'exempt', source: null,
};

/** Version 1 issued with a longer cable and a free line; then version 3 of the price list, 15 000 øre dearer, from today. */
async function issuedThenNewPrices(): Promise<OfferDetail> {
  const draft = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
  const made = await ok<OfferDetail>('offer.get', { offerId: draft.offerId });
  const lines = made.lines.map((line) => line.id === 'std:cable_tfxp_4x50_al' ? { ...line, quantityMilli: 40_000 } : line);
  await ok('case.saveOfferDraft', { offerId: draft.offerId, lines: [...lines, freeLine], connectionFeeDeductionOre: made.connectionFeeDeductionOre });
  await ok('case.issueOffer', { offerId: draft.offerId });
  const current = await ok<PriceListDetail>('priceList.get', { id: 'agder-nett-standard', version: 2 });
  const v3 = structuredClone(current.priceList);
  for (const item of v3.catalogue) item.unitPriceOre += 15_000;
  for (const fee of v3.standardFees) fee.unitPriceOre += 15_000;
  await ok('priceList.publish', { priceList: { ...v3, version: 3, effectiveFrom: TODAY } });
  return ok<OfferDetail>('offer.get', { offerId: draft.offerId });
}

describe('case.reviseOffer', () => {
  it('makes the next version in one step, re-priced by the list in effect, the issued offer still in force', async () => {
    const issued = await issuedThenNewPrices();
    const before = outboxMutations();
    const revised = await ok<CreateOfferDraftResult>('case.reviseOffer', { fromOfferId: issued.id });
    expect(revised).toMatchObject({ offerVersion: 2, missing: [] });
    // One mutation, so the central database gets the whole revision or none of it.
    expect(outboxMutations()).toEqual([...before, 'case.reviseOffer']);

    const draft = await ok<OfferDetail>('offer.get', { offerId: revised.offerId });
    expect(draft).toMatchObject({ state: 'draft', priceListId: 'agder-nett-standard', priceListVersion: 3 });
    expect(draft.lines.map((line) => line.id)).toEqual(issued.lines.map((line) => line.id));
    for (const line of draft.lines) {
      const old = issued.lines.find((candidate) => candidate.id === line.id)!;
      expect(line.quantityMilli).toBe(old.quantityMilli);
      if (old.source) {
        expect(line.unitPriceOre).toBe(old.unitPriceOre + 15_000);
        expect(line.source).toEqual({ ...old.source, version: 3 });
      } else {
        expect(line).toEqual(old);
      }
    }
    expect(draft.lines.find((line) => line.id === 'std:cable_tfxp_4x50_al')?.quantityMilli).toBe(40_000);
    expect(draft.connectionFeeDeductionOre).toBe(245_000);
    expect(draft.calculation.grossOre).toBeGreaterThan(issued.calculation.grossOre);

    const list = await ok<OfferSummary[]>('offer.list', { caseId });
    expect(list.map((o) => [o.offerVersion, o.state, o.priceListVersion])).toEqual([[1, 'issued', 2], [2, 'draft', 3]]);
  });

  it('refuses a draft, a superseded offer and an unknown one, writing nothing', async () => {
    const issued = await issuedThenNewPrices();
    const revised = await ok<CreateOfferDraftResult>('case.reviseOffer', { fromOfferId: issued.id });
    await ok('case.issueOffer', { offerId: revised.offerId });
    const rows = offerRows();
    const outbox = outboxMutations();
    expect(await refused('case.reviseOffer', { fromOfferId: issued.id }))
      .toMatchObject({ code: 'offer.notInForce', params: { state: 'superseded' } });
    const draft = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    expect(await refused('case.reviseOffer', { fromOfferId: draft.offerId })).toMatchObject({ code: 'offer.notInForce', params: { state: 'draft' } });
    expect(await refused('case.reviseOffer', { fromOfferId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'offer.notFound' });
    expect(await refused('case.reviseOffer', { fromOfferId: issued.id, caseId })).toMatchObject({ code: 'input.invalid' });
    expect(offerRows()).toEqual([...rows, expect.objectContaining({ id: draft.offerId })]);
    expect(outboxMutations()).toEqual([...outbox, 'case.createOfferDraft']);
  });
});

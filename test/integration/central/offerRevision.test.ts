// Revising an offer on a real PostgreSQL: the desk's one `case.reviseOffer` arrives centrally as one draft made by the
// same rule — the issued offer's lines re-priced by the list in effect — so the desk can issue it and the central
// offer in force is replaced; a revision of an offer no longer in force is refused and writes nothing.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { centralApplierFor } from '../../../core/sync/centralAppliers';
import type {
  CreateOfferDraftResult, OfferDetail, PriceListDetail, PriceListOverview,
} from '../../../shared/contract';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';
import { ok } from '../../support/apiResult';

let admin: pg.Client;
let anne: Client;
let sara: Client;

const central = useCentralDatabase('offer_revision', {
  seedCases: 30,
  timeout: 60_000,
  async setup() {
    admin = central.admin;
    anne = await central.startClient('anne', 'case_handler');
    sara = await central.startClient('sara', 'supervisor');
    await eventually(() => sara.core.context.currentUser().role === 'supervisor', 15_000, "sara's role");
    await Promise.all([anne.core.central!.engine.whenIdle(), sara.core.central!.engine.whenIdle()]);
  },
});

const pendingCount = (client: Client) =>
  (client.core.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n;

async function pushed(client: Client): Promise<void> {
  await eventually(() => pendingCount(client) === 0, 10_000, 'the push');
  await client.core.central!.engine.whenIdle();
  expect(ok<unknown[]>(await client.core.dispatch('outbox.refused', {}))).toEqual([]);
}

/** A case with no offer yet (the demo's new installations have theirs), made a new installation and claimed. */
async function claimedNewInstallation(): Promise<number> {
  const { rows } = await admin.query<{ id: string }>(
    `SELECT id FROM cases WHERE claimed_by IS NULL AND id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 1`,
  );
  const caseId = Number(rows[0].id);
  await admin.query("UPDATE cases SET request_type = 'new_installation' WHERE id = $1", [caseId]);
  await eventually(
    () => (anne.core.handlers['case.get']({ caseId }) as { requestType: string }).requestType === 'new_installation',
    5_000,
    'the new installation in the cache',
  );
  ok(await anne.core.dispatch('case.claim', { caseId }));
  await eventually(
    () => (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state === 'mine',
    5_000,
    'the claim',
  );
  return caseId;
}

/** A new version of the price list from today, every price 20 000 øre dearer, published by sara and pulled by anne. */
async function dearerPricesFromToday(): Promise<number> {
  const overview = ok<PriceListOverview>(await sara.core.dispatch('priceList.list', {}));
  const newest = overview.versions[0];
  const detail = ok<PriceListDetail>(await sara.core.dispatch('priceList.get', { id: newest.id, version: newest.version }));
  const list = structuredClone(detail.priceList);
  for (const item of list.catalogue) item.unitPriceOre += 20_000;
  for (const fee of list.standardFees) fee.unitPriceOre += 20_000;
  ok(await sara.core.dispatch('priceList.publish', { priceList: { ...list, version: detail.nextVersion, effectiveFrom: overview.today } }));
  await pushed(sara);
  await eventually(
    () => (anne.core.handlers['priceList.list']({}) as PriceListOverview).versions
      .some((v) => v.version === detail.nextVersion && v.state === 'inEffect'),
    10_000,
    'the new version at anne',
  );
  return detail.nextVersion;
}

const centralOffers = async (caseId: number) =>
  (await admin.query<{ id: string; offer_version: number; state: string; price_list_version: number; lines: string; created_by: string }>(
    'SELECT id, offer_version, state, price_list_version, lines, created_by FROM offers WHERE case_id = $1 ORDER BY offer_version',
    [caseId],
  )).rows;

describe('case.reviseOffer against PostgreSQL', () => {
  it('arrives as one re-priced draft the desk then issues, replacing the offer in force', async () => {
    const caseId = await claimedNewInstallation();
    const first = ok<CreateOfferDraftResult>(await anne.core.dispatch('case.createOfferDraft', { caseId }));
    ok(await anne.core.dispatch('case.issueOffer', { offerId: first.offerId }));
    await pushed(anne);
    const issued = ok<OfferDetail>(await anne.core.dispatch('offer.get', { offerId: first.offerId }));
    const newVersion = await dearerPricesFromToday();

    const revised = ok<CreateOfferDraftResult>(await anne.core.dispatch('case.reviseOffer', { fromOfferId: first.offerId }));
    const local = ok<OfferDetail>(await anne.core.dispatch('offer.get', { offerId: revised.offerId }));
    expect(local.priceListVersion).toBe(newVersion);
    expect(local.lines.every((line, i) => line.unitPriceOre === issued.lines[i].unitPriceOre + 20_000)).toBe(true);
    await pushed(anne);

    const rows = await centralOffers(caseId);
    expect(rows.map((r) => [r.offer_version, r.state, r.price_list_version])).toEqual([[1, 'issued', issued.priceListVersion], [2, 'draft', newVersion]]);
    expect(rows[1]).toMatchObject({ id: revised.offerId, created_by: anne.login });
    expect(JSON.parse(rows[1].lines)).toEqual(local.lines);

    // The central draft is the one the desk showed, so issuing it is accepted there.
    ok(await anne.core.dispatch('case.issueOffer', { offerId: revised.offerId }));
    await pushed(anne);
    expect((await centralOffers(caseId)).map((r) => r.state)).toEqual(['superseded', 'issued']);
  });

  it('refuses centrally to revise an offer no longer in force, writing nothing', async () => {
    const { rows } = await admin.query<{ id: string; case_id: string }>("SELECT id, case_id FROM offers WHERE state = 'superseded' LIMIT 1");
    const caseId = Number(rows[0].case_id);
    const { rows: [head] } = await admin.query<{ claim_token: number }>('SELECT claim_token FROM cases WHERE id = $1', [caseId]);
    const before = await centralOffers(caseId);
    const direct = new pg.Client({ connectionString: central.db.urlFor(anne.login) });
    await direct.connect();
    try {
      await direct.query('BEGIN');
      const entry = {
        seq: 1, mutation: 'case.reviseOffer', args: { fromOfferId: rows[0].id, offerId: '11111111-1111-4111-8111-111111111111' },
        precondition: { claimToken: head.claim_token }, caseId, createdAt: new Date().toISOString(),
      };
      await expect(centralApplierFor('case.reviseOffer')!(direct, entry)).rejects.toMatchObject({ reason: 'statusChanged', detail: 'superseded' });
      await direct.query('ROLLBACK');
    } finally {
      await direct.end();
    }
    expect(await centralOffers(caseId)).toEqual(before);
  });
});

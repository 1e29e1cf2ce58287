// The price list maintained in the app, standalone against a real SQLite file: everyone reads the versions (which one
// is in effect today) and one version whole; a supervisor publishes a new version made from the newest, stored at
// once and audited in the outbox; a case handler, an effective date in the past, a version number already taken and
// a list that breaks the file's rules are refused before anything is written. An offer keeps the version it was
// made with.
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AppError, CreateOfferDraftResult, OfferDetail, PriceListDetail, PriceListOverview, PriceListVersionSummary,
} from '../../shared/contract';
import type { PriceList } from '../../shared/rules';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

const SUPERVISOR = 'marit.rosseland';
const TODAY = '2026-11-27'; // HARNESS_NOW in Oslo
let harness: InProcessHarness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

function start(userId?: string): InProcessHarness {
  harness = startInProcessHarness({ cases: 20, userId });
  return harness;
}

async function call<T>(h: InProcessHarness, name: string, input: unknown): Promise<T> {
  const result = await h.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function refusal(h: InProcessHarness, name: string, input: unknown): Promise<AppError> {
  const result = await h.core.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error;
}

const storedVersions = (h: InProcessHarness) =>
  h.core.database.sqlite.prepare('SELECT id, list_version AS version, effective_from AS effectiveFrom FROM price_lists ORDER BY list_version').all();
const publishCount = (h: InProcessHarness) =>
  (h.core.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE mutation = 'priceList.publish'").get() as { n: number }).n;

/** The newest version, copied as the screen does: next version number, a new date, the first fee raised. */
async function nextFromNewest(h: InProcessHarness, effectiveFrom: string, raiseOre = 10_000): Promise<PriceList> {
  const overview = await call<PriceListOverview>(h, 'priceList.list', {});
  const newest = overview.versions[0];
  const detail = await call<PriceListDetail>(h, 'priceList.get', { id: newest.id, version: newest.version });
  const copy = structuredClone(detail.priceList);
  copy.standardFees[0].unitPriceOre += raiseOre;
  return { ...copy, version: detail.nextVersion, effectiveFrom };
}

describe('priceList.list and priceList.get', () => {
  it('lists the versions newest first with the one in effect today, and gives one whole', async () => {
    const h = start();
    const overview = await call<PriceListOverview>(h, 'priceList.list', {});
    expect(overview.today).toBe(TODAY);
    expect(overview.canPublish).toBe(false);
    expect(overview.versions.map((v) => [v.version, v.effectiveFrom, v.state])).toEqual([
      [2, '2026-01-01', 'inEffect'],
      [1, '2025-01-01', 'earlier'],
    ]);
    const detail = await call<PriceListDetail>(h, 'priceList.get', { id: 'agder-nett-standard', version: 2 });
    expect(detail).toMatchObject({ version: 2, state: 'inEffect', nextVersion: 3, itemCount: 20 });
    expect(detail.priceList.catalogue[0]).toMatchObject({ component: expect.any(String), kind: expect.any(String), vatCode: expect.any(String) });
    expect(detail.priceList.paymentTermsDays).toBe(30);
    expect(await refusal(h, 'priceList.get', { id: 'agder-nett-standard', version: 9 })).toMatchObject({ code: 'priceList.notFound' });
  });
});

describe('priceList.publish', () => {
  it('a supervisor publishes a version effective tomorrow: stored, listed as upcoming, audited', async () => {
    const h = start(SUPERVISOR);
    const list = await nextFromNewest(h, '2026-11-28');
    const published = await call<PriceListVersionSummary>(h, 'priceList.publish', { priceList: list });
    expect(published).toMatchObject({ version: 3, effectiveFrom: '2026-11-28', state: 'upcoming' });
    expect(storedVersions(h)).toContainEqual({ id: list.id, version: 3, effectiveFrom: '2026-11-28' });
    expect(publishCount(h)).toBe(1);
    const overview = await call<PriceListOverview>(h, 'priceList.list', {});
    expect(overview.versions.map((v) => [v.version, v.state])).toEqual([[3, 'upcoming'], [2, 'inEffect'], [1, 'earlier']]);
    const stored = await call<PriceListDetail>(h, 'priceList.get', { id: list.id, version: 3 });
    expect(stored.priceList).toEqual(list);
  });

  it('an offer keeps the version it was made with; a draft made after a version takes effect uses the new one', async () => {
    const h = start(SUPERVISOR);
    const caseId = (h.core.database.sqlite.prepare("SELECT id FROM cases WHERE request_type = 'new_installation' ORDER BY id LIMIT 1").get() as { id: number }).id;
    await call(h, 'case.claim', { caseId });
    const before = await call<CreateOfferDraftResult>(h, 'case.createOfferDraft', { caseId });
    const made = await call<OfferDetail>(h, 'offer.get', { offerId: before.offerId });
    const list = await nextFromNewest(h, TODAY, 50_000);
    await call(h, 'priceList.publish', { priceList: list });
    const old = await call<OfferDetail>(h, 'offer.get', { offerId: before.offerId });
    expect(old.priceListVersion).toBe(2);
    expect(old.lines).toEqual(made.lines);
    const after = await call<CreateOfferDraftResult>(h, 'case.createOfferDraft', { caseId });
    expect((await call<OfferDetail>(h, 'offer.get', { offerId: after.offerId })).priceListVersion).toBe(3);
  });

  it('refuses a case handler, a past date, a taken version and a broken list, writing nothing', async () => {
    const handler = start();
    const list = await nextFromNewest(handler, '2026-12-01');
    expect(await refusal(handler, 'priceList.publish', { priceList: list })).toMatchObject({ code: 'permission.denied' });
    expect(publishCount(handler)).toBe(0);
    await handler.dispose();

    const h = start(SUPERVISOR);
    const fresh = await nextFromNewest(h, '2026-12-01');
    expect(await refusal(h, 'priceList.publish', { priceList: { ...fresh, effectiveFrom: '2026-11-26' } }))
      .toMatchObject({ code: 'priceList.effectiveInPast', params: { effectiveFrom: '2026-11-26', today: TODAY } });
    expect(await refusal(h, 'priceList.publish', { priceList: { ...fresh, version: 2 } }))
      .toMatchObject({ code: 'priceList.versionTaken', params: { version: 2, newest: 2 } });
    const duplicate = { ...fresh, catalogue: [...fresh.catalogue, fresh.catalogue[0]] };
    expect(await refusal(h, 'priceList.publish', { priceList: duplicate })).toMatchObject({ code: 'priceList.invalid' });
    // The file's schema: whole øre, known VAT codes, no unknown keys.
    const fractional = structuredClone(fresh);
    fractional.catalogue[0].unitPriceOre = 100.5;
    const badInput = await refusal(h, 'priceList.publish', { priceList: fractional });
    expect(badInput).toMatchObject({ code: 'input.invalid', issues: [{ path: 'priceList.catalogue.0.unitPriceOre' }] });
    expect(await refusal(h, 'priceList.publish', { priceList: { ...fresh, extra: 1 } })).toMatchObject({ code: 'input.invalid' });
    expect(publishCount(h)).toBe(0);
    expect(storedVersions(h)).toHaveLength(2);
    // The same version published twice: the second is refused.
    await call(h, 'priceList.publish', { priceList: fresh });
    expect(await refusal(h, 'priceList.publish', { priceList: fresh })).toMatchObject({ code: 'priceList.versionTaken' });
    expect(publishCount(h)).toBe(1);
  });
});

// Publishing a price list version with a central server (real PostgreSQL): a supervisor's new version goes through the
// outbox (`priceList.publish`), is inserted centrally under their login and comes to another desk by the pull; a stored
// version still never changes (DK007), and a case handler's forged publication is refused by PostgreSQL (42501).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { centralApplierFor } from '../../../core/sync/centralAppliers';
import type { PriceListDetail, PriceListOverview, PriceListVersionSummary } from '../../../shared/contract';
import type { PriceList } from '../../../shared/rules';
import { CENTRAL_REFUSALS } from '../../../db/central/refusals';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, startClient, unreachableUrl, type Client } from '../../support/syncClients';
import { ok } from '../../support/apiResult';
import { refusal } from './fixtures';

let admin: pg.Client;

const central = useCentralDatabase('price_list_publish', {
  seedCases: 5,
  timeout: 60_000,
  async setup() {
    admin = central.admin;
  },
});

async function person(name: string, group: 'case_handler' | 'supervisor'): Promise<Client> {
  const client = await central.startClient(name, group);
  await eventually(() => client.core.context.currentUser().role === group, 15_000, `${name}'s role to arrive`);
  await client.core.central!.engine.whenIdle();
  return client;
}

const dayAfter = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function nextVersion(client: Client): Promise<PriceList> {
  const overview = ok<PriceListOverview>(await client.core.dispatch('priceList.list', {}));
  const newest = overview.versions[0];
  const detail = ok<PriceListDetail>(await client.core.dispatch('priceList.get', { id: newest.id, version: newest.version }));
  const copy = structuredClone(detail.priceList);
  copy.catalogue[0].unitPriceOre += 12_345;
  return { ...copy, version: detail.nextVersion, effectiveFrom: dayAfter(overview.today) };
}

const centralVersions = async () =>
  (await admin.query<{ list_version: number; body: string }>('SELECT list_version, body FROM price_lists ORDER BY list_version')).rows;

describe('priceList.publish against PostgreSQL', () => {
  let sara: Client;
  let anne: Client;

  it('a supervisor publishes: the version reaches the central table and another desk', async () => {
    sara = await person('sara', 'supervisor');
    anne = await person('anne', 'case_handler');
    const list = await nextVersion(sara);
    ok(await sara.core.dispatch('priceList.publish', { priceList: list }));

    await expect.poll(async () => (await centralVersions()).map((row) => row.list_version), { timeout: 10_000 }).toContain(list.version);
    const stored = (await centralVersions()).find((row) => row.list_version === list.version)!;
    expect(JSON.parse(stored.body)).toEqual(list);
    await expect
      .poll(async () => ok<PriceListOverview>(await anne.core.dispatch('priceList.list', {})).versions[0], { timeout: 10_000 })
      .toMatchObject({ version: list.version, state: 'upcoming', loadedAt: expect.any(String) });
    await expect
      .poll(async () => ok<PriceListOverview>(await sara.core.dispatch('priceList.list', {})).versions[0].state, { timeout: 10_000 })
      .toBe('upcoming');
  });

  it('a version published offline shows as waiting, and ships when the desk is back', async () => {
    await sara.close();
    const unreachable = unreachableUrl;
    const offline = await startClient(central.db, 'sara', 'supervisor', {}, { login: sara.login, directory: sara.directory, url: unreachable });
    const list = await nextVersion(offline);
    const published = ok<PriceListVersionSummary>(await offline.core.dispatch('priceList.publish', { priceList: list }));
    expect(published).toMatchObject({ version: list.version, state: 'pending', loadedAt: null });
    const detail = ok<PriceListDetail>(await offline.core.dispatch('priceList.get', { id: list.id, version: list.version }));
    expect(detail.nextVersion).toBe(list.version + 1);
    await offline.close();

    sara = await central.startClient('sara', 'supervisor', {}, { login: sara.login, directory: sara.directory });
    await expect.poll(async () => (await centralVersions()).map((row) => row.list_version), { timeout: 10_000 }).toContain(list.version);
    await expect
      .poll(async () => ok<PriceListOverview>(await sara.core.dispatch('priceList.list', {})).versions.filter((v) => v.version === list.version), { timeout: 10_000 })
      .toEqual([expect.objectContaining({ state: 'upcoming' })]);
  });

  it('a stored version never changes, not even for its publisher or the owner (DK007)', async () => {
    const [first] = await centralVersions();
    expect((await refusal(admin.query('UPDATE price_lists SET payment_terms = 7 WHERE list_version = $1', [first.list_version]))).code)
      .toBe(CENTRAL_REFUSALS.price_list_immutable);
    const direct = new pg.Client({ connectionString: central.db.urlFor(sara.login) });
    await direct.connect();
    try {
      expect((await refusal(direct.query('UPDATE price_lists SET payment_terms = 7'))).code).toBe(CENTRAL_REFUSALS.permission_denied);
    } finally {
      await direct.end();
    }
  });

  it("a case handler is refused by the app, and a forged publication by PostgreSQL", async () => {
    // Anne's desk must have the version Sara published offline, or the forged one would only repeat its number.
    const newest = Math.max(...(await centralVersions()).map((row) => row.list_version));
    await expect
      .poll(async () => ok<PriceListOverview>(await anne.core.dispatch('priceList.list', {})).versions[0].version, { timeout: 10_000 })
      .toBe(newest);
    const list = await nextVersion(anne);
    expect(await anne.core.dispatch('priceList.publish', { priceList: list })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    const direct = new pg.Client({ connectionString: central.db.urlFor(anne.login) });
    await direct.connect();
    try {
      await direct.query('BEGIN');
      const entry = { seq: 1, mutation: 'priceList.publish', args: { priceList: list }, precondition: {}, caseId: null, createdAt: new Date().toISOString() };
      await expect(centralApplierFor('priceList.publish')!(direct, entry)).rejects.toMatchObject({ code: '42501' });
      await direct.query('ROLLBACK');
    } finally {
      await direct.end();
    }
    expect((await centralVersions()).map((row) => row.list_version)).not.toContain(list.version);
  });
});

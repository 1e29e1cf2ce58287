// Price lists and offers on a real PostgreSQL, each person on their own login: the loader runs as the owner; a
// supervisor may load a new price list version and a case handler may not; a loaded version never changes (DK007);
// an offer is written only under a live claim on its case; once issued it never changes (DK006) except to be
// superseded by a revised offer; the audit trail records issue and supersession in the person's name; both tables
// reach a client's cache.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CENTRAL_REFUSALS } from '../../../db/central/refusals';
import { demoPriceLists } from '../../../core/pricing/demoPriceList';
import { PriceListVersionConflictError, storePriceListsCentral } from '../../../core/pricing/priceListStore';
import { ISSUED_FIGURES, type PriceList } from '../../../shared/rules';
import { useCentralDatabase } from '../../support/centralDatabase';
import { differencesFromCentral, eventually, removeClientFiles, startClient } from '../../support/syncClients';
import { insertCases, refusal } from './fixtures';

let admin: pg.Client;
let kari: pg.Client;
let per: pg.Client;
let marit: pg.Client;
let logins: { kari: string; per: string; marit: string };
let caseIds: number[];
const demo = demoPriceLists();
const list = demo[0];

const central = useCentralDatabase('offers', {
  async setup() {
    logins = {
      kari: await central.db.createLogin('kari', 'case_handler'),
      per: await central.db.createLogin('per', 'case_handler'),
      marit: await central.db.createLogin('marit', 'supervisor'),
    };
    admin = central.admin;
    kari = await central.connect(central.db.urlFor(logins.kari));
    per = await central.connect(central.db.urlFor(logins.per));
    marit = await central.connect(central.db.urlFor(logins.marit));
    caseIds = await insertCases(admin, 4);
  },
});

const nextVersion = (base: PriceList, version: number): PriceList => {
  const copy = JSON.parse(JSON.stringify(base)) as PriceList;
  return { ...copy, version, effectiveFrom: '2027-01-01' };
};
const storedVersions = async () =>
  (await admin.query<{ id: string; list_version: number }>('SELECT id, list_version FROM price_lists ORDER BY 1, 2')).rows;

describe('price lists', () => {
  it('the loader (as the owner) stores the demo list once; a changed copy of a loaded version is refused', async () => {
    const first = await storePriceListsCentral(admin, demo);
    expect(first.added).toHaveLength(demo.length);
    expect(await storePriceListsCentral(admin, demo)).toEqual({ added: [], unchanged: first.added });
    const changed = JSON.parse(JSON.stringify(list)) as PriceList;
    changed.standardFees[0].unitPriceOre += 100;
    await expect(storePriceListsCentral(admin, [nextVersion(list, 50), changed])).rejects.toThrow(PriceListVersionConflictError);
    expect(await storedVersions()).toEqual(demo.map((l) => ({ id: l.id, list_version: l.version })).sort((a, b) => a.list_version - b.list_version));
  });

  it('a supervisor may load a new version; a case handler may not', async () => {
    expect((await storePriceListsCentral(marit, [nextVersion(list, 100)])).added).toEqual([`${list.id} v100`]);
    const refused = await refusal(storePriceListsCentral(kari, [nextVersion(list, 101)]));
    expect(refused.code).toBe(CENTRAL_REFUSALS.permission_denied);
    expect((await storedVersions()).map((r) => r.list_version)).toContain(100);
    expect((await storedVersions()).map((r) => r.list_version)).not.toContain(101);
  });

  it('a loaded version is never changed or deleted, not even by the owner', async () => {
    for (const statement of [
      `UPDATE price_lists SET payment_terms = 30 WHERE id = '${list.id}' AND list_version = ${list.version}`,
      `DELETE FROM price_lists WHERE id = '${list.id}' AND list_version = ${list.version}`,
    ]) {
      const refused = await refusal(admin.query(statement));
      expect(refused.code).toBe(CENTRAL_REFUSALS.price_list_immutable);
      expect(refused.message).toMatch(/desk:price_list_immutable/);
    }
    expect((await refusal(marit.query(`UPDATE price_lists SET payment_terms = 30 WHERE id = '${list.id}'`))).code)
      .toBe(CENTRAL_REFUSALS.permission_denied);
  });
});

describe('offers', () => {
  const claim = async (client: pg.Client, caseId: number) => client.query('SELECT claim_case($1)', [caseId]);
  const totals = (grossOre: number) => JSON.stringify({ grossOre, netOre: grossOre, vatOre: 0 });
  const insertDraft = (client: pg.Client, id: string, caseId: number, version: number) => client.query(
    `INSERT INTO offers (id, case_id, offer_version, price_list_id, price_list_version, lines, totals)
     VALUES ($1, $2, $3, $4, $5, '[]', $6)`,
    [id, caseId, version, list.id, list.version, totals(0)],
  );
  const issue = (client: pg.Client, id: string, grossOre: number) => client.query(
    `UPDATE offers SET state = 'issued', totals = $2, valid_until = '2027-02-28', issued_at = now() WHERE id = $1`,
    [id, totals(grossOre)],
  );
  const offer = async (id: string) =>
    (await admin.query('SELECT state, lines, issued_by, created_by FROM offers WHERE id = $1', [id])).rows[0] as Record<string, unknown>;
  const offerEvents = async (caseId: number) => (await admin.query<{ actor_id: string; kind: string; data: unknown }>(
    `SELECT actor_id, kind, data FROM case_events WHERE case_id = $1 AND kind LIKE 'offer_%' ORDER BY id`, [caseId])).rows;

  const V1 = '00000000-0000-4000-8000-000000000001';
  const V2 = '00000000-0000-4000-8000-000000000002';

  it('a draft is written only by the person holding a live claim on the case', async () => {
    const caseId = caseIds[0];
    expect((await refusal(insertDraft(kari, V1, caseId, 1))).code).toBe(CENTRAL_REFUSALS.permission_denied);
    await claim(kari, caseId);
    await insertDraft(kari, V1, caseId, 1);
    expect(await offer(V1)).toMatchObject({ state: 'draft', created_by: logins.kari });
    // Per holds no claim: his update finds no row it may change, his insert is refused.
    expect((await per.query(`UPDATE offers SET lines = '[{"x":1}]' WHERE id = $1`, [V1])).rowCount).toBe(0);
    expect((await refusal(insertDraft(per, V2, caseId, 2))).code).toBe(CENTRAL_REFUSALS.permission_denied);
    expect((await kari.query(`UPDATE offers SET lines = '[{"x":2}]' WHERE id = $1`, [V1])).rowCount).toBe(1);
    expect((await offer(V1)).lines).toBe('[{"x":2}]');
    expect((await refusal(kari.query('DELETE FROM offers WHERE id = $1', [V1]))).code).toBe(CENTRAL_REFUSALS.permission_denied);
  });

  it('issuing records who issued it and writes offer_issued; an issued offer cannot be changed or deleted', async () => {
    const caseId = caseIds[0];
    await issue(kari, V1, 1_234_567);
    expect(await offer(V1)).toMatchObject({ state: 'issued', issued_by: logins.kari });
    expect(await offerEvents(caseId)).toEqual([
      { actor_id: logins.kari, kind: 'offer_issued', data: { offerId: V1, version: 1, totalOre: 1_234_567 } },
    ]);
    for (const [client, statement] of [
      [kari, `UPDATE offers SET lines = '[]' WHERE id = '${V1}'`],
      [kari, `UPDATE offers SET state = 'draft' WHERE id = '${V1}'`],
      [admin, `UPDATE offers SET totals = '{"grossOre":1}' WHERE id = '${V1}'`],
      [admin, `DELETE FROM offers WHERE id = '${V1}'`],
    ] as const) {
      const refused = await refusal(client.query(statement));
      expect(refused.code).toBe(CENTRAL_REFUSALS.offer_issued_immutable);
      expect(refused.message).toMatch(/desk:offer_issued_immutable/);
    }
    expect(await offer(V1)).toMatchObject({ state: 'issued', lines: '[{"x":2}]' });
  });

  it('a revised offer is a new version; the old one is superseded, and that is final', async () => {
    const caseId = caseIds[0];
    expect((await refusal(insertDraft(kari, V2, caseId, 1))).code).toBe('23505');
    await insertDraft(kari, V2, caseId, 2);
    await kari.query('BEGIN');
    await kari.query(`UPDATE offers SET state = 'superseded' WHERE id = $1`, [V1]);
    await issue(kari, V2, 1_300_000);
    await kari.query('COMMIT');
    expect((await offer(V1)).state).toBe('superseded');
    expect((await offer(V2)).state).toBe('issued');
    expect(await offerEvents(caseId)).toEqual([
      { actor_id: logins.kari, kind: 'offer_issued', data: { offerId: V1, version: 1, totalOre: 1_234_567 } },
      { actor_id: logins.kari, kind: 'offer_superseded', data: { offerId: V1, version: 1 } },
      { actor_id: logins.kari, kind: 'offer_issued', data: { offerId: V2, version: 2, totalOre: 1_300_000 } },
    ]);
    const refused = await refusal(admin.query(`UPDATE offers SET state = 'issued' WHERE id = $1`, [V1]));
    expect(refused.code).toBe(CENTRAL_REFUSALS.offer_issued_immutable);
  });

  it('price lists and offers reach a client cache', async () => {
    const client = await startClient(central.db, 'anne', 'case_handler');
    try {
      await client.core.central!.engine.whenIdle();
      await eventually(() => (client.core.database.sqlite.prepare('SELECT count(*) AS n FROM offers').get() as { n: number }).n === 2,
        10_000, 'the offers in the cache');
      expect(await differencesFromCentral(client.core, central.db.adminUrl)).toEqual([]);
      const cached = client.core.database.sqlite.prepare(
        'SELECT offer_version, state, issued_by FROM offers ORDER BY offer_version').all();
      expect(cached).toEqual([
        { offer_version: 1, state: 'superseded', issued_by: logins.kari },
        { offer_version: 2, state: 'issued', issued_by: logins.kari },
      ]);
      // The cache keeps each offer's figures as issued, not its whole calculation (pullPage's PULLED_AS).
      for (const { totals } of client.core.database.sqlite.prepare('SELECT totals FROM offers').all() as { totals: string }[]) {
        expect(Object.keys(JSON.parse(totals) as object).sort()).toEqual([...ISSUED_FIGURES].sort());
      }
      const lists = client.core.database.sqlite.prepare('SELECT count(*) AS n FROM price_lists').get() as { n: number };
      expect(lists.n).toBe(demo.length + 1);
    } finally {
      await client.close();
      removeClientFiles(client);
    }
  }, 30_000);
});

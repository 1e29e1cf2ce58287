// Price lists in a real SQLite file: the demo list loads; loading the same version again changes nothing; the same
// version with other prices is refused whole (nothing stored, the old prices stay); a new version is added beside
// the old one and the rules then pick the version in effect by date. The CLI does the same and says why it refused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from '../../core/db/openLocalDatabase';
import { demoPriceLists } from '../../core/pricing/demoPriceList';
import { readPriceListFile } from '../../core/pricing/priceListFile';
import {
  PriceListVersionConflictError, storedPriceLists, storePriceLists,
} from '../../core/pricing/priceListStore';
import { priceListInEffect, type PriceList } from '../../shared/rules';
import { startInProcessHarness } from '../../harness/inProcessHarness';

const MIGRATIONS = path.resolve('db/local/migrations');
const DEMO_FILE = path.resolve('resources/pricelist/demo-price-list.json');
let directory: string;
let database: LocalDatabase;

beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'price-lists-'));
  database = openLocalDatabase({ file: path.join(directory, 'desk.sqlite'), migrationsFolder: MIGRATIONS });
});
afterEach(() => {
  database.close();
  rmSync(directory, { recursive: true, force: true });
});

const rows = () => database.sqlite.prepare('SELECT id, list_version, effective_from, validity, payment_terms, loaded_at FROM price_lists ORDER BY id, list_version').all();
const clone = (list: PriceList): PriceList => JSON.parse(JSON.stringify(list)) as PriceList;

describe('storing price lists in the local database', () => {
  it('stores the demo list as it was read, and reads it back equal', () => {
    const demo = demoPriceLists();
    const result = storePriceLists(database.sqlite, demo, '2026-11-28T09:00:00.000Z');
    expect(result).toEqual({ added: demo.map((l) => `${l.id} v${l.version}`), unchanged: [] });
    expect(storedPriceLists(database.sqlite)).toEqual(demo);
    const first = rows()[0] as Record<string, unknown>;
    expect(first).toMatchObject({ id: demo[0].id, list_version: demo[0].version, effective_from: demo[0].effectiveFrom,
      validity: JSON.stringify(demo[0].offerValidity), payment_terms: demo[0].paymentTermsDays,
      loaded_at: '2026-11-28T09:00:00.000Z' });
  });

  it('loading the same version again changes nothing, even with keys in another order', () => {
    const demo = demoPriceLists();
    storePriceLists(database.sqlite, demo, '2026-11-28T09:00:00.000Z');
    const before = rows();
    const reordered = demo.map((list) => Object.fromEntries(Object.entries(list).reverse()) as unknown as PriceList);
    const again = storePriceLists(database.sqlite, reordered, '2026-12-01T09:00:00.000Z');
    expect(again.added).toEqual([]);
    expect(again.unchanged).toHaveLength(demo.length);
    expect(rows()).toEqual(before);
  });

  it('refuses the same version with other prices, naming it, and stores nothing of that file', () => {
    const demo = demoPriceLists();
    storePriceLists(database.sqlite, demo, '2026-11-28T09:00:00.000Z');
    const changed = clone(demo[0]);
    changed.catalogue[0].unitPriceOre += 100;
    const brandNew = { ...clone(demo[0]), version: 99, effectiveFrom: '2027-01-01' };
    const attempt = () => storePriceLists(database.sqlite, [brandNew, changed], '2026-12-01T09:00:00.000Z');
    expect(attempt).toThrow(PriceListVersionConflictError);
    expect(attempt).toThrow(`${demo[0].id} v${demo[0].version}`);
    expect(storedPriceLists(database.sqlite)).toEqual(demo);
  });

  it('adds a new version beside the old one; the version in effect follows the date', () => {
    const demo = demoPriceLists();
    storePriceLists(database.sqlite, demo, '2026-11-28T09:00:00.000Z');
    const newest = demo.reduce((a, b) => (b.version > a.version ? b : a));
    const next = { ...clone(newest), version: newest.version + 1, effectiveFrom: '2027-01-01' };
    next.catalogue[0].unitPriceOre += 5_000;
    expect(storePriceLists(database.sqlite, [...demo, next], '2026-12-01T09:00:00.000Z'))
      .toEqual({ added: [`${next.id} v${next.version}`], unchanged: demo.map((l) => `${l.id} v${l.version}`) });
    const stored = storedPriceLists(database.sqlite);
    expect(stored).toHaveLength(demo.length + 1);
    expect(priceListInEffect(stored, '2026-12-31', next.id)?.version).toBe(priceListInEffect(demo, '2026-12-31', next.id)?.version);
    expect(priceListInEffect(stored, '2027-01-01', next.id)).toEqual(next);
  });
});

describe('npm run load-price-list -- <file> --database <file>', () => {
  const cli = (file: string) => {
    try {
      return { code: 0, output: execFileSync('npx', ['tsx', 'cli/price-list-cli.ts', file, '--database', path.join(directory, 'desk.sqlite')], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { code: failed.status, output: failed.stdout + failed.stderr };
    }
  };

  it('loads the demo file, then says it is already loaded, and refuses a changed copy of a loaded version', () => {
    database.close();
    const first = cli(DEMO_FILE);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/version\(s\) added/);
    const second = cli(DEMO_FILE);
    expect(second).toMatchObject({ code: 0 });
    expect(second.output).toMatch(/0 version\(s\) added, \d+ already loaded/);
    const file = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as { priceLists: { catalogue: { unitPriceOre: number }[] }[] };
    file.priceLists[0].catalogue[0].unitPriceOre += 1;
    const changedFile = path.join(directory, 'changed.json');
    writeFileSync(changedFile, JSON.stringify(file));
    const refused = cli(changedFile);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/already loaded with other content.*new version/s);
    database = openLocalDatabase({ file: path.join(directory, 'desk.sqlite'), migrationsFolder: MIGRATIONS });
    expect(storedPriceLists(database.sqlite)).toEqual((readPriceListFile(readFileSync(DEMO_FILE, 'utf8')) as { priceLists: PriceList[] }).priceLists);
  }, 60_000);
});

describe('the demo database', () => {
  it('has the demo price list', async () => {
    const harness = startInProcessHarness({ cases: 5 });
    try {
      expect(storedPriceLists(harness.core.database.sqlite)).toEqual(demoPriceLists());
    } finally {
      await harness.dispose();
    }
  });
});

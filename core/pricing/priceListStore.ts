// Stores checked price list versions (readPriceListFile) in the local cache and in the central database. A loaded
// version is never changed: loading the same version again is a no-op, and a version whose content differs from
// the one stored is refused whole (nothing is stored) — changed prices are a new version.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { PriceList } from '../../shared/rules';

export class PriceListVersionConflictError extends Error {
  constructor(readonly conflicts: string[]) {
    super(`Price list version(s) already loaded with other content: ${conflicts.join(', ')}. `
      + 'A loaded version is never changed; give the changed prices a new version number.');
    this.name = 'PriceListVersionConflictError';
  }
}

export interface PriceListStoreResult {
  added: string[];
  unchanged: string[];
}

/** JSON with keys sorted, so that equal lists compare equal whatever order the file wrote them in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner);
}

const label = (list: Pick<PriceList, 'id' | 'version'>) => `${list.id} v${list.version}`;

/** The price_lists row of a version, on either side. */
export function priceListRow(list: PriceList) {
  return {
    id: list.id,
    listVersion: list.version,
    // The file has no separate display name; the id is the list's name.
    name: list.id,
    effectiveFrom: list.effectiveFrom,
    currency: list.currency,
    validity: JSON.stringify(list.offerValidity),
    paymentTerms: list.paymentTermsDays,
    body: canonicalJson(list),
  };
}

/** Sorts the versions into new ones and ones already stored alike; throws if any stored one differs. */
function classify(lists: readonly PriceList[], storedBody: (list: PriceList) => string | undefined) {
  const result: PriceListStoreResult = { added: [], unchanged: [] };
  const conflicts: string[] = [];
  const fresh: PriceList[] = [];
  for (const list of lists) {
    const stored = storedBody(list);
    if (stored === undefined) {
      fresh.push(list);
      result.added.push(label(list));
    } else if (canonicalJson(JSON.parse(stored)) === canonicalJson(list)) {
      result.unchanged.push(label(list));
    } else {
      conflicts.push(label(list));
    }
  }
  if (conflicts.length > 0) throw new PriceListVersionConflictError(conflicts);
  return { result, fresh };
}

export function storePriceLists(sqlite: Database.Database, lists: readonly PriceList[], nowIso: string): PriceListStoreResult {
  const find = sqlite.prepare<[string, number], { body: string }>('SELECT body FROM price_lists WHERE id = ? AND list_version = ?');
  const insert = sqlite.prepare(
    `INSERT INTO price_lists (id, list_version, name, effective_from, currency, validity, payment_terms, body, loaded_at)
     VALUES (@id, @listVersion, @name, @effectiveFrom, @currency, @validity, @paymentTerms, @body, @loadedAt)`,
  );
  return sqlite.transaction(() => {
    const { result, fresh } = classify(lists, (list) => find.get(list.id, list.version)?.body);
    for (const list of fresh) insert.run({ ...priceListRow(list), loadedAt: nowIso });
    return result;
  })();
}

/** Central: in one transaction, as whoever `client` is logged in as (the owner, or a supervisor). */
export async function storePriceListsCentral(client: pg.ClientBase, lists: readonly PriceList[]): Promise<PriceListStoreResult> {
  await client.query('BEGIN');
  try {
    const stored = new Map<string, string>();
    for (const list of lists) {
      const found = await client.query<{ body: string }>(
        'SELECT body FROM price_lists WHERE id = $1 AND list_version = $2', [list.id, list.version]);
      if (found.rows[0]) stored.set(label(list), found.rows[0].body);
    }
    const { result, fresh } = classify(lists, (list) => stored.get(label(list)));
    for (const list of fresh) await insertPriceListCentral(client, list);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** One new version, as whoever `client` is (PostgreSQL lets only the owner and supervisors insert; loaded_at its default). */
export async function insertPriceListCentral(client: pg.ClientBase, list: PriceList): Promise<void> {
  const row = priceListRow(list);
  await client.query(
    `INSERT INTO price_lists (id, list_version, name, effective_from, currency, validity, payment_terms, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, row.listVersion, row.name, row.effectiveFrom, row.currency, row.validity, row.paymentTerms, row.body],
  );
}

/** Every stored version, as the pure rules take them (priceListInEffect, findPriceList). */
export function storedPriceLists(sqlite: Database.Database): PriceList[] {
  return sqlite.prepare<[], { body: string }>('SELECT body FROM price_lists ORDER BY id, list_version').all()
    .map((row) => JSON.parse(row.body) as PriceList);
}

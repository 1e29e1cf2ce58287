// Writes a read DSB register file into a database: one row per organisation number, upserted, and the installers
// with that organisation number kept in step. An entry older than the one already stored is left alone, so
// loading last month's file after this month's changes nothing. Businesses absent from the file are not touched:
// a file may be an extract.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { DsbRegisterEntry } from './dsbRegisterFile';

export interface DsbLoadSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Entries older than what the database already has. */
  older: number;
  installersUpdated: number;
}

interface StoredEntry {
  name: string;
  registration_id: string | null;
  status: string;
  as_of: string;
}

type Verdict = 'added' | 'updated' | 'unchanged' | 'older';

function verdictFor(stored: StoredEntry | undefined, entry: DsbRegisterEntry): Verdict {
  if (!stored) return 'added';
  if (stored.as_of > entry.asOf) return 'older';
  const same =
    stored.name === entry.name &&
    stored.registration_id === entry.registrationId &&
    stored.status === entry.status &&
    stored.as_of === entry.asOf;
  return same ? 'unchanged' : 'updated';
}

/** The last entry per organisation number wins within one file. */
function lastPerOrganisation(entries: readonly DsbRegisterEntry[]): DsbRegisterEntry[] {
  return [...new Map(entries.map((entry) => [entry.organisationNumber, entry])).values()];
}

export function loadDsbRegisterIntoSqlite(sqlite: Database.Database, entries: readonly DsbRegisterEntry[]): DsbLoadSummary {
  const summary: DsbLoadSummary = { added: 0, updated: 0, unchanged: 0, older: 0, installersUpdated: 0 };
  const stored = sqlite.prepare('SELECT name, registration_id, status, as_of FROM dsb_register WHERE organisation_number = ?');
  const upsert = sqlite.prepare(
    `INSERT INTO dsb_register (organisation_number, name, registration_id, status, as_of)
     VALUES (@organisationNumber, @name, @registrationId, @status, @asOf)
     ON CONFLICT (organisation_number) DO UPDATE SET name = excluded.name, registration_id = excluded.registration_id,
       status = excluded.status, as_of = excluded.as_of`,
  );
  const installer = sqlite.prepare(
    `UPDATE installers SET dsb_status = @status, dsb_registration_id = coalesce(@registrationId, dsb_registration_id)
     WHERE organisation_number = @organisationNumber
       AND (dsb_status IS NOT @status OR dsb_registration_id IS NOT coalesce(@registrationId, dsb_registration_id))`,
  );
  sqlite.transaction(() => {
    for (const entry of lastPerOrganisation(entries)) {
      const verdict = verdictFor(stored.get(entry.organisationNumber) as StoredEntry | undefined, entry);
      summary[verdict] += 1;
      if (verdict === 'older' || verdict === 'unchanged') continue;
      const { organisationNumber, name, registrationId, status, asOf } = entry;
      upsert.run({ organisationNumber, name, registrationId, status, asOf });
      summary.installersUpdated += installer.run({
        organisationNumber: entry.organisationNumber,
        status: entry.status,
        registrationId: entry.registrationId,
      }).changes;
    }
  })();
  return summary;
}

/** The same on the central database, as its owner (the app's roles may only read the register), in one transaction. */
export async function loadDsbRegisterIntoCentral(client: pg.ClientBase, entries: readonly DsbRegisterEntry[]): Promise<DsbLoadSummary> {
  const summary: DsbLoadSummary = { added: 0, updated: 0, unchanged: 0, older: 0, installersUpdated: 0 };
  await client.query('BEGIN');
  try {
    for (const entry of lastPerOrganisation(entries)) {
      const { rows } = await client.query<StoredEntry>(
        'SELECT name, registration_id, status, as_of::text AS as_of FROM dsb_register WHERE organisation_number = $1 FOR UPDATE',
        [entry.organisationNumber],
      );
      const verdict = verdictFor(rows[0], entry);
      summary[verdict] += 1;
      if (verdict === 'older' || verdict === 'unchanged') continue;
      await client.query(
        `INSERT INTO dsb_register (organisation_number, name, registration_id, status, as_of) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organisation_number) DO UPDATE SET name = excluded.name, registration_id = excluded.registration_id,
           status = excluded.status, as_of = excluded.as_of`,
        [entry.organisationNumber, entry.name, entry.registrationId, entry.status, entry.asOf],
      );
      const updated = await client.query(
        `UPDATE installers SET dsb_status = $2, dsb_registration_id = coalesce($3, dsb_registration_id)
         WHERE organisation_number = $1
           AND (dsb_status IS DISTINCT FROM $2 OR dsb_registration_id IS DISTINCT FROM coalesce($3, dsb_registration_id))`,
        [entry.organisationNumber, entry.status, entry.registrationId],
      );
      summary.installersUpdated += updated.rowCount ?? 0;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return summary;
}

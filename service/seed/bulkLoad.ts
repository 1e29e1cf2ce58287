// Makes empty tables fast to fill, and puts everything back afterwards in the same transaction, from the
// catalog's own definitions — so the schema ends as the migrations made it (or, on rollback, never changed):
//   * secondary indexes and foreign keys are dropped and rebuilt: building an index once from all rows and checking
//     a foreign key with one join is several times faster than maintaining both row by row;
//   * the per-row version triggers are switched off and the loader writes the transaction's version itself
//     (taken here from the same clock, so rows get exactly what the triggers would have given them);
//   * notes_audit is switched off: the demo's history already holds its note_added events; so are offers_audit
//     (its offer_issued events), billing_events_audit (its billing_recorded events) and offers_guard (which would
//     stamp the seeder as the offer's issuer).
// It takes ACCESS EXCLUSIVE locks on the tables until commit: for seeding an empty database only.
import type pg from 'pg';

export interface BulkLoad {
  /** The version every loaded row must carry. */
  version: number;
  restore(): Promise<void>;
}

export async function prepareBulkLoad(client: pg.ClientBase, tables: readonly string[]): Promise<BulkLoad> {
  // Indexes that back a constraint (primary keys) stay: foreign keys and ON CONFLICT need them.
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype = 'f' AND conrelid = ANY($1::regclass[])`,
    [tables],
  );
  const { rows: triggers } = await client.query<{ table: string; name: string }>(
    `SELECT tgrelid::regclass::text AS table, tgname AS name
       FROM pg_trigger
      WHERE tgrelid = ANY($1::regclass[]) AND (tgname LIKE '%\\_set\\_version' OR tgname IN ('notes_audit', 'offers_audit', 'offers_guard', 'billing_events_audit'))`,
    [tables],
  );
  const { rows: [{ version }] } = await client.query<{ version: string }>('SELECT desk_next_version() AS version');

  for (const key of foreignKeys) {
    await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${client.escapeIdentifier(key.name)}`);
  }
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  for (const trigger of triggers) {
    await client.query(`ALTER TABLE ${trigger.table} DISABLE TRIGGER ${client.escapeIdentifier(trigger.name)}`);
  }

  return {
    version: Number(version),
    async restore() {
      for (const trigger of triggers) {
        await client.query(`ALTER TABLE ${trigger.table} ENABLE TRIGGER ${client.escapeIdentifier(trigger.name)}`);
      }
      for (const index of indexes) await client.query(index.definition);
      for (const key of foreignKeys) {
        await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${client.escapeIdentifier(key.name)} ${key.definition}`);
      }
    },
  };
}

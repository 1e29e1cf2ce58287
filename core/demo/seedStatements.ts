// The seeder's prepared INSERTs, with positional parameters in the order the row builders produce them.
import type Database from 'better-sqlite3';
import { CASE_COLUMNS } from '../db/caseColumns';


const insert = (sqlite: Database.Database, table: string, columns: readonly string[]) =>
  sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);

/** The statements need the staging table; drop it with `dropSeedStaging` when done. */
export function prepareSeedStatements(sqlite: Database.Database) {
  sqlite.exec('CREATE TEMP TABLE seed_cases AS SELECT * FROM main.cases WHERE 0');
  return {
    municipality: insert(sqlite, 'municipalities', ['number', 'name']),
    user: insert(sqlite, 'users', ['id', 'display_name', 'role', 'email', 'active']),
    installer: insert(sqlite, 'installers', ['id', 'organisation_number', 'name', 'dsb_registration_id', 'dsb_status',
      'email', 'phone', 'contact_person']),
    prequalification: insert(sqlite, 'prequalifications', ['installer_id', 'category', 'valid_from', 'valid_to']),
    areaSupplier: insert(sqlite, 'area_suppliers', ['id', 'organisation_number', 'name', 'contact_person', 'email',
      'phone', 'agreement_work']),
    areaSupplierMunicipality: insert(sqlite, 'area_supplier_municipalities', ['supplier_id', 'municipality_number']),
    stageCase: insert(sqlite, 'temp.seed_cases', CASE_COLUMNS),
    // One INSERT … SELECT per batch: the search index's trigger still fires for every case, but FTS5 then
    // works in one statement instead of flushing its pending terms once per row.
    moveStagedCases: sqlite.prepare(
      `INSERT INTO main.cases (${CASE_COLUMNS.join(', ')}) SELECT ${CASE_COLUMNS.join(', ')} FROM temp.seed_cases ORDER BY id`,
    ),
    clearStagedCases: sqlite.prepare('DELETE FROM temp.seed_cases'),
    event: insert(sqlite, 'case_events', ['case_id', 'at', 'actor_id', 'kind', 'data']),
    note: insert(sqlite, 'notes', ['id', 'case_id', 'author_id', 'at', 'body']),
    attachment: insert(sqlite, 'attachments', ['id', 'case_id', 'kind', 'file_name', 'mime_type', 'size_bytes',
      'sha256', 'received_at']),
    offer: insert(sqlite, 'offers', ['id', 'case_id', 'offer_version', 'state', 'price_list_id', 'price_list_version',
      'lines', 'connection_fee_deduction_ore', 'totals', 'valid_until', 'issued_at', 'issued_by', 'pdf_sha256',
      'created_at', 'created_by']),
    billingEvent: insert(sqlite, 'billing_events', ['id', 'case_id', 'offer_id', 'offer_version', 'kind', 'amount_ore',
      'occurred_on', 'source', 'recorded_at', 'recorded_by', 'outcome']),
  };
}

export type SeedStatements = ReturnType<typeof prepareSeedStatements>;

export function dropSeedStaging(sqlite: Database.Database): void {
  sqlite.exec('DROP TABLE IF EXISTS temp.seed_cases');
}

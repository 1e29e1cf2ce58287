// npm run import-dsb -- <file.csv|file.json> [--database desk.sqlite] [--date YYYY-MM-DD]
// Loads DSB's register of electrical businesses (Elvirksomhetsregisteret) from a file (docs/dsb-register-format.md)
// into the central database (DATABASE_URL, as the owner) or, with --database, into a standalone app's SQLite file.
// Bad rows are listed with their line and reason; the good rows are loaded all the same.
// Exit code: 0 all rows loaded, 1 some rows bad (the rest loaded), 2 nothing loaded (unreadable file, bad arguments).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { osloDate } from '../core/clock';
import { openLocalDatabase } from '../core/db/openLocalDatabase';
import { DsbFileError, parseDsbRegisterFile, type DsbRowError, type DsbRowProblem } from '../core/registers/dsbRegisterFile';
import { loadDsbRegisterIntoCentral, loadDsbRegisterIntoSqlite, type DsbLoadSummary } from '../core/registers/dsbRegisterStore';

const PROBLEM_TEXT: Record<DsbRowProblem, string> = {
  missing_column: 'too few columns',
  missing_organisation_number: 'no organisation number',
  bad_organisation_number: 'not a valid organisation number (9 digits, check digit)',
  missing_name: 'no name',
  unknown_status: 'unknown status (expected Aktiv, Suspendert, Avregistrert or Slettet)',
  bad_date: 'date is not YYYY-MM-DD or DD.MM.YYYY',
  not_an_object: 'not an object',
};

function usage(message: string): never {
  console.error(message);
  console.error('Usage: npm run import-dsb -- <file.csv|file.json> [--database <desk.sqlite>] [--date YYYY-MM-DD]');
  console.error('Without --database the register goes to the central database named by DATABASE_URL.');
  process.exit(2);
}

function describe(error: DsbRowError, isJson: boolean): string {
  const where = isJson ? `entry ${error.line}` : `line ${error.line}`;
  return `  ${where}: ${PROBLEM_TEXT[error.problem]}${error.detail ? ` (${error.detail})` : ''}`;
}

async function loadCentral(entries: Parameters<typeof loadDsbRegisterIntoCentral>[1]): Promise<DsbLoadSummary> {
  const url = process.env.DATABASE_URL;
  if (!url) usage('Give --database <sqlite file> for a standalone app, or set DATABASE_URL for the central database.');
  const client = new pg.Client({ connectionString: url, application_name: 'desk-import-dsb' });
  await client.connect();
  try {
    return await loadDsbRegisterIntoCentral(client, entries);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { database: { type: 'string' }, date: { type: 'string' } },
  });
  if (positionals.length !== 1) usage('Give exactly one register file.');
  const file = path.resolve(positionals[0]);
  if (!existsSync(file)) usage(`No such file: ${file}`);
  const fileDate = values.date ?? osloDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fileDate)) usage(`--date must be YYYY-MM-DD: ${fileDate}`);

  const isJson = /\.json$/i.test(file);
  const { entries, errors } = parseDsbRegisterFile(file, readFileSync(file, 'utf8'), fileDate);
  let summary: DsbLoadSummary;
  if (values.database) {
    if (!existsSync(values.database)) usage(`No such database file: ${values.database}`);
    const database = openLocalDatabase({ file: path.resolve(values.database), migrationsFolder: path.resolve(__dirname, '../db/local/migrations') });
    try {
      summary = loadDsbRegisterIntoSqlite(database.sqlite, entries);
    } finally {
      database.close();
    }
  } else {
    summary = await loadCentral(entries);
  }

  if (errors.length > 0) {
    console.log(`${errors.length} row(s) not loaded:`);
    for (const error of errors) console.log(describe(error, isJson));
  }
  console.log(
    `DSB register: ${entries.length} row(s) read — ${summary.added} added, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged, ${summary.older} older than stored (kept); ` +
      `${summary.installersUpdated} installer(s) brought in step; ${errors.length} bad row(s).`,
  );
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`DSB import failed: ${error instanceof DsbFileError || error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});

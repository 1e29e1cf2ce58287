// npm run import-prequalifications -- <file.csv|file.json> [--database desk.sqlite]
// Loads the grid company's prequalification register (prekvalifiseringsregisteret) from a file
// (docs/prequalification-register-format.md) into the central database (DATABASE_URL, as the owner) or, with
// --database, into a standalone app's SQLite file. For each installer in the file its prequalifications become the
// file's rows. Bad rows are listed with their line and reason; the good rows are loaded all the same.
// Exit code: 0 all rows loaded, 1 some rows bad or for an unknown installer (the rest loaded), 2 nothing loaded
// (unreadable file, bad arguments).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openLocalDatabase } from '../core/db/openLocalDatabase';
import {
  PrequalificationFileError,
  parsePrequalificationFile,
  type PrequalificationEntry,
  type PrequalificationRowError,
  type PrequalificationRowProblem,
} from '../core/registers/prequalificationFile';
import {
  loadPrequalificationsIntoCentral,
  loadPrequalificationsIntoSqlite,
  type PrequalificationLoadSummary,
} from '../core/registers/prequalificationStore';

const PROBLEM_TEXT: Record<PrequalificationRowProblem, string> = {
  missing_column: 'too few columns',
  missing_organisation_number: 'no organisation number',
  bad_organisation_number: 'not a valid organisation number (9 digits, check digit)',
  missing_category: 'no category',
  unknown_category: 'unknown category (see docs/prequalification-register-format.md for the accepted words)',
  missing_date: 'no date',
  bad_date: 'date is not YYYY-MM-DD or DD.MM.YYYY',
  from_after_to: 'gyldig_fra is after gyldig_til',
  not_an_object: 'not an object',
};

function usage(message: string): never {
  console.error(message);
  console.error('Usage: npm run import-prequalifications -- <file.csv|file.json> [--database <desk.sqlite>]');
  console.error('Without --database the register goes to the central database named by DATABASE_URL.');
  process.exit(2);
}

const where = (line: number, isJson: boolean) => (isJson ? `entry ${line}` : `line ${line}`);

function describe(error: PrequalificationRowError, isJson: boolean): string {
  return `  ${where(error.line, isJson)}: ${PROBLEM_TEXT[error.problem]}${error.detail ? ` (${error.detail})` : ''}`;
}

async function loadCentral(entries: readonly PrequalificationEntry[]): Promise<PrequalificationLoadSummary> {
  const url = process.env.DATABASE_URL;
  if (!url) usage('Give --database <sqlite file> for a standalone app, or set DATABASE_URL for the central database.');
  const client = new pg.Client({ connectionString: url, application_name: 'desk-import-prequalifications' });
  await client.connect();
  try {
    return await loadPrequalificationsIntoCentral(client, entries);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' } } });
  if (positionals.length !== 1) usage('Give exactly one register file.');
  const file = path.resolve(positionals[0]);
  if (!existsSync(file)) usage(`No such file: ${file}`);

  const isJson = /\.json$/i.test(file);
  const { entries, errors } = parsePrequalificationFile(file, readFileSync(file, 'utf8'));
  let summary: PrequalificationLoadSummary;
  if (values.database) {
    if (!existsSync(values.database)) usage(`No such database file: ${values.database}`);
    const database = openLocalDatabase({ file: path.resolve(values.database), migrationsFolder: path.resolve(__dirname, '../db/local/migrations') });
    try {
      summary = loadPrequalificationsIntoSqlite(database.sqlite, entries);
    } finally {
      database.close();
    }
  } else {
    summary = await loadCentral(entries);
  }

  const unknownRows = summary.unknownInstallers.reduce((n, u) => n + u.lines.length, 0);
  if (errors.length + unknownRows > 0) {
    console.log(`${errors.length + unknownRows} row(s) not loaded:`);
    const lines = [
      ...errors.map((error) => ({ line: error.line, text: describe(error, isJson) })),
      ...summary.unknownInstallers.flatMap((u) =>
        u.lines.map((line) => ({
          line,
          text: `  ${where(line, isJson)}: no installer with organisation number ${u.organisationNumber}, and no name (navn) to add one by`,
        })),
      ),
    ].sort((a, b) => a.line - b.line);
    for (const { text } of lines) console.log(text);
  }
  console.log(
    `Prequalification register: ${entries.length} row(s) read for ${summary.installers} installer(s) ` +
      `(${summary.installersAdded} added) — ${summary.added} added, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged, ${summary.removed} removed; ${errors.length} bad row(s), ` +
      `${unknownRows} row(s) for unknown installers.`,
  );
  process.exitCode = errors.length + unknownRows > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(
    `Prequalification import failed: ${error instanceof PrequalificationFileError || error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 2;
});

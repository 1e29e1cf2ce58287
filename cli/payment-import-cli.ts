// npm run import-payments -- <file.csv|file.json …> [--database desk.sqlite] [--quarantined]
// Loads payments, acceptances and invoices from the billing system's file (docs/payment-import-format.md) into the
// central database (DATABASE_URL, as the owner) or, with --database, into a standalone app's SQLite file. The same
// billing event id twice changes nothing; a malformed row, or one for an unknown case, is quarantined whole with
// its reasons; a row that does not fit its offer (amount, version, validity, the case's status) is recorded on the
// case as flagged for a person. --quarantined (central) also imports the billing rows fixed in the app.
// Exit code: 0 every row applied or already there, 1 some rows flagged or quarantined, 2 nothing read (bad arguments).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openLocalDatabase } from '../core/db/openLocalDatabase';
import { addSummary, importPaymentsIntoCentral, importReadyBillingQuarantine } from '../core/billing/centralPaymentImport';
import { importPaymentsIntoSqlite } from '../core/billing/localPaymentImport';
import { emptySummary, flagText, type BillingImportSummary } from '../core/billing/paymentImport';

function usage(message: string): never {
  console.error(message);
  console.error('Usage: npm run import-payments -- <file.csv|file.json> [more files] [--database <desk.sqlite>] [--quarantined]');
  console.error('Without --database the file goes to the central database named by DATABASE_URL (as its owner).');
  process.exit(2);
}

function report(summary: BillingImportSummary): void {
  for (const row of summary.flaggedRows) {
    console.log(`  flagget, linje ${row.line} (sak ${row.caseNumber}): ${flagText(row.code, row.params)}`);
  }
  for (const row of summary.quarantinedRows) {
    console.log(`  karantene, linje ${row.line}: ${row.reasons.map((r) => r.message).join('; ')}`);
  }
  console.log(
    `Billing file: ${summary.applied} applied, ${summary.flagged} flagged for a person, ${summary.duplicates} already imported, ` +
      `${summary.quarantined} quarantined${summary.alreadyQuarantined > 0 ? ` (${summary.alreadyQuarantined} already in quarantine)` : ''}.`,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { database: { type: 'string' }, quarantined: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0 && !values.quarantined) usage('Give at least one billing file.');
  const files = positionals.map((file) => path.resolve(file));
  for (const file of files) if (!existsSync(file)) usage(`No such file: ${file}`);
  const total = emptySummary();

  if (values.database) {
    if (values.quarantined) usage('--quarantined is for the central database: standalone, re-import a fixed row in the app.');
    if (!existsSync(values.database)) usage(`No such database file: ${values.database}`);
    const database = openLocalDatabase({ file: path.resolve(values.database), migrationsFolder: path.resolve(__dirname, '../db/local/migrations') });
    try {
      for (const file of files) addSummary(total, importPaymentsIntoSqlite(database.sqlite, file, readFileSync(file, 'utf8'), { now: new Date() }));
    } finally {
      database.close();
    }
  } else {
    const url = process.env.DATABASE_URL;
    if (!url) usage('Give --database <sqlite file> for a standalone app, or set DATABASE_URL for the central database.');
    const client = new pg.Client({ connectionString: url, application_name: 'desk-import-payments' });
    await client.connect();
    try {
      if (values.quarantined) addSummary(total, await importReadyBillingQuarantine(client));
      for (const file of files) addSummary(total, await importPaymentsIntoCentral(client, file, readFileSync(file, 'utf8')));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  report(total);
  process.exitCode = total.flagged + total.quarantined > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`Payment import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});

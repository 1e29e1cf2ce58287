// npm run load-rules -- <rules.json> [--database desk.sqlite]
// Loads a grid company's completeness rules (docs/completeness-rules.md; the shipped ones are
// resources/rules/completeness.json) into the central database (DATABASE_URL) or, with --database, a standalone
// app's SQLite file. The file is checked whole first: any error refuses it, listed with its path, and nothing is
// stored. Exit code: 0 loaded, 2 refused or bad arguments.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readCompletenessRulesFile, storeCompletenessRulesCentral } from '../electron/core/casework/completenessRulesFile';
import { storeCompletenessRules } from '../electron/core/casework/completenessService';
import { openLocalDatabase } from '../electron/core/db/openLocalDatabase';

function usage(message: string): never {
  console.error(message);
  console.error('Usage: npm run load-rules -- <rules.json> [--database <desk.sqlite>]');
  console.error('Without --database the rules go to the central database named by DATABASE_URL.');
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' } } });
  if (positionals.length !== 1) usage('Give exactly one rules file.');
  const file = path.resolve(positionals[0]);
  if (!existsSync(file)) usage(`No such file: ${file}`);
  const reading = readCompletenessRulesFile(readFileSync(file, 'utf8'));
  if (!reading.ok) {
    console.error(`${file} was not loaded (nothing changed):`);
    for (const error of reading.errors) console.error(`  ${error}`);
    process.exit(2);
  }
  let stored: number;
  if (values.database) {
    if (!existsSync(values.database)) usage(`No such database file: ${values.database}`);
    const database = openLocalDatabase({ file: path.resolve(values.database), migrationsFolder: path.resolve(__dirname, 'local/migrations') });
    try {
      stored = storeCompletenessRules(database.sqlite, reading.file, new Date().toISOString());
    } finally {
      database.close();
    }
  } else {
    const url = process.env.DATABASE_URL;
    if (!url) usage('Give --database <sqlite file> for a standalone app, or set DATABASE_URL for the central database.');
    const client = new pg.Client({ connectionString: url, application_name: 'desk-load-rules' });
    await client.connect();
    try {
      stored = await storeCompletenessRulesCentral(client, reading.file);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  console.log(`Completeness rules: ${stored} request type(s) stored.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});

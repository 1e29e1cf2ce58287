// npm run load-price-list -- <price-list.json> [--database desk.sqlite]
// Loads a grid company's price list versions (docs/price-list-format.md; the demo is
// resources/pricelist/demo-price-list.json) into the central database (DATABASE_URL) or, with --database, a
// standalone app's SQLite file. The file is checked whole first; a version already loaded is left as it is, and one
// already loaded with other content refuses the whole file (a loaded version never changes). Nothing is stored
// unless everything can be. Exit code: 0 loaded, 2 refused or bad arguments.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openLocalDatabase } from '../electron/core/db/openLocalDatabase';
import { readPriceListFile } from '../electron/core/pricing/priceListFile';
import { storePriceLists, storePriceListsCentral, type PriceListStoreResult } from '../electron/core/pricing/priceListStore';

function usage(message: string): never {
  console.error(message);
  console.error('Usage: npm run load-price-list -- <price-list.json> [--database <desk.sqlite>]');
  console.error('Without --database the price list goes to the central database named by DATABASE_URL.');
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' } } });
  if (positionals.length !== 1) usage('Give exactly one price list file.');
  const file = path.resolve(positionals[0]);
  if (!existsSync(file)) usage(`No such file: ${file}`);
  const reading = readPriceListFile(readFileSync(file, 'utf8'));
  if (!reading.ok) {
    console.error(`${file} was not loaded (nothing changed):`);
    for (const error of reading.errors) console.error(`  ${error}`);
    process.exit(2);
  }
  let result: PriceListStoreResult;
  if (values.database) {
    if (!existsSync(values.database)) usage(`No such database file: ${values.database}`);
    const database = openLocalDatabase({ file: path.resolve(values.database), migrationsFolder: path.resolve(__dirname, 'local/migrations') });
    try {
      result = storePriceLists(database.sqlite, reading.priceLists, new Date().toISOString());
    } finally {
      database.close();
    }
  } else {
    const url = process.env.DATABASE_URL;
    if (!url) usage('Give --database <sqlite file> for a standalone app, or set DATABASE_URL for the central database.');
    const client = new pg.Client({ connectionString: url, application_name: 'desk-load-price-list' });
    await client.connect();
    try {
      result = await storePriceListsCentral(client, reading.priceLists);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  console.log(`Price list: ${result.added.length} version(s) added${result.added.length ? ` (${result.added.join(', ')})` : ''}, `
    + `${result.unchanged.length} already loaded.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});

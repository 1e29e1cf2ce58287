// The shape every "load a grid company's file" script shares (price list, completeness rules): one file argument,
// checked whole before anything is stored, into a standalone app's SQLite file (--database) or the central
// database named by DATABASE_URL. Exit code: 0 loaded, 2 refused or bad arguments.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { openLocalDatabase } from '../core/db/openLocalDatabase';

export interface LoadFileCli<Value, Result> {
  /** The npm script, e.g. `load-price-list`. */
  script: string;
  /** The file argument as the usage line shows it, e.g. `<price-list.json>`. */
  fileArgument: string;
  /** What the file holds, for messages: "price list". */
  what: string;
  read(text: string): { ok: true; value: Value } | { ok: false; errors: string[] };
  storeLocal(sqlite: Database.Database, value: Value, now: string): Result;
  storeCentral(client: pg.Client, value: Value): Promise<Result>;
  report(result: Result): string;
}

export function runLoadFileCli<Value, Result>(cli: LoadFileCli<Value, Result>): void {
  const usage = (message: string): never => {
    console.error(message);
    console.error(`Usage: npm run ${cli.script} -- ${cli.fileArgument} [--database <desk.sqlite>]`);
    console.error("Without --database the file goes to the central database named by DATABASE_URL.");
    process.exit(2);
  };

  async function main(): Promise<void> {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' } } });
    if (positionals.length !== 1) usage(`Give exactly one ${cli.what} file.`);
    const file = path.resolve(positionals[0]);
    if (!existsSync(file)) usage(`No such file: ${file}`);
    const reading = cli.read(readFileSync(file, 'utf8'));
    if (!reading.ok) {
      console.error(`${file} was not loaded (nothing changed):`);
      for (const error of reading.errors) console.error(`  ${error}`);
      process.exit(2);
    }
    let result: Result;
    if (values.database) {
      if (!existsSync(values.database)) usage(`No such database file: ${values.database}`);
      const database = openLocalDatabase({ file: path.resolve(values.database), migrationsFolder: path.resolve(__dirname, '../db/local/migrations') });
      try {
        result = cli.storeLocal(database.sqlite, reading.value, new Date().toISOString());
      } finally {
        database.close();
      }
    } else {
      const url = process.env.DATABASE_URL;
      if (!url) usage('Give --database <sqlite file> for a standalone app, or set DATABASE_URL for the central database.');
      const client = new pg.Client({ connectionString: url, application_name: `desk-${cli.script}` });
      await client.connect();
      try {
        result = await cli.storeCentral(client, reading.value);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    console.log(cli.report(result));
  }

  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}

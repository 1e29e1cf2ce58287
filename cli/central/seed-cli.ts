// npm run central:seed -- --cases N [--seed S] [--today YYYY-MM-DD]
// Fills an empty central database (DATABASE_URL, as the owner) with the deterministic demo: the local generator
// writes a temporary SQLite file exactly as `npm run seed` does, and that is copied across in one transaction.
// Demo users get app_users rows; to log in as one, create the login: npm run central:login -- --user kari.nordmann …
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { DEFAULT_DEMO_TODAY, seedDatabase } from '../../core/demo/seedDatabase';
import { requireDatabaseUrl } from './databaseUrl';
import { CentralNotEmptyError, copyLocalDatabase } from '../../service/seed/copyLocalDatabase';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    today: { type: 'string', default: DEFAULT_DEMO_TODAY },
  },
});

const cases = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(cases) || cases < 1) throw new Error(`--cases must be a positive whole number: ${values.cases}`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number: ${values.seed}`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error(`--today must be YYYY-MM-DD: ${values.today}`);

const format = (n: number) => n.toLocaleString('nb-NO');
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const url = requireDatabaseUrl();
  const directory = mkdtempSync(path.join(tmpdir(), 'desk-central-seed-'));
  const local = openLocalDatabase({
    file: path.join(directory, 'demo.sqlite'),
    migrationsFolder: path.resolve(__dirname, '../../db/local/migrations'),
  });
  const client = new pg.Client({ connectionString: url, application_name: 'desk-central-seed' });
  try {
    let started = performance.now();
    console.log(`Generating ${format(cases)} demo cases (seed ${seed}, today ${values.today})…`);
    const store = new AttachmentStore(path.join(directory, 'attachments'));
    seedDatabase(local.sqlite, { cases, seed, today: values.today, attachmentStore: store });
    console.log(`  generated in ${seconds(started)}`);

    await client.connect();
    started = performance.now();
    console.log('Copying into the central database…');
    await copyLocalDatabase(client, local.sqlite, store, (step, rows) =>
      console.log(`  ${step.padEnd(30)} ${rows === undefined ? ''.padStart(15) : `${format(rows).padStart(10)} rows`}  (${seconds(started)})`));
    console.log(`Done in ${seconds(started)}.`);
  } catch (error) {
    if (!(error instanceof CentralNotEmptyError)) throw error;
    console.error(`Refusing to seed: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await client.end().catch(() => undefined);
    local.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

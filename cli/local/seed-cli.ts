// Seeds a local database with the deterministic demo data set:
//   npx tsx cli/local/seed-cli.ts --cases 100000 --seed 42 --out .data/demo.sqlite [--attachments dir] [--today 2026-11-28]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { DatabaseNotEmptyError, DEFAULT_DEMO_TODAY, seedDatabase } from '../../core/demo/seedDatabase';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: '.data/demo.sqlite' },
    attachments: { type: 'string', default: '.data/attachments' },
    today: { type: 'string', default: DEFAULT_DEMO_TODAY },
  },
});

const cases = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(cases) || cases < 1) throw new Error(`--cases must be a positive whole number: ${values.cases}`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number: ${values.seed}`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error(`--today must be YYYY-MM-DD: ${values.today}`);

const out = path.resolve(values.out);
mkdirSync(path.dirname(out), { recursive: true });
const database = openLocalDatabase({ file: out, migrationsFolder: path.resolve('db/local/migrations') });
const format = (n: number) => n.toLocaleString('nb-NO');
const started = performance.now();
const report = (done: number, total: number) => {
  const perSecond = Math.round(done / ((performance.now() - started) / 1000));
  const line = `  ${format(done)} / ${format(total)} cases (${format(perSecond)} cases/s)`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  else console.log(line);
};

try {
  const { n } = database.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
  if (n > 0) throw new DatabaseNotEmptyError(n);
  console.log(`Seeding ${format(cases)} cases (seed ${seed}, today ${values.today}) into ${out}`);
  const result = seedDatabase(database.sqlite, {
    cases,
    seed,
    today: values.today,
    attachmentStore: new AttachmentStore(path.resolve(values.attachments)),
    onProgress: report,
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  const perSecond = Math.round(result.cases / (result.ms / 1000));
  console.log(`Done: ${format(result.cases)} cases in ${(result.ms / 1000).toFixed(1)} s (${format(perSecond)} cases/s).`);
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
} catch (error) {
  if (error instanceof DatabaseNotEmptyError) {
    console.error(`Refusing to seed ${out}: it already holds data (${format(error.existingCases)} cases).`);
    console.error('Delete the file (and its -wal/-shm files) or choose another --out.');
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  database.close();
}

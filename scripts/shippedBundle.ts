// What `npm run build` ships in out/main must be what the app runs: no browser driver (the core once pulled the
// harness's playwright into main, a 6.3 MB chunk with direct eval), and no database driver in the main process's
// own chunks (the core, which opens SQLite and talks to the central service, is the coreWorker chunk).
// Run after the build: `tsx scripts/shippedBundle.ts [out/main]` exits non-zero and names each problem.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const WORKER_CHUNK = 'coreWorker.js';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Every way out/main differs from what the app should ship; empty when it is right. */
export function shippedBundleProblems(outMain: string): string[] {
  const files = filesUnder(outMain).filter((file) => /\.(c|m)?js$/.test(file));
  if (!files.some((file) => path.basename(file) === WORKER_CHUNK)) return [`${outMain} has no ${WORKER_CHUNK}: the core's worker was not built`];
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const relative = path.relative(outMain, file);
    if (/playwright/i.test(text)) problems.push(`${relative} contains playwright: the host must inject the PDF renderer`);
    if (path.basename(file) !== WORKER_CHUNK && /require\(["'](better-sqlite3|pg|drizzle-orm[^"']*)["']\)/.test(text)) {
      problems.push(`${relative} loads a database driver: main must leave the databases to the core's worker`);
    }
  }
  return problems;
}

if (require.main === module) {
  const outMain = path.resolve(process.argv[2] ?? 'out/main');
  const problems = shippedBundleProblems(outMain);
  for (const problem of problems) console.error(`[shipped bundle] ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log(`[shipped bundle] ${outMain}: no playwright, no database driver outside the core's worker`);
}

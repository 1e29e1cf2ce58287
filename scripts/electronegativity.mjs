// Runs Doyensec's Electronegativity over the project and fails on any HIGH or MEDIUM finding, except the ones README.md's
// security section answers: its standing request to review the preload (PRELOAD_JS_CHECK), and the one call of
// shell.openExternal (OPEN_EXTERNAL_JS_CHECK), in main's index only, behind the vetted-URL check.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Answered findings: the check, and where it may stand (any file when no list is given). */
const ACCEPTED = new Map([
  ['PRELOAD_JS_CHECK', null],
  ['OPEN_EXTERNAL_JS_CHECK', ['electron/main/index.ts', 'out/main/index.js']],
]);
const answered = (f) => ACCEPTED.has(f.check) && (ACCEPTED.get(f.check) === null || ACCEPTED.get(f.check).includes(f.file));
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
const report = path.join(outDir, 'report.csv');
try {
  execFileSync('npx', ['--no-install', 'electronegativity', '-i', root, '-o', report, '-r', '-v', 'false'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1);
  const findings = rows.map((line) => {
    const [check, severity, confidence, file, location] = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    return { check, severity, confidence, file, location };
  });
  for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.check.padEnd(28)} ${f.file}:${f.location}`);
  const blocking = findings.filter((f) => ['HIGH', 'MEDIUM'].includes(f.severity) && !answered(f));
  if (blocking.length > 0) {
    console.error(`\nElectronegativity: ${blocking.length} high/medium finding(s) to fix.`);
    process.exit(1);
  }
  console.log(`\nElectronegativity: no unanswered high or medium findings (${findings.length} in all; PRELOAD_JS_CHECK and OPEN_EXTERNAL_JS_CHECK answered in README).`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

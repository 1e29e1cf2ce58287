// Runs Doyensec's Electronegativity over the project and fails on any HIGH or MEDIUM finding, except its
// standing request to review the preload (PRELOAD_JS_CHECK), which README.md's security section answers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ACCEPTED = new Set(['PRELOAD_JS_CHECK']);
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
  const blocking = findings.filter((f) => ['HIGH', 'MEDIUM'].includes(f.severity) && !ACCEPTED.has(f.check));
  if (blocking.length > 0) {
    console.error(`\nElectronegativity: ${blocking.length} high/medium finding(s) to fix.`);
    process.exit(1);
  }
  console.log(`\nElectronegativity: no high or medium findings (${findings.length} in all; PRELOAD_JS_CHECK answered in README).`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

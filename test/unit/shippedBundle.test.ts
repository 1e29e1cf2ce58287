import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedBundleProblems } from '../../scripts/shippedBundle';

let outMain: string;
const write = (name: string, text: string) => {
  mkdirSync(path.dirname(path.join(outMain, name)), { recursive: true });
  writeFileSync(path.join(outMain, name), text);
};

beforeEach(() => {
  outMain = mkdtempSync(path.join(tmpdir(), 'out-main-'));
});
afterEach(() => rmSync(outMain, { recursive: true, force: true }));

describe('the shipped main bundle', () => {
  it('passes with main and the core worker apart, the drivers in the worker only', () => {
    write('index.js', 'const w = require("node:worker_threads");');
    write('coreWorker.js', 'const Database = require("better-sqlite3"); const pg = require("pg");');
    expect(shippedBundleProblems(outMain)).toEqual([]);
  });

  it('fails when any chunk carries playwright', () => {
    write('index.js', '');
    write('coreWorker.js', '');
    write('chunks/pdfRenderer-abc.js', 'import("playwright-core").then(({ chromium }) => chromium.launch())');
    expect(shippedBundleProblems(outMain)).toEqual([expect.stringMatching(/^chunks\/pdfRenderer-abc\.js contains playwright/)]);
  });

  it('fails when main itself loads SQLite', () => {
    write('index.js', 'const Database = require("better-sqlite3");');
    write('coreWorker.js', '');
    expect(shippedBundleProblems(outMain)).toEqual([expect.stringMatching(/^index\.js loads a database driver/)]);
  });

  it('fails when the core worker was not built', () => {
    write('index.js', '');
    expect(shippedBundleProblems(outMain)).toEqual([expect.stringMatching(/no coreWorker\.js/)]);
  });
});

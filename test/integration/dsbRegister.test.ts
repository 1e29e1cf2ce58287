// The DSB register loader against a real SQLite file: the documented CSV and JSON formats, bad rows reported with
// their line and reason while the good ones load, installers kept in step, and an older file changing nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { openLocalDatabase, type LocalDatabase } from '../../core/db/openLocalDatabase';
import { seedDatabase } from '../../core/demo/seedDatabase';
import { DsbFileError, parseDsbRegisterFile } from '../../core/registers/dsbRegisterFile';
import { loadDsbRegisterIntoCentral, loadDsbRegisterIntoSqlite } from '../../core/registers/dsbRegisterStore';
import { connectCentral } from '../../core/sync/centralConnection';
import { createTestDatabase } from '../support/postgres';

const ROOT = path.resolve(__dirname, '../..');
const MIGRATIONS = path.join(ROOT, 'db/local/migrations');
const FIXTURES = path.join(ROOT, 'test/fixtures/dsb');
const csv = readFileSync(path.join(FIXTURES, 'register.csv'), 'utf8');
const json = readFileSync(path.join(FIXTURES, 'register.json'), 'utf8');

let directory: string;
let database: LocalDatabase;
let file: string;

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'dsb-register-test-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

beforeEach(() => {
  database?.close();
  file = path.join(directory, `desk-${Date.now()}-${Math.random()}.sqlite`);
  database = openLocalDatabase({ file, migrationsFolder: MIGRATIONS });
  const installer = database.sqlite.prepare(
    'INSERT INTO installers (id, organisation_number, name, dsb_registration_id, dsb_status) VALUES (?, ?, ?, ?, ?)',
  );
  installer.run(1, '987654325', 'Sørlandet Elektro AS', null, null);
  installer.run(2, '922334455', 'Grimstad Elektriske AS', 'EV-100567', 'active');
});

const register = () =>
  database.sqlite.prepare('SELECT organisation_number, name, registration_id, status, as_of FROM dsb_register ORDER BY organisation_number').all();
const installers = () => database.sqlite.prepare('SELECT id, dsb_status, dsb_registration_id FROM installers ORDER BY id').all();

describe('the CSV format', () => {
  it('reads semicolon CSV with quoted fields, Norwegian status words and dates, and reports each bad row by line', () => {
    const read = parseDsbRegisterFile('register.csv', csv, '2025-06-01');
    expect(read.entries.map((e) => [e.line, e.organisationNumber, e.name, e.registrationId, e.status, e.asOf])).toEqual([
      [2, '987654325', 'Sørlandet Elektro AS', 'EV-100234', 'active', '2025-05-30'],
      [3, '922334455', 'Grimstad Elektriske; avd. Fevik', 'EV-100567', 'suspended', '2025-05-30'],
      [4, '975312461', 'Arendal Kraftinstallasjon AS', null, 'deregistered', '2025-06-01'],
      [5, '933445569', 'Lindesnes El AS', 'EV-100891', 'deregistered', '2025-05-30'],
    ]);
    expect(read.errors).toEqual([
      { line: 6, problem: 'bad_organisation_number', detail: '987654321' },
      { line: 7, problem: 'unknown_status', detail: 'Pause' },
      { line: 8, problem: 'missing_column', detail: '2/5' },
    ]);
  });

  it('reads comma CSV just the same', () => {
    const comma = 'organisasjonsnummer,navn,status\n987654325,"Sørlandet Elektro, Kristiansand",aktiv\n';
    const read = parseDsbRegisterFile('x.csv', comma, '2025-06-01');
    expect(read.entries).toMatchObject([{ organisationNumber: '987654325', name: 'Sørlandet Elektro, Kristiansand', status: 'active' }]);
    expect(read.errors).toEqual([]);
  });

  it('refuses a file whose header lacks a required column, naming it', () => {
    expect(() => parseDsbRegisterFile('x.csv', 'organisasjonsnummer;navn\n987654325;A\n', '2025-06-01')).toThrow(DsbFileError);
    expect(() => parseDsbRegisterFile('x.csv', 'organisasjonsnummer;navn\n987654325;A\n', '2025-06-01')).toThrow(/status/);
  });
});

describe('the JSON format', () => {
  it('reads an array of objects and reports each bad entry by position', () => {
    const read = parseDsbRegisterFile('register.json', json, '2025-06-03');
    expect(read.entries.map((e) => [e.line, e.organisationNumber, e.status, e.asOf])).toEqual([
      [1, '987654325', 'active', '2025-06-02'],
      [2, '922334455', 'active', '2025-06-03'],
    ]);
    expect(read.errors).toEqual([
      { line: 3, problem: 'bad_organisation_number', detail: '987654321' },
      { line: 4, problem: 'unknown_status', detail: 'Midlertidig' },
      { line: 5, problem: 'missing_column', detail: 'status' },
      { line: 6, problem: 'not_an_object', detail: '"not an object"' },
      { line: 7, problem: 'bad_date', detail: '2025-06-31' },
    ]);
  });

  it('refuses what is not JSON, or not an array', () => {
    expect(() => parseDsbRegisterFile('x.json', '{"a":', '2025-06-01')).toThrow(/Not valid JSON/);
    expect(() => parseDsbRegisterFile('x.json', '{"a":1}', '2025-06-01')).toThrow(/array/);
  });
});

describe('loading into the local database', () => {
  it('upserts by organisation number and keeps installers in step; an older file changes nothing', () => {
    const first = loadDsbRegisterIntoSqlite(database.sqlite, parseDsbRegisterFile('register.csv', csv, '2025-06-01').entries);
    expect(first).toEqual({ added: 4, updated: 0, unchanged: 0, older: 0, installersUpdated: 2 });
    expect(installers()).toEqual([
      { id: 1, dsb_status: 'active', dsb_registration_id: 'EV-100234' },
      { id: 2, dsb_status: 'suspended', dsb_registration_id: 'EV-100567' },
    ]);

    const newer = loadDsbRegisterIntoSqlite(database.sqlite, parseDsbRegisterFile('register.json', json, '2025-06-03').entries);
    expect(newer).toEqual({ added: 0, updated: 2, unchanged: 0, older: 0, installersUpdated: 1 });
    expect(installers()).toMatchObject([{ dsb_status: 'active' }, { dsb_status: 'active' }]);

    const again = loadDsbRegisterIntoSqlite(database.sqlite, parseDsbRegisterFile('register.csv', csv, '2025-06-01').entries);
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 2, older: 2, installersUpdated: 0 });
    expect(register()).toEqual([
      { organisation_number: '922334455', name: 'Grimstad Elektriske AS', registration_id: null, status: 'active', as_of: '2025-06-03' },
      { organisation_number: '933445569', name: 'Lindesnes El AS', registration_id: 'EV-100891', status: 'deregistered', as_of: '2025-05-30' },
      { organisation_number: '975312461', name: 'Arendal Kraftinstallasjon AS', registration_id: null, status: 'deregistered', as_of: '2025-06-01' },
      { organisation_number: '987654325', name: 'Sørlandet Elektro AS', registration_id: 'EV-100234', status: 'active', as_of: '2025-06-02' },
    ]);
    // The installer keeps its registration id when the newer entry has none.
    expect(installers()).toMatchObject([{ dsb_registration_id: 'EV-100234' }, { dsb_registration_id: 'EV-100567' }]);
  });
});

describe('npm run import-dsb', () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'cli/dsb-import-cli.ts'), ...args], { cwd: ROOT }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('loads the good rows into a SQLite file, lists the bad ones by line with the reason, and exits 1', async () => {
    database.close();
    const result = await cli([path.join(FIXTURES, 'register.csv'), '--database', file, '--date', '2025-06-01']);
    database = openLocalDatabase({ file, migrationsFolder: MIGRATIONS });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('line 6: not a valid organisation number');
    expect(result.stdout).toContain('line 7: unknown status');
    expect(result.stdout).toContain('line 8: too few columns');
    expect(result.stdout).toMatch(/4 row\(s\) read — 4 added.*2 installer\(s\) brought in step; 3 bad row\(s\)/);
    expect(register()).toHaveLength(4);
  });

  it('loads nothing from an unreadable file and exits 2', async () => {
    const broken = path.join(directory, 'broken.json');
    writeFileSync(broken, '[{"organisasjonsnummer": ');
    database.close();
    const result = await cli([broken, '--database', file]);
    database = openLocalDatabase({ file, migrationsFolder: MIGRATIONS });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Not valid JSON/);
    expect(register()).toHaveLength(0);
  });
});

describe('the demo seed', () => {
  it('fills the register from the demo installers: each status as the installer has it, the unregistered missing', () => {
    const seeded = openLocalDatabase({ file: path.join(directory, 'seeded.sqlite'), migrationsFolder: MIGRATIONS });
    try {
      seedDatabase(seeded.sqlite, { cases: 200, seed: 11, today: '2026-11-27', attachmentStore: new AttachmentStore(path.join(directory, 'att')) });
      const rows = seeded.sqlite
        .prepare(
          `SELECT i.dsb_status, d.status AS register_status, d.as_of FROM installers i
           LEFT JOIN dsb_register d ON d.organisation_number = i.organisation_number`,
        )
        .all() as Array<{ dsb_status: string | null; register_status: string | null; as_of: string | null }>;
      expect(rows.every((r) => r.dsb_status === r.register_status)).toBe(true);
      expect(rows.filter((r) => r.register_status !== null).every((r) => r.as_of === '2026-11-27')).toBe(true);
      const statuses = new Set(rows.map((r) => r.register_status));
      expect(statuses).toContain('active');
      expect(statuses).toContain('suspended');
      expect(statuses).toContain('deregistered');
    } finally {
      seeded.close();
    }
  });
});

describe('loading into the central database', () => {
  it('upserts as the owner, keeps installers in step, bumps versions so caches pull it, and an older file changes nothing', async () => {
    const db = await createTestDatabase('dsb_register');
    const admin = await connectCentral(db.adminUrl);
    try {
      await admin.query("INSERT INTO installers (id, organisation_number, name, dsb_status) VALUES (1, '922334455', 'Grimstad Elektriske AS', 'active')");
      const entries = parseDsbRegisterFile('register.csv', csv, '2025-06-01').entries;
      expect(await loadDsbRegisterIntoCentral(admin, entries)).toEqual({ added: 4, updated: 0, unchanged: 0, older: 0, installersUpdated: 1 });
      const installer = await admin.query('SELECT dsb_status, dsb_registration_id FROM installers WHERE id = 1');
      expect(installer.rows).toEqual([{ dsb_status: 'suspended', dsb_registration_id: 'EV-100567' }]);
      const stored = await admin.query("SELECT status, as_of::text AS as_of, version FROM dsb_register WHERE organisation_number = '922334455'");
      expect(stored.rows[0]).toMatchObject({ status: 'suspended', as_of: '2025-05-30' });
      expect(Number(stored.rows[0].version)).toBeGreaterThan(0);
      const newer = parseDsbRegisterFile('register.json', json, '2025-06-03').entries;
      expect(await loadDsbRegisterIntoCentral(admin, newer)).toMatchObject({ updated: 2, installersUpdated: 1 });
      expect(await loadDsbRegisterIntoCentral(admin, entries)).toMatchObject({ added: 0, updated: 0, older: 2, unchanged: 2 });
      expect((await admin.query('SELECT dsb_status FROM installers WHERE id = 1')).rows).toEqual([{ dsb_status: 'active' }]);
    } finally {
      await admin.end();
      await db.drop();
    }
  });
});

// The prequalification register loader against a real SQLite file and a real PostgreSQL: the file replaces the
// prequalifications of each installer in it (kept, renewed in place, added, removed), leaves other installers alone,
// adds an unknown installer the file names and reports one it does not; the CLI's exit codes; and, centrally, the
// removed rows become tombstones and a synced desk's installer check changes with the load.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installerCheckFor } from '../../core/casework/installerCheckService';
import { openLocalDatabase, type LocalDatabase } from '../../core/db/openLocalDatabase';
import { parsePrequalificationFile } from '../../core/registers/prequalificationFile';
import { loadPrequalificationsIntoCentral, loadPrequalificationsIntoSqlite } from '../../core/registers/prequalificationStore';
import { connectCentral } from '../../core/sync/centralConnection';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { eventually, removeClientFiles, seedCentral, startClient, type Client } from '../support/syncClients';

const ROOT = path.resolve(__dirname, '../..');
const MIGRATIONS = path.join(ROOT, 'db/local/migrations');
const FIXTURES = path.join(ROOT, 'test/fixtures/prequalifications');
const csv = readFileSync(path.join(FIXTURES, 'register.csv'), 'utf8');
const json = readFileSync(path.join(FIXTURES, 'register.json'), 'utf8');

const run = promisify(execFile);
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'cli/prequalification-import-cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'prequalification-test-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('loading into the local database', () => {
  let database: LocalDatabase;
  let file: string;

  beforeEach(() => {
    database?.close();
    file = path.join(directory, `desk-${Date.now()}-${Math.random()}.sqlite`);
    database = openLocalDatabase({ file, migrationsFolder: MIGRATIONS });
    const installer = database.sqlite.prepare('INSERT INTO installers (id, organisation_number, name, dsb_status) VALUES (?, ?, ?, ?)');
    installer.run(1, '987654325', 'Sørlandet Elektro AS', 'active');
    installer.run(2, '922334455', 'Grimstad Elektriske AS', 'active');
    installer.run(3, '933445569', 'Lindesnes El AS', 'active');
    const prequalification = database.sqlite.prepare(
      'INSERT INTO prequalifications (id, installer_id, category, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)',
    );
    prequalification.run(1, 1, 'service_cable', '2023-01-01', '2024-12-31'); // renewed by the file
    prequalification.run(2, 2, 'direct_meter', '2020-01-01', '2030-12-31'); // not in the file any more
    prequalification.run(3, 3, 'service_cable', '2020-01-01', '2030-12-31'); // installer not in the file: untouched
    database.sqlite
      .prepare("INSERT INTO dsb_register (organisation_number, name, registration_id, status, as_of) VALUES ('944556672', 'Mandal Installasjon AS', 'EV-1', 'active', '2026-11-01')")
      .run();
  });
  afterAll(() => database?.close());

  const periods = () =>
    database.sqlite
      .prepare(
        `SELECT p.id, i.organisation_number AS org, p.category, p.valid_from AS "from", p.valid_to AS "to"
         FROM prequalifications p JOIN installers i ON i.id = p.installer_id ORDER BY org, category, p.id`,
      )
      .all();

  it('replaces the prequalifications of each installer in the file, adds a named unknown installer, reports an unnamed one', () => {
    const first = loadPrequalificationsIntoSqlite(database.sqlite, parsePrequalificationFile('register.csv', csv).entries);
    expect(first).toEqual({
      installers: 3,
      installersAdded: 1,
      added: 4,
      updated: 1,
      unchanged: 0,
      removed: 1,
      unknownInstallers: [{ organisationNumber: '928282821', lines: [7] }],
    });
    expect(periods()).toEqual([
      { id: 5, org: '922334455', category: 'insulated_cabinet_switching', from: '2026-01-01', to: '2026-12-31' },
      { id: 6, org: '922334455', category: 'uninsulated_cabinet_pole', from: '2024-03-01', to: '2026-02-28' },
      { id: 3, org: '933445569', category: 'service_cable', from: '2020-01-01', to: '2030-12-31' },
      { id: 7, org: '944556672', category: 'uninsulated_cabinet_pole', from: '2026-06-01', to: '2028-05-31' },
      { id: 4, org: '987654325', category: 'direct_meter', from: '2025-01-01', to: '2027-12-31' },
      { id: 1, org: '987654325', category: 'service_cable', from: '2025-01-01', to: '2027-12-31' },
    ]);
    // The added installer has the file's name and DSB's status; no installer for the unnamed number.
    expect(database.sqlite.prepare("SELECT name, dsb_status, dsb_registration_id FROM installers WHERE organisation_number = '944556672'").get()).toEqual({
      name: 'Mandal Installasjon AS',
      dsb_status: 'active',
      dsb_registration_id: 'EV-1',
    });
    expect(database.sqlite.prepare("SELECT count(*) AS n FROM installers WHERE organisation_number = '928282821'").get()).toEqual({ n: 0 });
    // The existing installer keeps its name although the file spells it otherwise.
    expect(database.sqlite.prepare('SELECT name FROM installers WHERE id = 2').get()).toEqual({ name: 'Grimstad Elektriske AS' });

    const again = loadPrequalificationsIntoSqlite(database.sqlite, parsePrequalificationFile('register.csv', csv).entries);
    expect(again).toMatchObject({ installers: 3, installersAdded: 0, added: 0, updated: 0, unchanged: 5, removed: 0 });

    const newer = loadPrequalificationsIntoSqlite(database.sqlite, parsePrequalificationFile('register.json', json).entries);
    expect(newer).toMatchObject({ installers: 2, added: 0, updated: 1, unchanged: 1, removed: 2 });
    expect(periods()).toEqual([
      { id: 5, org: '922334455', category: 'insulated_cabinet_switching', from: '2026-01-01', to: '2026-12-31' },
      { id: 3, org: '933445569', category: 'service_cable', from: '2020-01-01', to: '2030-12-31' },
      { id: 7, org: '944556672', category: 'uninsulated_cabinet_pole', from: '2026-06-01', to: '2028-05-31' },
      { id: 4, org: '987654325', category: 'direct_meter', from: '2025-01-01', to: '2028-12-31' },
    ]);
  });

  it('npm run import-prequalifications: loads the good rows, lists bad and unknown rows by line with the reason, exits 1', async () => {
    database.close();
    const result = await cli([path.join(FIXTURES, 'register.csv'), '--database', file]);
    database = openLocalDatabase({ file, migrationsFolder: MIGRATIONS });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('6 row(s) not loaded:');
    expect(result.stdout).toContain('line 7: no installer with organisation number 928282821');
    expect(result.stdout).toContain('line 8: not a valid organisation number');
    expect(result.stdout).toContain('line 9: unknown category (see docs/prequalification-register-format.md for the accepted words) (høyspent)');
    expect(result.stdout).toContain('line 10: date is not YYYY-MM-DD or DD.MM.YYYY (gyldig_fra 2026-02-30)');
    expect(result.stdout).toContain('line 11: gyldig_fra is after gyldig_til');
    expect(result.stdout).toContain('line 12: too few columns');
    expect(result.stdout).toMatch(/6 row\(s\) read for 3 installer\(s\) \(1 added\) — 4 added, 1 updated, 0 unchanged, 1 removed; 5 bad row\(s\), 1 row\(s\) for unknown installers/);
    expect(periods()).toHaveLength(6);
  });

  it('exits 0 when every row loads, and 2 loading nothing from an unreadable file or without a database', async () => {
    const good = path.join(directory, 'good.csv');
    writeFileSync(good, 'organisasjonsnummer,kategori,gyldig_fra,gyldig_til\n933445569,byggestrøm,2026-01-01,2026-12-31\n');
    const broken = path.join(directory, 'broken.csv');
    writeFileSync(broken, 'organisasjonsnummer;kategori\n933445569;byggestrøm\n');
    database.close();
    const ok = await cli([good, '--database', file]);
    const unreadable = await cli([broken, '--database', file]);
    const nowhere = await cli([good]);
    database = openLocalDatabase({ file, migrationsFolder: MIGRATIONS });
    expect(ok.code).toBe(0);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/lacks the column\(s\): gyldig_fra, gyldig_til/);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/DATABASE_URL/);
    expect(periods()).toEqual([
      { id: 2, org: '922334455', category: 'direct_meter', from: '2020-01-01', to: '2030-12-31' },
      { id: 4, org: '933445569', category: 'insulated_cabinet_switching', from: '2026-01-01', to: '2026-12-31' },
      { id: 1, org: '987654325', category: 'service_cable', from: '2023-01-01', to: '2024-12-31' },
    ]);
  });
});

describe('loading into the central database', () => {
  let db: TestDatabase;
  let anne: Client | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('prequalifications');
  });
  afterAll(async () => {
    if (anne) {
      await anne.close();
      removeClientFiles(anne);
    }
    await db?.drop();
  });

  it('as the owner: replaced rows become tombstones, and a synced desk sees the installer may now do the work', async () => {
    await seedCentral(db, 30);
    const admin = await connectCentral(db.adminUrl);
    let caseId: number;
    let installerId: number;
    let org: string;
    try {
      caseId = Number((await admin.query('SELECT id FROM cases ORDER BY id LIMIT 1')).rows[0].id);
      // Construction power: switching in an insulated cable cabinet, which needs that prequalification.
      await admin.query("UPDATE cases SET request_type = 'temporary_installation', has_production = false WHERE id = $1", [caseId]);
      const installer = (await admin.query('SELECT i.id, i.organisation_number FROM cases c JOIN installers i ON i.id = c.installer_id WHERE c.id = $1', [caseId])).rows[0];
      installerId = Number(installer.id);
      org = installer.organisation_number as string;
      await admin.query('DELETE FROM prequalifications WHERE installer_id = $1', [installerId]);
      await admin.query("INSERT INTO prequalifications (installer_id, category, valid_from, valid_to) VALUES ($1, 'service_cable', '2020-01-01', '2099-12-31')", [installerId]);
      await admin.query(
        `INSERT INTO dsb_register (organisation_number, name, status, as_of) SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = $1
         ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`,
        [installerId],
      );
    } finally {
      await admin.end();
    }

    anne = await startClient(db, 'anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
    const sqlite = anne.core.database.sqlite;
    const construction = () => installerCheckFor(sqlite, caseId, '2026-11-27').work.find((w) => w.kind === 'construction_power_connection');
    expect(construction()).toMatchObject({ installerMay: false, why: { code: 'not_prequalified' } });

    const register = path.join(directory, 'central.csv');
    writeFileSync(
      register,
      'organisasjonsnummer;navn;kategori;gyldig_fra;gyldig_til\n' +
        `${org};;Isolerte kabelskap/byggestrøm;01.01.2026;31.12.2027\n` +
        '944556672;Mandal Installasjon AS;stikkledning;2026-01-01;2026-12-31\n' +
        '928282821;;stikkledning;2026-01-01;2026-12-31\n',
    );
    const result = await cli([register], { DATABASE_URL: db.adminUrl });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('line 4: no installer with organisation number 928282821');
    expect(result.stdout).toMatch(/3 row\(s\) read for 2 installer\(s\) \(1 added\) — 2 added, 0 updated, 0 unchanged, 1 removed/);

    // The desk pulls the new row and the tombstone: its installer check now lets the installer do the work.
    const now = await eventually(() => {
      const check = construction();
      return check?.installerMay ? check : undefined;
    }, 10_000, 'the installer check to change after the central load');
    expect(now).toMatchObject({ installerMay: true, why: { code: 'prequalified', params: { category: 'insulated_cabinet_switching', validTo: '2027-12-31' } } });
    await eventually(
      () => (sqlite.prepare("SELECT count(*) AS n FROM prequalifications WHERE installer_id = ? AND category = 'service_cable'").get(installerId) as { n: number }).n === 0,
      10_000,
      'the removed prequalification to leave the cache',
    );
    await eventually(
      () => sqlite.prepare("SELECT name FROM installers WHERE organisation_number = '944556672'").get() as { name: string } | undefined,
      10_000,
      'the added installer in the cache',
    );

    const check = await connectCentral(db.adminUrl);
    try {
      const rows = (await check.query('SELECT category, deleted FROM prequalifications WHERE installer_id = $1 ORDER BY category', [installerId])).rows;
      expect(rows).toEqual([
        { category: 'insulated_cabinet_switching', deleted: false },
        { category: 'service_cable', deleted: true },
      ]);
      // Loading the same register again changes nothing (no new versions for the caches to pull).
      const before = (await check.query('SELECT max(version)::text AS v FROM prequalifications')).rows[0].v as string;
      const entries = parsePrequalificationFile(register, readFileSync(register, 'utf8')).entries;
      expect(await loadPrequalificationsIntoCentral(check, entries)).toMatchObject({ installersAdded: 0, added: 0, updated: 0, unchanged: 2, removed: 0 });
      expect((await check.query('SELECT max(version)::text AS v FROM prequalifications')).rows[0].v).toBe(before);
    } finally {
      await check.end();
    }
  });
});

// Shared by the central database tests: a few cases to work on, and an assertion on PostgreSQL's refusals (the
// database, connections and desks themselves come from test/support/centralDatabase.ts).
import type pg from 'pg';
import { expect } from 'vitest';
import type { CentralDatabase } from '../../support/centralDatabase';

/** Liv (reader), Kari and Per (case handlers) and Marit (supervisor): their logins and a connection as each. */
export async function staff(central: CentralDatabase) {
  const logins = {
    reader: await central.db.createLogin('liv', 'reader'),
    kari: await central.db.createLogin('kari', 'case_handler'),
    per: await central.db.createLogin('per', 'case_handler'),
    marit: await central.db.createLogin('marit', 'supervisor'),
  };
  const as = (login: string) => central.connect(central.db.urlFor(login));
  return {
    logins,
    reader: await as(logins.reader),
    kari: await as(logins.kari),
    per: await as(logins.per),
    marit: await as(logins.marit),
  };
}

/** The SQLSTATE and message of a refused statement; fails the test if it was not refused. */
export async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { code: code ?? '(none)', message };
  }
  expect.unreachable('PostgreSQL accepted what it should have refused');
  throw new Error('unreachable');
}

/** Reference data and `count` more complete, new, unassigned cases, completed after all earlier ones; their ids. */
export async function insertCases(admin: pg.ClientBase, count: number): Promise<number[]> {
  await admin.query(`INSERT INTO municipalities (number, name) VALUES ('4204', 'Kristiansand') ON CONFLICT DO NOTHING`);
  await admin.query(
    `INSERT INTO installers (id, organisation_number, name) VALUES (1, '923609016', 'Sørlandet Elektro AS')
     ON CONFLICT DO NOTHING`,
  );
  const { rows } = await admin.query<{ id: string }>(
    `INSERT INTO cases (case_number, message_id, request_type, status, submitted_at, complete_at, address, postcode,
       post_town, municipality_number, building_use, network_system, phases, owner_name, owner_id_kind, installer_id)
     SELECT format('T-%s', n), format('MSG-%s', n), 'new_installation', 'new',
       timestamptz '2026-11-01T08:00:00Z' + n * interval '1 minute',
       timestamptz '2026-11-01T09:00:00Z' + n * interval '1 minute',
       'Markens gate 1', '4611', 'Kristiansand', '4204', 'house', '230V_IT', 1, 'Ola Nordmann', 'national_id', 1
     FROM (SELECT (SELECT count(*) FROM cases) + g AS n FROM generate_series(1, $1) g) numbered
     ORDER BY n
     RETURNING id`,
    [count],
  );
  return rows.map((row) => Number(row.id));
}

/** Runs work in a transaction on client, presenting a claim token (or none). */
export async function inClaimedTransaction<T>(
  client: pg.ClientBase,
  token: number | string | null,
  work: () => Promise<T>,
): Promise<T> {
  await client.query('BEGIN');
  try {
    if (token !== null) await client.query(`SELECT set_config('desk.claim_token', $1, true)`, [String(token)]);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

// Versions become visible in commit order: a client that pulls `version > cursor` and moves its cursor to the
// highest version seen never misses a row. First the race spelled out step by step (with a plain sequence as the
// control that loses the row), then many writers committing in random order while readers pull, with NOTIFY.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../core/demo/random';
import { useCentralDatabase } from '../../support/centralDatabase';
import { insertCases, refusal } from './fixtures';

let admin: pg.Client;
let readerLogin: string;
const handlerLogins: string[] = [];
let caseIds: number[];

const central = useCentralDatabase('versions', {
  async setup() {
    readerLogin = await central.db.createLogin('reader', 'reader');
    for (let i = 0; i < 8; i++) handlerLogins.push(await central.db.createLogin(`w${i}`, 'case_handler'));
    admin = central.admin;
    caseIds = await insertCases(admin, 4);
    await admin.query('CREATE TABLE naive_rows (id serial PRIMARY KEY, version bigserial NOT NULL)');
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `client`'s backend waits for a lock (it is blocked on the statement it was given). */
async function waitingForLock(client: pg.Client): Promise<void> {
  const pid = (client as unknown as { processID: number }).processID;
  for (let i = 0; i < 200; i++) {
    const { rows } = await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'", [pid]);
    if (rows.length > 0) return;
    await sleep(10);
  }
  throw new Error(`backend ${pid} never waited for a lock`);
}

/** A client's pull: everything above its cursor; the cursor moves to the highest version seen. */
class Puller {
  cursor = 0;
  readonly seen = new Set<string>();
  constructor(private readonly client: pg.Client, private readonly table: string) {}

  async pull(): Promise<string[]> {
    const { rows } = await this.client.query<{ id: string; version: string }>(
      `SELECT id::text, version FROM ${this.table} WHERE version > $1 ORDER BY version, id`,
      [this.cursor],
    );
    for (const row of rows) {
      this.seen.add(row.id);
      this.cursor = Math.max(this.cursor, Number(row.version));
    }
    return rows.map((row) => row.id);
  }
}

describe('versions', () => {
  it('with a plain sequence, a reader moves past a version that commits later and never sees that row (the control)', async () => {
    const [first, second] = [await central.connect(central.db.adminUrl), await central.connect(central.db.adminUrl)];
    const reader = new Puller(admin, 'naive_rows');
    await first.query('BEGIN');
    const { rows: [early] } = await first.query<{ id: number }>('INSERT INTO naive_rows DEFAULT VALUES RETURNING id');
    await second.query('INSERT INTO naive_rows DEFAULT VALUES'); // a later version, committed first
    expect(await reader.pull()).toHaveLength(1);
    await first.query('COMMIT');
    expect(await reader.pull()).toEqual([]);
    expect(reader.seen.has(String(early.id))).toBe(false); // lost
  });

  it('from the clock, make the later writer wait for the earlier one’s commit, so the reader misses nothing', async () => {
    const [first, second] = [await central.connect(central.db.urlFor(handlerLogins[0])),
      await central.connect(central.db.urlFor(handlerLogins[1]))];
    const reader = new Puller(await central.connect(central.db.urlFor(readerLogin)), 'notes');
    await reader.pull();
    const insertNote = (client: pg.Client, id: string) =>
      client.query("INSERT INTO notes (id, case_id, body) VALUES ($1, $2, 'rekkefølge')", [id, caseIds[0]]);
    const early = randomUUID();
    const late = randomUUID();
    await first.query('BEGIN');
    await insertNote(first, early);
    await second.query('BEGIN');
    const secondInsert = insertNote(second, late);
    await waitingForLock(second); // the clock's row lock, held by the first writer
    expect(await reader.pull()).toEqual([]);
    await first.query('COMMIT');
    await secondInsert;
    expect(await reader.pull()).toEqual([early]);
    await second.query('COMMIT');
    expect(await reader.pull()).toEqual([late]);
  });

  it('give all rows of one transaction the same version, and a later transaction a higher one', async () => {
    const client = await central.connect(central.db.urlFor(handlerLogins[2]));
    await client.query('BEGIN');
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids) await client.query("INSERT INTO notes (id, case_id, body) VALUES ($1, $2, 'x')", [id, caseIds[1]]);
    await client.query('COMMIT');
    const { rows } = await admin.query<{ version: string }>(
      "SELECT version FROM notes WHERE id::text = ANY($1) UNION SELECT version FROM case_events WHERE data->>'noteId' = ANY($1)",
      [ids],
    );
    expect(rows).toHaveLength(1);
    const { rows: [clock] } = await admin.query<{ version: string }>('SELECT version FROM sync_clock');
    expect(clock.version).toBe(rows[0].version);
  });

  it('are taken before any row is locked, so two writers crossing over two cases do not deadlock', async () => {
    const [a, b] = [await central.connect(central.db.adminUrl), await central.connect(central.db.adminUrl)];
    const [caseA, caseB] = caseIds.slice(2);
    await a.query('BEGIN');
    await a.query("UPDATE cases SET free_text = 'a' WHERE id = $1", [caseA]);
    // b's statement waits for the clock before it has locked case B …
    const bWrites = b.query("UPDATE cases SET free_text = 'b' WHERE id = $1", [caseB]);
    bWrites.catch(() => undefined); // awaited below; a deadlock must fail the test there, not as an unhandled error
    await waitingForLock(b);
    // … so a can still lock case B; had b locked it first, this would be a deadlock (40P01) after a second.
    await a.query("UPDATE cases SET free_text = 'a' WHERE id = $1", [caseB]);
    await a.query('COMMIT');
    await bWrites;
    const { rows } = await admin.query('SELECT free_text FROM cases WHERE id = $1', [caseB]);
    expect(rows).toEqual([{ free_text: 'b' }]);
  });

  it('are bounded by sync_clock, which every role may read and which shows only committed versions', async () => {
    const writer = await central.connect(central.db.urlFor(handlerLogins[4]));
    const reader = await central.connect(central.db.urlFor(readerLogin));
    const clock = async () => Number((await reader.query<{ version: string }>('SELECT version FROM sync_clock')).rows[0].version);
    const before = await clock();
    await writer.query('BEGIN');
    await writer.query("INSERT INTO notes (id, case_id, body) VALUES ($1, $2, 'x')", [randomUUID(), caseIds[0]]);
    expect(await clock()).toBe(before); // taken, not committed: not yet a safe bound
    await writer.query('COMMIT');
    expect(await clock()).toBe(before + 1);
    const { rows } = await reader.query('SELECT count(*)::int AS n FROM notes WHERE version > $1', [await clock()]);
    expect(rows[0].n).toBe(0);
  });

  it('cannot be chosen by a client', async () => {
    const client = await central.connect(central.db.urlFor(handlerLogins[3]));
    const refused = await refusal(client.query("INSERT INTO notes (id, case_id, body, version) VALUES ($1, $2, 'x', 1)",
      [randomUUID(), caseIds[0]]));
    expect(refused.code).toBe('42501');
  });
});


describe('versions under concurrent writers', () => {
  it('let readers that pull by cursor, whole or in pages, see every committed row; NOTIFY announces each commit in order', async () => {
    const seed = Number(process.env.DESK_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const generator = new Random(seed);
    const random = () => generator.next();
    const writers = await Promise.all(handlerLogins.map((login) => central.connect(central.db.urlFor(login))));
    const readerClient = await central.connect(central.db.urlFor(readerLogin));
    const listener = await central.connect(central.db.urlFor(readerLogin));
    const announced: number[] = [];
    listener.on('notification', (message) => {
      if (message.channel === 'desk_changes') announced.push(Number(message.payload));
    });
    await listener.query('LISTEN desk_changes');

    const whole = new Puller(readerClient, 'notes');
    await whole.pull();
    const startCursor = whole.cursor;
    // The same, paged: a page never splits what it has not finished, because it is keyed on (version, id).
    let paged = { version: startCursor, id: '00000000-0000-0000-0000-000000000000' };
    const pagedSeen = new Set<string>();
    const pullPaged = async () => {
      for (;;) {
        const { rows } = await readerClient.query<{ id: string; version: string }>(
          'SELECT id::text, version FROM notes WHERE (version, id) > ($1, $2::uuid) ORDER BY version, id LIMIT 3',
          [paged.version, paged.id],
        );
        for (const row of rows) pagedSeen.add(row.id);
        if (rows.length === 0) return;
        const last = rows[rows.length - 1];
        paged = { version: Number(last.version), id: last.id };
      }
    };

    // Each writer's transactions, decided up front from the seed: notes to write, a pause before commit, rollback.
    const plans = writers.map(() =>
      Array.from({ length: 15 }, () => ({
        notes: 1 + Math.floor(random() * 3),
        pauseMs: Math.floor(random() * 6),
        rollback: random() < 0.15,
      })));
    const committedVersions: number[] = [];
    let writing = true;
    const writerRuns = writers.map(async (client, w) => {
      for (const plan of plans[w]) {
        await client.query('BEGIN');
        for (let n = 0; n < plan.notes; n++) {
          await client.query("INSERT INTO notes (id, case_id, body) VALUES ($1, $2, 'samtidig')",
            [randomUUID(), caseIds[w % caseIds.length]]);
        }
        const { rows: [{ version }] } = await client.query<{ version: string }>(
          // The clock row names the transaction that took its current version (central 0015).
          'SELECT version FROM sync_clock WHERE taken_by = txid_current()',
        );
        await client.query('SELECT pg_sleep($1)', [plan.pauseMs / 1000]);
        if (plan.rollback) {
          await client.query('ROLLBACK');
        } else {
          await client.query('COMMIT');
          committedVersions.push(Number(version));
        }
      }
    });
    const readerRun = (async () => {
      let pulls = 0;
      while (writing) {
        await whole.pull();
        await pullPaged();
        pulls++;
      }
      return pulls;
    })();

    try {
      await Promise.all(writerRuns);
      writing = false;
      const pulls = await readerRun;
      await whole.pull();
      await pullPaged();
      const { rows } = await admin.query<{ id: string }>('SELECT id::text FROM notes WHERE version > $1', [startCursor]);
      const committed = new Set(rows.map((row) => row.id));
      expect(pulls).toBeGreaterThan(5);
      expect(committed.size).toBe(plans.flat().filter((p) => !p.rollback).reduce((sum, p) => sum + p.notes, 0));
      expect([...committed].filter((id) => !whole.seen.has(id))).toEqual([]);
      expect([...committed].filter((id) => !pagedSeen.has(id))).toEqual([]);
      // Commits were announced in commit order, which is version order.
      await sleep(200);
      const expected = [...committedVersions].sort((a, b) => a - b);
      expect(announced.filter((v) => expected.includes(v))).toEqual(expected);
    } catch (error) {
      console.error(`versions under concurrent writers failed with DESK_TEST_SEED=${seed}`);
      throw error;
    }
  });
});

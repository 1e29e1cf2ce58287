// Who may do what, as PostgreSQL enforces it for each person: readers write nothing, the audit trail cannot be
// altered by anyone, casework needs a live claim and its current fencing token, only supervisors assign, and every
// audit row names the person. Each connection is what the central service opens for a person (desk_service in their
// group, naming them in desk.actor; test/support/postgres.ts), so this is the second line of defence: what holds
// even if the service let a request through that it should have refused.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CENTRAL_REFUSALS, centralRefusalOf } from '../../../db/central/refusals';
import { useCentralDatabase } from '../../support/centralDatabase';
import { inClaimedTransaction, insertCases, refusal, staff } from './fixtures';

const PERMISSION_DENIED = CENTRAL_REFUSALS.permission_denied;
let admin: pg.Client;
let reader: pg.Client;
let kari: pg.Client;
let per: pg.Client;
let marit: pg.Client;
let logins: { reader: string; kari: string; per: string; marit: string };
let caseIds: number[];

useCentralDatabase('privileges', {
  async setup(central) {
    ({ logins, reader, kari, per, marit } = await staff(central));
    admin = central.admin;
    caseIds = await insertCases(admin, 12);
  },
});

const claim = async (client: pg.Client, caseId: number): Promise<number> =>
  Number((await client.query<{ token: string }>('SELECT claim_case($1) AS token', [caseId])).rows[0].token);
const caseRow = async (caseId: number) =>
  (await admin.query('SELECT status, assignee_id, claimed_by, free_text FROM cases WHERE id = $1', [caseId])).rows[0];
const eventsOf = async (caseId: number) =>
  (await admin.query<{ actor_id: string; kind: string; data: Record<string, unknown> }>(
    'SELECT actor_id, kind, data FROM case_events WHERE case_id = $1 ORDER BY id',
    [caseId],
  )).rows;

describe('a reader', () => {
  it('sees everything', async () => {
    expect((await reader.query('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(caseIds.length);
    expect((await reader.query('SELECT count(*)::int AS n FROM case_events')).rows[0].n).toBeGreaterThanOrEqual(0);
  });

  it('is refused every write by PostgreSQL (42501)', async () => {
    const [caseId] = caseIds;
    const attempts = [
      "UPDATE cases SET status = 'rejected' WHERE id = $1",
      "INSERT INTO notes (id, case_id, body) VALUES (gen_random_uuid(), $1, 'hei')",
      "INSERT INTO applied_mutations (client_id, seq, outcome) VALUES (gen_random_uuid(), $1, 'applied')",
      "INSERT INTO municipalities (number, name) VALUES ('4201', 'Risør ' || $1)",
      'SELECT claim_case($1)',
      'SELECT * FROM fetch_next_case() WHERE $1::int IS NOT NULL',
      'SELECT desk_next_version() WHERE $1::int IS NOT NULL',
    ];
    for (const sql of attempts) expect((await refusal(reader.query(sql, [caseId]))).code, sql).toBe(PERMISSION_DENIED);
    expect(await caseRow(caseId)).toMatchObject({ status: 'new', claimed_by: null });
  });
});

describe('the audit trail', () => {
  it('cannot be updated, deleted, truncated or written directly by case handlers and supervisors (42501)', async () => {
    await kari.query("INSERT INTO notes (id, case_id, body) VALUES (gen_random_uuid(), $1, 'Første notat')", [caseIds[0]]);
    for (const client of [kari, marit, reader]) {
      for (const sql of [
        "UPDATE case_events SET actor_id = 'someone.else'",
        'DELETE FROM case_events',
        'TRUNCATE case_events',
        `INSERT INTO case_events (case_id, actor_id, kind) VALUES (${caseIds[0]}, 'x', 'note_added')`,
      ]) {
        const refused = await refusal(client.query(sql));
        expect(refused.code, sql).toBe(PERMISSION_DENIED);
      }
    }
  });

  it('cannot be changed even by the owner: the triggers refuse (DK004)', async () => {
    for (const sql of ["UPDATE case_events SET actor_id = 'x'", 'DELETE FROM case_events', 'TRUNCATE case_events',
      'TRUNCATE cases CASCADE']) {
      const refused = await refusal(admin.query(sql));
      expect(refused.code, sql).toBe(CENTRAL_REFUSALS.audit_immutable);
      expect(refused.message).toMatch(/^desk:audit_immutable/);
    }
    expect((await admin.query('SELECT count(*)::int AS n FROM case_events')).rows[0].n).toBeGreaterThan(0);
  });
});

describe('notes and their audit rows', () => {
  it('name the writer by desk_actor(), whatever the client claims', async () => {
    const caseId = caseIds[1];
    const { rows: [note] } = await kari.query<{ id: string; author_id: string }>(
      "INSERT INTO notes (id, case_id, body) VALUES (gen_random_uuid(), $1, 'Ringte eier') RETURNING id, author_id",
      [caseId],
    );
    expect(note.author_id).toBe(logins.kari);
    expect(await eventsOf(caseId)).toEqual([
      { actor_id: logins.kari, kind: 'note_added', data: { noteId: note.id, excerpt: 'Ringte eier' } },
    ]);

    // A note in someone else's name is refused by row-level security.
    const forged = await refusal(kari.query(
      "INSERT INTO notes (id, case_id, author_id, body) VALUES (gen_random_uuid(), $1, $2, 'Jeg er Per')",
      [caseId, logins.per],
    ));
    expect(forged.code).toBe(PERMISSION_DENIED);
    expect(forged.message).toMatch(/row-level security/);

    // Taking the group role again changes current_user, not the actor: the audit row still names Kari.
    await kari.query('BEGIN');
    await kari.query('SET LOCAL ROLE case_handler');
    await kari.query("INSERT INTO notes (id, case_id, body) VALUES (gen_random_uuid(), $1, 'Som gruppe')", [caseId]);
    await kari.query('COMMIT');
    const actors = (await eventsOf(caseId)).map((event) => event.actor_id);
    expect(actors).toEqual([logins.kari, logins.kari]);
  });
});

describe('casework on a case', () => {
  it('is refused to a case handler while another handler holds the case (DK002), and the row stays as it was', async () => {
    const caseId = caseIds[2];
    const token = await claim(kari, caseId);
    for (const presented of [null, token]) {
      const refused = await refusal(inClaimedTransaction(per, presented, () =>
        per.query("UPDATE cases SET status = 'in_review', free_text = 'Per var her' WHERE id = $1", [caseId])));
      expect(refused.code).toBe(CENTRAL_REFUSALS.claimed_by_other);
      expect(centralRefusalOf(refused)).toBe('claimed_by_other');
      expect(refused.message).toContain(`desk:claimed_by_other: case ${caseId} is claimed by ${logins.kari}`);
    }
    expect(await caseRow(caseId)).toMatchObject({ status: 'new', free_text: null, claimed_by: logins.kari });
  });

  it('is refused by row-level security alone when the guard trigger is out of the way (42501)', async () => {
    const caseId = caseIds[3];
    await claim(kari, caseId);
    await admin.query('ALTER TABLE cases DISABLE TRIGGER cases_guard');
    try {
      const refused = await refusal(per.query("UPDATE cases SET free_text = 'Per var her' WHERE id = $1", [caseId]));
      expect(refused.code).toBe(PERMISSION_DENIED);
      expect(refused.message).toMatch(/new row violates row-level security policy/);
    } finally {
      await admin.query('ALTER TABLE cases ENABLE TRIGGER cases_guard');
    }
    expect(await caseRow(caseId)).toMatchObject({ free_text: null });
  });

  it('is accepted from the holder with the current token, and audited in their name with the reason given', async () => {
    const caseId = caseIds[4];
    const token = await claim(kari, caseId);
    const result = await inClaimedTransaction(kari, token, async () => {
      await kari.query("SET LOCAL desk.status_reason = 'Mangler situasjonskart'");
      return kari.query("UPDATE cases SET status = 'rejected' WHERE id = $1", [caseId]);
    });
    expect(result.rowCount).toBe(1);
    expect(await eventsOf(caseId)).toEqual([{ actor_id: logins.kari, kind: 'status_changed',
      data: { from: 'new', to: 'rejected', reason: 'Mangler situasjonskart' } }]);
  });

  it('needs the token of the current claim: a stale one is refused (DK001), a missing one too (DK003)', async () => {
    const caseId = caseIds[5];
    const first = await claim(kari, caseId);
    const second = await claim(kari, caseId); // claimed again, e.g. from another window: the first token is stale
    expect(second).toBe(first + 1);
    const stale = await refusal(inClaimedTransaction(kari, first, () =>
      kari.query("UPDATE cases SET free_text = 'sent' WHERE id = $1", [caseId])));
    expect(stale.code).toBe(CENTRAL_REFUSALS.stale_claim);
    expect(stale.message).toMatch(/^desk:stale_claim/);
    const missing = await refusal(kari.query("UPDATE cases SET free_text = 'glemt token' WHERE id = $1", [caseId]));
    expect(missing.code).toBe(CENTRAL_REFUSALS.claim_token_missing);
    const ok = await inClaimedTransaction(kari, second, () =>
      kari.query("UPDATE cases SET free_text = 'ok' WHERE id = $1", [caseId]));
    expect(ok.rowCount).toBe(1);
  });

  it('is refused after the claim was released (DK001)', async () => {
    const caseId = caseIds[6];
    const token = await claim(kari, caseId);
    await kari.query('SELECT release_case($1, $2)', [caseId, token]);
    const refused = await refusal(inClaimedTransaction(kari, token, () =>
      kari.query("UPDATE cases SET free_text = 'etter' WHERE id = $1", [caseId])));
    expect(refused.code).toBe(CENTRAL_REFUSALS.stale_claim);
  });

  it('needs a claim from a supervisor too', async () => {
    const caseId = caseIds[7];
    const refused = await refusal(marit.query("UPDATE cases SET free_text = 'x' WHERE id = $1", [caseId]));
    expect(refused.code).toBe(CENTRAL_REFUSALS.claim_token_missing);
    const token = await claim(marit, caseId);
    const ok = await inClaimedTransaction(marit, token, () =>
      marit.query("UPDATE cases SET free_text = 'x' WHERE id = $1", [caseId]));
    expect(ok.rowCount).toBe(1);
  });

  it('never reaches the columns outside casework: the claim, the version, what the installer sent (42501)', async () => {
    const caseId = caseIds[8];
    const token = await claim(kari, caseId);
    for (const set of ["claimed_by = NULL", "lease_until = now() + interval '1 day'", 'claim_token = 99', 'version = 0',
      "owner_name = 'Noen andre'", "updated_at = now()"]) {
      const refused = await refusal(inClaimedTransaction(kari, token, () =>
        kari.query(`UPDATE cases SET ${set} WHERE id = $1`, [caseId])));
      expect(refused.code, set).toBe(PERMISSION_DENIED);
    }
  });
});

describe('assigning', () => {
  it('is refused to a case handler, even for their own claimed case (42501)', async () => {
    const caseId = caseIds[9];
    const token = await claim(kari, caseId);
    for (const assignee of [logins.kari, logins.per, null]) {
      const refused = await refusal(inClaimedTransaction(kari, token, () =>
        kari.query('UPDATE cases SET assignee_id = $2 WHERE id = $1', [caseId, assignee])));
      expect(refused.code).toBe(PERMISSION_DENIED);
    }
    expect(await caseRow(caseId)).toMatchObject({ assignee_id: null });
  });

  it('is a supervisor’s right, without a claim; it releases a claim the new assignee does not hold', async () => {
    const caseId = caseIds[10];
    await claim(kari, caseId);
    const result = await marit.query('UPDATE cases SET assignee_id = $2 WHERE id = $1', [caseId, logins.per]);
    expect(result.rowCount).toBe(1);
    expect(await caseRow(caseId)).toMatchObject({ assignee_id: logins.per, claimed_by: null });
    expect(await eventsOf(caseId)).toEqual([
      { actor_id: logins.marit, kind: 'assigned', data: { from: null, to: logins.per } },
    ]);
    await claim(per, caseId); // free for the new assignee at once
  });

  it('must name a known user', async () => {
    const refused = await refusal(marit.query("UPDATE cases SET assignee_id = 'nobody' WHERE id = $1", [caseIds[11]]));
    expect(refused.code).toBe('23503');
  });
});

describe('applied mutations', () => {
  it('record the pushing login and are visible only to it', async () => {
    const clientId = '6f1b2c0e-8d7a-4c3b-9f55-0a1b2c3d4e5f';
    await kari.query("INSERT INTO applied_mutations (client_id, seq, outcome) VALUES ($1, 1, 'applied')", [clientId]);
    const { rows } = await kari.query('SELECT actor, outcome FROM applied_mutations WHERE client_id = $1', [clientId]);
    expect(rows).toEqual([{ actor: logins.kari, outcome: 'applied' }]);
    expect((await per.query('SELECT * FROM applied_mutations')).rows).toEqual([]);
    const forged = await refusal(kari.query(
      "INSERT INTO applied_mutations (client_id, seq, actor, outcome) VALUES ($1, 2, $2, 'applied')",
      [clientId, logins.per],
    ));
    expect(forged.code).toBe(PERMISSION_DENIED);
    // A retry of the same (client_id, seq) cannot be recorded twice.
    const twice = await refusal(kari.query("INSERT INTO applied_mutations (client_id, seq, outcome) VALUES ($1, 1, 'applied')", [clientId]));
    expect(twice.code).toBe('23505');
  });
});

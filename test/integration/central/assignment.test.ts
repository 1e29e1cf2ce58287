// Assignment as PostgreSQL enforces it for each person's own login (0002, 0013_assignment): only a supervisor sets
// or changes a case's assignee; a case handler may take a FREE case for themself or give up their own through
// assign_self, and nothing else (42501 desk:assign_not_allowed); every change lands in the audit trail naming the
// login. Assignment rules are the supervisors' to write; who wrote one is stamped by PostgreSQL.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CENTRAL_REFUSALS } from '../../../db/central/refusals';
import { useCentralDatabase } from '../../support/centralDatabase';
import { insertCases, refusal, staff } from './fixtures';

const PERMISSION_DENIED = CENTRAL_REFUSALS.permission_denied;
let admin: pg.Client;
let reader: pg.Client;
let kari: pg.Client;
let per: pg.Client;
let marit: pg.Client;
let logins: { reader: string; kari: string; per: string; marit: string };
let caseIds: number[];

const central = useCentralDatabase('assignment', {
  async setup(central) {
    ({ logins, reader, kari, per, marit } = await staff(central));
    admin = central.admin;
    caseIds = await insertCases(admin, 8);
  },
});

const assigneeOf = async (caseId: number) =>
  (await admin.query<{ assignee_id: string | null }>('SELECT assignee_id FROM cases WHERE id = $1', [caseId])).rows[0].assignee_id;
const assignedEvents = async (caseId: number) =>
  (await admin.query<{ actor_id: string; data: Record<string, unknown> }>(
    "SELECT actor_id, data FROM case_events WHERE case_id = $1 AND kind = 'assigned' ORDER BY id",
    [caseId],
  )).rows;
const takeFree = (client: pg.Client, caseId: number) => client.query('SELECT assign_self($1, true)', [caseId]);
const giveUp = (client: pg.Client, caseId: number) => client.query('SELECT assign_self($1, false)', [caseId]);

describe('a case handler', () => {
  it('cannot set anyone as assignee directly, not even themself (42501)', async () => {
    for (const assignee of [logins.kari, logins.per]) {
      const refused = await refusal(kari.query('UPDATE cases SET assignee_id = $2 WHERE id = $1', [caseIds[0], assignee]));
      expect(refused.code).toBe(PERMISSION_DENIED);
    }
    expect(await assigneeOf(caseIds[0])).toBeNull();
  });

  it('takes a free case for themself, in the audit trail under their own name', async () => {
    await takeFree(kari, caseIds[1]);
    expect(await assigneeOf(caseIds[1])).toBe(logins.kari);
    expect(await assignedEvents(caseIds[1])).toEqual([{ actor_id: logins.kari, data: { from: null, to: logins.kari } }]);
    await takeFree(kari, caseIds[1]); // already theirs: nothing happens
    expect(await assignedEvents(caseIds[1])).toHaveLength(1);
  });

  it('cannot take another’s case nor give it up (42501 desk:assign_not_allowed)', async () => {
    for (const attempt of [takeFree(per, caseIds[1]), giveUp(per, caseIds[1])]) {
      const refused = await refusal(attempt);
      expect(refused.code).toBe(PERMISSION_DENIED);
      expect(refused.message).toContain('desk:assign_not_allowed');
    }
    expect(await assigneeOf(caseIds[1])).toBe(logins.kari);
  });

  it('gives up their own case', async () => {
    await giveUp(kari, caseIds[1]);
    expect(await assigneeOf(caseIds[1])).toBeNull();
    expect((await assignedEvents(caseIds[1])).at(-1)).toEqual({ actor_id: logins.kari, data: { from: logins.kari, to: null } });
  });

  it('gives up a case nobody has: nothing happens, no error', async () => {
    await giveUp(kari, caseIds[7]);
    expect(await assigneeOf(caseIds[7])).toBeNull();
    expect(await assignedEvents(caseIds[7])).toEqual([]);
  });

  it('is one by the group taken, as every other check reads it, for desk_service that does not inherit privileges', async () => {
    // desk_service (NOINHERIT) acts through SET ROLE; session_user stays desk_service, which is a member of every
    // group: the check must read the group it took and the actor it names (central 0015), not its memberships.
    const nils = await central.connectAs('nils', 'case_handler');
    const login = (await nils.query<{ actor: string }>('SELECT desk_actor() AS actor')).rows[0].actor;
    await takeFree(nils, caseIds[0]);
    expect(await assigneeOf(caseIds[0])).toBe(login);
    await giveUp(nils, caseIds[0]);
    expect(await assigneeOf(caseIds[0])).toBeNull();
    // The same service session in the reader group is refused, whatever the actor it names.
    await nils.query('RESET ROLE');
    await nils.query('SET ROLE reader');
    expect((await refusal(takeFree(nils, caseIds[0]))).code).toBe(PERMISSION_DENIED);
  });

  it('is told when the case does not exist (DK005)', async () => {
    expect((await refusal(takeFree(kari, 999_999))).code).toBe(CENTRAL_REFUSALS.case_not_found);
  });
});

describe('a reader', () => {
  it('may not take cases at all (42501)', async () => {
    expect((await refusal(takeFree(reader, caseIds[2]))).code).toBe(PERMISSION_DENIED);
    expect(await assigneeOf(caseIds[2])).toBeNull();
  });
});

describe('a supervisor', () => {
  it('assigns and reassigns anyone’s case; each change is an audit row naming the supervisor', async () => {
    await takeFree(kari, caseIds[3]);
    await marit.query('UPDATE cases SET assignee_id = $2 WHERE id = $1', [caseIds[3], logins.per]);
    await marit.query('UPDATE cases SET assignee_id = $2 WHERE id = ANY($1)', [caseIds.slice(4, 7), logins.kari]);
    expect(await assigneeOf(caseIds[3])).toBe(logins.per);
    expect(await assignedEvents(caseIds[3])).toEqual([
      { actor_id: logins.kari, data: { from: null, to: logins.kari } },
      { actor_id: logins.marit, data: { from: logins.kari, to: logins.per } },
    ]);
    for (const caseId of caseIds.slice(4, 7)) {
      expect(await assignedEvents(caseId)).toEqual([{ actor_id: logins.marit, data: { from: null, to: logins.kari } }]);
    }
  });
});

describe('assignment rules', () => {
  it('are written by a supervisor only; PostgreSQL stamps who and when', async () => {
    await marit.query("INSERT INTO assignment_rules (criterion, value, assignee_id) VALUES ('municipality', '4204', $1)", [logins.kari]);
    await marit.query(
      "INSERT INTO assignment_rules (criterion, value, assignee_id) VALUES ('municipality', '4204', $1) ON CONFLICT (criterion, value) DO UPDATE SET assignee_id = EXCLUDED.assignee_id",
      [logins.per],
    );
    const { rows } = await admin.query('SELECT criterion, value, assignee_id, updated_by, version FROM assignment_rules');
    expect(rows).toEqual([
      { criterion: 'municipality', value: '4204', assignee_id: logins.per, updated_by: logins.marit, version: expect.any(String) },
    ]);
    for (const client of [kari, reader]) {
      const insert = await refusal(client.query("INSERT INTO assignment_rules (criterion, value, assignee_id) VALUES ('request_type', 'fuse_change', $1)", [logins.kari]));
      expect(insert.code).toBe(PERMISSION_DENIED);
      const update = await refusal(client.query('UPDATE assignment_rules SET assignee_id = NULL'));
      expect(update.code).toBe(PERMISSION_DENIED);
    }
    // Nobody names someone else as the writer.
    const forged = await refusal(marit.query(
      "INSERT INTO assignment_rules (criterion, value, assignee_id, updated_by) VALUES ('request_type', 'fuse_change', $1, 'someone')",
      [logins.kari],
    ));
    expect(forged.code).toBe(PERMISSION_DENIED);
    // Everyone reads them.
    expect((await reader.query('SELECT count(*)::int AS n FROM assignment_rules')).rows[0].n).toBe(1);
  });

  it('know only the two criteria and known users', async () => {
    expect((await refusal(marit.query("INSERT INTO assignment_rules (criterion, value, assignee_id) VALUES ('area', 'x', $1)", [logins.kari]))).code).toBe('23514');
    expect((await refusal(marit.query("INSERT INTO assignment_rules (criterion, value, assignee_id) VALUES ('request_type', 'fuse_change', 'nobody')"))).code).toBe('23503');
  });

  it('assign only to an active case handler or supervisor: a reader or an inactive user is refused (23514)', async () => {
    const inactive = await central.db.createLogin('ola', 'case_handler');
    await admin.query('UPDATE app_users SET active = false WHERE id = $1', [inactive]);
    for (const assignee of [logins.reader, inactive]) {
      const insert = await refusal(marit.query(
        "INSERT INTO assignment_rules (criterion, value, assignee_id) VALUES ('request_type', 'fuse_change', $1)", [assignee]));
      expect(insert.code).toBe('23514');
      expect(insert.message).toContain('desk:assignee_not_eligible');
      const update = await refusal(marit.query(
        "UPDATE assignment_rules SET assignee_id = $1 WHERE criterion = 'municipality' AND value = '4204'", [assignee]));
      expect(update.code).toBe('23514');
    }
    expect((await admin.query("SELECT assignee_id FROM assignment_rules WHERE value = '4204'")).rows).toEqual([{ assignee_id: logins.per }]);
    // A supervisor may be the assignee; no assignee at all is allowed too.
    await marit.query("INSERT INTO assignment_rules (criterion, value, assignee_id) VALUES ('request_type', 'fuse_change', $1)", [logins.marit]);
    await marit.query("UPDATE assignment_rules SET assignee_id = NULL WHERE value = 'fuse_change'");
  });
});

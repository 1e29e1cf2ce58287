// Completeness on a real PostgreSQL: an override and a request for information pushed from a desk arrive as that
// person; the audit triggers write the same events (kinds and data) the desk wrote optimistically, and the
// central rows (overrides, completeness time, due date, status, paused clock, the stored letter) match the cache's.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { readCompletenessRulesFile, storeCompletenessRulesCentral } from '../../../core/casework/completenessRulesFile';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';
import { ok } from '../../support/apiResult';
import { REQUEST_TYPES } from '../../../shared/rules';

let admin: pg.Client;
let anne: Client;

useCentralDatabase('completeness', {
  seedCases: 200,
  admin: 'desk',
  async setup(central) {
    admin = central.admin;
    anne = await central.startClient('anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
  },
});

const localSql = () => anne.core.database.sqlite;

interface EventShape {
  kind: string;
  data: unknown;
}

/** A new, unclaimed "work at metering point" case missing only the owner's email, claimed by Anne. */
async function incompleteClaimedCase(): Promise<number> {
  const { rows } = await admin.query<{ id: string }>(
    `SELECT c.id FROM cases c JOIN installers i ON i.id = c.installer_id
     WHERE c.status = 'new' AND c.claimed_by IS NULL AND i.email IS NOT NULL
       AND c.id NOT IN (SELECT case_id FROM outgoing_messages) AND c.completeness_overrides = '{}'
     ORDER BY c.id LIMIT 1`,
  );
  const caseId = Number(rows[0].id);
  await admin.query(
    `UPDATE cases SET request_type = 'metering_point_work', has_production = false, battery_kwh = NULL, owner_email = NULL,
       metering_point_ids = '["707057500012345675"]', meter_numbers = '["6970631400123456"]', complete_at = NULL,
       due_date = NULL, clock_paused_on = NULL WHERE id = $1`,
    [caseId],
  );
  await eventually(() => {
    const view = anne.core.handlers['case.completeness']({ caseId }) as { items: { code: string; ok: boolean }[] };
    return view.items.length === 3 && view.items.filter((i) => !i.ok).map((i) => i.code).join() === 'owner_email';
  }, 5_000, 'the incomplete case in the cache');
  ok(await anne.core.dispatch('case.claim', { caseId }));
  await eventually(
    () => (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state === 'mine',
    5_000,
    'the claim',
  );
  return caseId;
}

async function maxCentralEventId(caseId: number): Promise<number> {
  const { rows } = await admin.query<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM case_events WHERE case_id = $1', [caseId]);
  return Number(rows[0].id);
}

async function centralEventsSince(caseId: number, afterId: number): Promise<EventShape[]> {
  const { rows } = await admin.query<{ kind: string; data: unknown; actor_id: string }>(
    `SELECT kind, data, actor_id FROM case_events WHERE case_id = $1 AND id > $2 AND kind NOT LIKE 'claim%' ORDER BY id`,
    [caseId, afterId],
  );
  // case_events.data is text centrally (compared as written); its JSON is what must agree.
  return rows.map((row) => ({ kind: row.kind, data: typeof row.data === 'string' ? (JSON.parse(row.data) as unknown) : row.data }));
}

/** The desk's optimistic events of the latest outbox entry (read at once, before the sync replaces them). */
function optimisticEvents(caseId: number): EventShape[] {
  const rows = localSql()
    .prepare(
      `SELECT kind, data FROM case_events WHERE case_id = ? AND pending_seq = (SELECT max(seq) FROM outbox) ORDER BY id DESC`,
    )
    .all(caseId) as { kind: string; data: string }[];
  // Optimistic ids count down (runMutation): the first written has the highest id.
  return rows.map((row) => ({ kind: row.kind, data: JSON.parse(row.data) as unknown }));
}

async function pushed(): Promise<void> {
  await eventually(
    () => (localSql().prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n === 0,
    5_000,
    'the push',
  );
  await anne.core.central!.engine.whenIdle();
  expect(ok<unknown[]>(await anne.core.dispatch('outbox.refused', {}))).toEqual([]);
}

describe('completeness on the central database', () => {
  it('the central seed carries the shipped rules and company settings, and the desk has them by sync', async () => {
    const { rows } = await admin.query<{ rules: string; settings: string }>(
      'SELECT (SELECT count(*) FROM completeness_rules)::text AS rules, (SELECT count(*) FROM company_settings)::text AS settings',
    );
    expect(rows[0]).toEqual({ rules: String(REQUEST_TYPES.length), settings: '5' });
    expect(localSql().prepare('SELECT count(*) FROM completeness_rules').pluck().get()).toBe(REQUEST_TYPES.length);
    expect(localSql().prepare("SELECT value FROM company_settings WHERE key = 'due_working_days'").pluck().get()).toBe('15');
    expect(localSql().prepare("SELECT value FROM company_settings WHERE key = 'meter_mounting_working_days'").pluck().get()).toBe('5');
  });

  it('an override that completes the case: same events and due date as the desk, the completeness time the server’s', async () => {
    const caseId = await incompleteClaimedCase();
    const mark = await maxCentralEventId(caseId);
    ok(await anne.core.dispatch('case.overrideCompletenessItem', { caseId, item: 'owner_email', reason: 'Eier ringte inn' }));
    const local = optimisticEvents(caseId);
    const localCase = localSql().prepare('SELECT complete_at, due_date FROM cases WHERE id = ?').get(caseId) as {
      complete_at: string;
      due_date: string;
    };
    expect(local.map((e) => e.kind)).toEqual(['completeness_overridden', 'completeness_reached']);
    await pushed();

    expect(await centralEventsSince(caseId, mark)).toEqual(local);
    const { rows } = await admin.query<{ complete_at: string; due_date: string; overrides: string }>(
      `SELECT to_char(complete_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS complete_at, due_date::text, completeness_overrides AS overrides FROM cases WHERE id = $1`,
      [caseId],
    );
    // The time is the server's clock when it applied the change, never the desk's: at or after the desk's own.
    expect(rows[0].complete_at >= localCase.complete_at).toBe(true);
    expect(Date.parse(rows[0].complete_at)).toBeLessThanOrEqual(Date.now());
    expect(rows[0].due_date).toBe(localCase.due_date);
    expect(JSON.parse(rows[0].overrides)).toEqual({ owner_email: { reason: 'Eier ringte inn', by: anne.login, at: rows[0].complete_at } });

    // The cache now holds the server's rows, and reads them as the same checklist.
    await eventually(
      () => (localSql().prepare('SELECT count(*) AS n FROM case_events WHERE case_id = ? AND pending_seq IS NOT NULL').get(caseId) as { n: number }).n === 0,
      5_000,
      'the server events in the cache',
    );
    await eventually(
      () => (localSql().prepare('SELECT complete_at FROM cases WHERE id = ?').get(caseId) as { complete_at: string }).complete_at === rows[0].complete_at,
      5_000,
      'the server’s completeness time in the cache',
    );
    const view = anne.core.handlers['case.completeness']({ caseId }) as { complete: boolean; items: { code: string; overridden: boolean }[] };
    expect(view.complete).toBe(true);
    expect(view.items.find((i) => i.code === 'owner_email')?.overridden).toBe(true);
  });

  it('a request for information: same events, the status, the paused clock and the letter stored centrally', async () => {
    const caseId = await incompleteClaimedCase();
    const mark = await maxCentralEventId(caseId);
    ok(
      await anne.core.dispatch('case.requestInformation', {
        caseId,
        items: ['owner_email'],
        subject: 'Mangler i meldingen',
        body: 'Vi mangler e-postadressen til eier.',
      }),
    );
    const local = optimisticEvents(caseId);
    const localMessage = localSql().prepare('SELECT id, recipient, items FROM outgoing_messages WHERE case_id = ?').get(caseId) as {
      id: string;
      recipient: string;
      items: string;
    };
    const localCase = localSql().prepare('SELECT clock_paused_on FROM cases WHERE id = ?').get(caseId) as { clock_paused_on: string };
    expect(local.map((e) => e.kind)).toEqual(['status_changed', 'message_queued']);
    await pushed();

    expect(await centralEventsSince(caseId, mark)).toEqual(local);
    const { rows: cases } = await admin.query('SELECT status, clock_paused_on::text FROM cases WHERE id = $1', [caseId]);
    expect(cases[0]).toEqual({ status: 'waiting_for_info', clock_paused_on: localCase.clock_paused_on });
    const { rows: messages } = await admin.query(
      'SELECT id, kind, recipient, subject, body, items, created_by FROM outgoing_messages WHERE case_id = $1',
      [caseId],
    );
    expect(messages).toEqual([
      {
        id: localMessage.id,
        kind: 'information_request',
        recipient: localMessage.recipient,
        subject: 'Mangler i meldingen',
        body: 'Vi mangler e-postadressen til eier.',
        items: localMessage.items,
        created_by: anne.login,
      },
    ]);
    // The pulled letter replaces the optimistic one: one row, no longer pending.
    await eventually(
      () => (localSql().prepare('SELECT count(*) AS n FROM outgoing_messages WHERE case_id = ? AND pending_seq IS NULL').get(caseId) as { n: number }).n === 1,
      5_000,
      'the central letter in the cache',
    );
  });

  it("a rules file loaded centrally reaches the desk, and the desk's checklist follows it", async () => {
    const reading = readCompletenessRulesFile(
      JSON.stringify({
        ruleSets: {
          street_lighting: { items: [{ code: 'ignition_cabinet_photo', label: { nb: 'Bilde av tennskap' }, requires: { attachment: 'photo' } }] },
        },
      }),
    );
    if (!reading.ok) throw new Error(reading.errors.join('; '));
    expect(await storeCompletenessRulesCentral(admin, reading.file)).toBe(1);
    const { rows } = await admin.query<{ id: string }>("SELECT id FROM cases WHERE status = 'new' ORDER BY id DESC LIMIT 1");
    const caseId = Number(rows[0].id);
    await admin.query("UPDATE cases SET request_type = 'street_lighting' WHERE id = $1", [caseId]);
    const view = await eventually(() => {
      const current = anne.core.handlers['case.completeness']({ caseId }) as { rulesSource: string; items: { code: string }[] };
      return current.items.some((i) => i.code === 'ignition_cabinet_photo') ? current : null;
    }, 5_000, 'the new rules on the desk');
    expect(view).toMatchObject({ rulesSource: 'company', items: [{ code: 'ignition_cabinet_photo' }] });
  });
});

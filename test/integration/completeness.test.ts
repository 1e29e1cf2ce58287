// Completeness against a real SQLite file, through the contract as the renderer calls it: the checklist, an
// override that completes the case (completeness time, due date in Norwegian working days, history), and a request
// for information (status, paused clock, the stored letter, history); refusals change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, CompletenessView, InformationRequestDraft } from '../../shared/contract';
import { storeCompletenessRules } from '../../core/casework/completenessService';
import { osloDate } from '../../core/clock';
import { formatDateNb, replyDeadline } from '../../shared/rules';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
let caseId: number;
let me: string;
let installerEmail: string;
const clock = { current: new Date('2026-03-27T10:00:00Z') };

const sql = () => harness.core.database.sqlite;
const dispatch = (name: string, input: unknown) => harness.core.dispatch(name, input);
const valueOf = <T>(result: ApiResult<unknown>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};
const checklist = async () => valueOf<CompletenessView>(await dispatch('case.completeness', { caseId }));
const caseRow = () =>
  sql()
    .prepare('SELECT status, complete_at, due_date, clock_paused_on, completeness_overrides FROM cases WHERE id = ?')
    .get(caseId) as { status: string; complete_at: string | null; due_date: string | null; clock_paused_on: string | null; completeness_overrides: string };
const newEvents = (afterId: number) =>
  (sql().prepare('SELECT kind, data, actor_id FROM case_events WHERE case_id = ? AND id > ? ORDER BY id').all(caseId, afterId) as {
    kind: string;
    data: string;
    actor_id: string;
  }[]).map((event) => ({ ...event, data: JSON.parse(event.data) as unknown }));
const lastEventId = () => (sql().prepare('SELECT coalesce(max(id), 0) AS id FROM case_events').get() as { id: number }).id;
const counts = () =>
  sql()
    .prepare(
      'SELECT (SELECT count(*) FROM case_events) AS events, (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM outgoing_messages) AS messages',
    )
    .get();

/**
 * A new "work at metering point" request (no attachments needed) missing what `missing` names: owner email and/or
 * meter number.
 */
function arrange({ missing = ['owner_email'] as string[], status = 'new' } = {}) {
  sql()
    .prepare(
      `UPDATE cases SET request_type = 'metering_point_work', status = ?, has_production = 0, complete_at = NULL,
         due_date = NULL, clock_paused_on = NULL, completeness_overrides = '{}', owner_email = ?,
         metering_point_ids = '["707057500012345675"]', meter_numbers = ? WHERE id = ?`,
    )
    .run(status, missing.includes('owner_email') ? null : 'eier@example.no',
      missing.includes('meter_number') ? '[]' : '["6970631400123456"]', caseId);
  sql().prepare("DELETE FROM company_settings WHERE key = 'due_working_days'").run();
  harness.core.context.casesChanged([caseId]);
}

beforeAll(() => {
  harness = startInProcessHarness({ cases: 30, clock: { now: () => clock.current } });
  const picked = sql().prepare('SELECT c.id, i.email FROM cases c JOIN installers i ON i.id = c.installer_id WHERE i.email IS NOT NULL ORDER BY c.id LIMIT 1').get() as {
    id: number;
    email: string;
  };
  caseId = picked.id;
  installerEmail = picked.email;
  me = harness.core.context.currentUser().id;
});
afterAll(() => harness.dispose());
beforeEach(() => {
  clock.current = new Date('2026-03-27T10:00:00Z');
});

describe('the checklist', () => {
  it('shows each required item met or missing, with the reason, from the rules stored in the database', async () => {
    arrange({ missing: ['owner_email', 'meter_number'] });
    const view = await checklist();
    expect(view).toMatchObject({ complete: false, completeAt: null, dueDate: null, rulesSource: 'company' });
    expect(view.items.map((i) => [i.code, i.ok])).toEqual([
      ['owner_email', false],
      ['metering_point_id', true],
      ['meter_number', false],
    ]);
    expect(view.items[0].reason).toEqual({ code: 'field.missing', params: { fields: ['ownerEmail'], facts: {} } });
  });

  it("follows the grid company's edited rules (a stored rule set replaces the default)", async () => {
    arrange({ missing: [] });
    const stored = sql().prepare("SELECT rules FROM completeness_rules WHERE request_type = 'metering_point_work'").pluck().get() as string;
    sql()
      .prepare("UPDATE completeness_rules SET rules = ? WHERE request_type = 'metering_point_work'")
      .run(JSON.stringify({ items: [{ code: 'photo', label: { nb: 'Bilde av måler' }, requires: { attachment: 'photo' } }] }));
    try {
      const view = await checklist();
      expect(view.items.map((i) => [i.code, i.ok])).toEqual([['photo', false]]);
    } finally {
      sql().prepare("UPDATE completeness_rules SET rules = ? WHERE request_type = 'metering_point_work'").run(stored);
    }
  });
});

describe('the rules table', () => {
  const stored = () => sql().prepare("SELECT rules FROM completeness_rules WHERE request_type = 'metering_point_work'").pluck().get() as string;

  it('refuses a bad rules file whole: nothing of it is stored', () => {
    const before = sql().prepare('SELECT request_type, rules FROM completeness_rules ORDER BY request_type').all();
    const file = {
      ruleSets: {
        fuse_change: { items: [{ code: 'photo', label: { nb: 'Bilde' }, requires: { attachment: 'photo' } }] },
        metering_point_work: { items: [{ code: 'photo', label: { nb: 'Bilde' }, requires: { attachment: 'photo' }, when: { field: 'mainFuse', gt: 1 } }] },
      },
    };
    expect(() => storeCompletenessRules(sql(), file as never, '2026-03-27T10:00:00Z')).toThrow(/when/);
    expect(sql().prepare('SELECT request_type, rules FROM completeness_rules ORDER BY request_type').all()).toEqual(before);
  });

  it('falls back to the shipped default when a stored rule set no longer parses', async () => {
    arrange({ missing: ['owner_email'] });
    const good = stored();
    sql().prepare("UPDATE completeness_rules SET rules = '{not json' WHERE request_type = 'metering_point_work'").run();
    try {
      const view = await checklist();
      expect(view.rulesSource).toBe('default');
      expect(view.items.map((i) => i.code)).toEqual(['owner_email', 'metering_point_id', 'meter_number']);
    } finally {
      sql().prepare("UPDATE completeness_rules SET rules = ? WHERE request_type = 'metering_point_work'").run(good);
    }
  });
});

describe('overriding an item', () => {
  it('completes the case: completeness time now, due 15 working days later skipping Easter, told in the history', async () => {
    arrange({ missing: ['owner_email'] });
    const before = lastEventId();
    const result = await dispatch('case.overrideCompletenessItem', { caseId, item: 'owner_email', reason: 'Eier ringte inn adressen' });
    expect(result.ok).toBe(true);
    // Friday 27 March 2026 + 15 working days, Maundy Thursday, Good Friday and Easter Monday excluded.
    expect(caseRow()).toMatchObject({ complete_at: '2026-03-27T10:00:00.000Z', due_date: '2026-04-22' });
    expect(JSON.parse(caseRow().completeness_overrides)).toEqual({
      owner_email: { reason: 'Eier ringte inn adressen', by: me, at: '2026-03-27T10:00:00.000Z' },
    });
    expect(newEvents(before)).toEqual([
      { kind: 'completeness_overridden', data: { item: 'owner_email', reason: 'Eier ringte inn adressen' }, actor_id: me },
      { kind: 'completeness_reached', data: { dueDate: '2026-04-22' }, actor_id: me },
    ]);
    const view = await checklist();
    expect(view.complete).toBe(true);
    expect(view.items[0]).toMatchObject({
      code: 'owner_email',
      ok: false,
      overridden: true,
      override: { reason: 'Eier ringte inn adressen', by: me, byName: expect.any(String) },
    });
  });

  it("uses the company's number of working days, around Ascension Day", async () => {
    arrange({ missing: ['owner_email'] });
    sql().prepare("INSERT INTO company_settings (key, value) VALUES ('due_working_days', '3')").run();
    clock.current = new Date('2026-05-13T08:00:00Z');
    await dispatch('case.overrideCompletenessItem', { caseId, item: 'owner_email', reason: 'Avklart på telefon' });
    // Wednesday 13 May; Thursday 14 May is Ascension Day.
    expect(caseRow().due_date).toBe('2026-05-19');
  });

  it('counts from the Norwegian date: 23:30 UTC on Thursday is already Friday in Oslo', async () => {
    arrange({ missing: ['owner_email'] });
    clock.current = new Date('2026-03-26T23:30:00Z');
    await dispatch('case.overrideCompletenessItem', { caseId, item: 'owner_email', reason: 'Avklart' });
    // Counted from Thursday 26 March it would be 21 April.
    expect(caseRow().due_date).toBe('2026-04-22');
  });

  it('does not complete a case that still misses something, and sets no due date', async () => {
    arrange({ missing: ['owner_email', 'meter_number'] });
    const before = lastEventId();
    await dispatch('case.overrideCompletenessItem', { caseId, item: 'owner_email', reason: 'Kjent fra før' });
    expect(caseRow()).toMatchObject({ complete_at: null, due_date: null });
    expect(newEvents(before).map((e) => e.kind)).toEqual(['completeness_overridden']);
  });

  it('keeps the first completeness time when a case was complete before', async () => {
    arrange({ missing: ['owner_email'] });
    sql().prepare("UPDATE cases SET complete_at = '2026-03-02T08:00:00Z', due_date = '2026-03-23' WHERE id = ?").run(caseId);
    const before = lastEventId();
    await dispatch('case.overrideCompletenessItem', { caseId, item: 'owner_email', reason: 'Kjent fra før' });
    expect(caseRow()).toMatchObject({ complete_at: '2026-03-02T08:00:00Z', due_date: '2026-03-23' });
    expect(newEvents(before).map((e) => e.kind)).toEqual(['completeness_overridden']);
  });

  it.each([
    ['no reason', { item: 'owner_email', reason: '   ' }, 'input.invalid'],
    ['an item the case meets', { item: 'metering_point_id', reason: 'x' }, 'completeness.itemNotMissing'],
    ['an item not on the checklist', { item: 'site_map', reason: 'x' }, 'completeness.itemUnknown'],
  ])('refuses %s and changes nothing', async (_label, input, code) => {
    arrange({ missing: ['owner_email'] });
    const before = counts();
    const result = await dispatch('case.overrideCompletenessItem', { caseId, ...input });
    expect(result.ok ? null : result.error.code).toBe(code);
    expect(counts()).toEqual(before);
    expect(caseRow()).toMatchObject({ completeness_overrides: '{}', complete_at: null });
  });
});

describe('a request for information', () => {
  it('drafts a Norwegian letter naming the chosen items, the case number and the address', async () => {
    arrange({ missing: ['owner_email', 'meter_number'] });
    const place = sql().prepare('SELECT case_number, address FROM cases WHERE id = ?').get(caseId) as { case_number: string; address: string };
    const draft = valueOf<InformationRequestDraft>(
      await dispatch('case.informationRequestDraft', { caseId, items: ['meter_number'] }),
    );
    expect(draft.recipient).toBe(installerEmail);
    expect(draft.subject).toContain(place.case_number);
    expect(draft.body).toContain('Vi mangler følgende for å kunne behandle meldingen:\n- Målernummer\n');
    expect(draft.body).not.toContain('E-postadresse til eier');
    expect(draft.body).toContain(place.address);
    // Fourteen days from the desk's today, and what follows if no answer comes.
    expect(draft.body).toContain(`Svarfrist: ${formatDateNb(replyDeadline(osloDate(clock.current)))}. Har vi ikke fått opplysningene innen fristen`);
    expect(draft.body).toContain('Svarfrist: 10. april 2026.');
  });

  it('puts the case to wait for the installer, stops the clock, stores the letter and tells the history', async () => {
    arrange({ missing: ['owner_email', 'meter_number'] });
    const before = lastEventId();
    const result = await dispatch('case.requestInformation', {
      caseId,
      items: ['owner_email', 'meter_number'],
      subject: ' Mangler i meldingen ',
      body: 'Hei,\nvi mangler e-post og målernummer.',
    });
    expect(result.ok).toBe(true);
    expect(caseRow()).toMatchObject({ status: 'waiting_for_info', clock_paused_on: '2026-03-27' });
    const message = sql().prepare('SELECT * FROM outgoing_messages WHERE case_id = ?').get(caseId) as Record<string, unknown>;
    expect(message).toMatchObject({
      kind: 'information_request',
      recipient: installerEmail,
      subject: 'Mangler i meldingen',
      body: 'Hei,\nvi mangler e-post og målernummer.',
      items: '["owner_email","meter_number"]',
      created_by: me,
      delivery_state: 'queued',
      pending_seq: null,
    });
    expect(newEvents(before)).toEqual([
      { kind: 'status_changed', data: { from: 'new', to: 'waiting_for_info' }, actor_id: me },
      { kind: 'message_queued', data: { messageId: message.id, kind: 'information_request', subject: 'Mangler i meldingen' }, actor_id: me },
    ]);
    const outbox = sql().prepare('SELECT mutation, args FROM outbox ORDER BY seq DESC LIMIT 1').get() as { mutation: string; args: string };
    expect(outbox.mutation).toBe('case.requestInformation');
    expect(JSON.parse(outbox.args)).toMatchObject({ caseId, messageId: message.id });
  });

  it.each([
    ['from an approved case', { status: 'approved' }, { items: ['owner_email'] }, 'status.transitionNotAllowed'],
    ['for an item the case meets', { status: 'new' }, { items: ['metering_point_id'] }, 'completeness.itemNotMissing'],
    ['for no item at all', { status: 'new' }, { items: [] }, 'input.invalid'],
  ])('is refused %s, and nothing changes', async (_label, arrangement, input, code) => {
    arrange({ missing: ['owner_email'], ...arrangement });
    const before = counts();
    const result = await dispatch('case.requestInformation', { caseId, subject: 'Emne', body: 'Tekst', ...input });
    expect(result.ok ? null : result.error.code).toBe(code);
    expect(counts()).toEqual(before);
    expect(caseRow()).toMatchObject({ status: arrangement.status, clock_paused_on: null });
  });
});

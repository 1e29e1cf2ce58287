// Importing incoming messages into a real SQLite file: good records become cases, bad ones are quarantined with
// their reasons and nothing is lost, duplicates change nothing, supplements and completion notices find their case.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../../core/attachments/attachmentStore';
import { openLocalDatabase, type LocalDatabase } from '../../../core/db/openLocalDatabase';
import { importTextIntoDatabase, type ImportOutcome } from '../../../core/import/importService';
import { addWorkingDays, workingDaysBetween } from '../../../shared/rules';
import {
  DEVELOPER_ORG,
  INSTALLER_ORG,
  completionNotice,
  requestMessage,
  supplementMessage,
} from '../../fixtures/import/buildMessages';

const MIGRATIONS = path.resolve(__dirname, '../../../db/local/migrations');
const NOW = new Date('2026-03-20T09:00:00Z');
let directory: string;
let database: LocalDatabase;
let sqlite: Database.Database;
let store: AttachmentStore;

beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'import-test-'));
  database = openLocalDatabase({ file: path.join(directory, 'desk.sqlite'), migrationsFolder: MIGRATIONS });
  sqlite = database.sqlite;
  store = new AttachmentStore(path.join(directory, 'attachments'));
});
afterEach(() => {
  database.close();
  rmSync(directory, { recursive: true, force: true });
});

const load = (value: unknown, now = NOW, source = 'test.json'): ImportOutcome =>
  importTextIntoDatabase(sqlite, store, typeof value === 'string' ? value : JSON.stringify(value), source, { now });
const count = (table: string): number => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const caseOf = (messageId: string) =>
  sqlite.prepare('SELECT * FROM cases WHERE message_id = ?').get(messageId) as Record<string, unknown>;
const eventsOf = (caseId: unknown) =>
  (sqlite.prepare('SELECT kind, data, actor_id FROM case_events WHERE case_id = ? ORDER BY id').all(caseId) as {
    kind: string; data: string; actor_id: string;
  }[]).map((e) => ({ kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown>, actor: e.actor_id }));
const messagesOf = (caseId: unknown) =>
  sqlite.prepare('SELECT kind, subject, body, created_by FROM outgoing_messages WHERE case_id = ? ORDER BY created_at').all(caseId) as {
    kind: string; subject: string; body: string; created_by: string;
  }[];
const quarantineRows = () =>
  (sqlite.prepare('SELECT * FROM import_quarantine ORDER BY received_at, rowid').all() as Array<Record<string, string> & { message_id: string | null }>).map(
    (row) => ({ id: row.id, raw: row.raw, source: row.source, state: row.state, message_id: row.message_id,
      resolved_by: row.resolved_by, reasons: JSON.parse(row.reasons) as { path: string; code: string; message: string }[] }));
const setting = (key: string, value: unknown) =>
  sqlite.prepare('INSERT OR REPLACE INTO company_settings (key, value) VALUES (?, ?)').run(key, JSON.stringify(value));

describe('requests', () => {
  it('become new cases with a case number, attachments, a received event and the due date from completeness', () => {
    const outcome = load([requestMessage(1), requestMessage(2)]);
    expect(outcome).toMatchObject({ imported: 2, duplicates: 0, quarantined: 0 });
    const row = caseOf('ELS-9000001');
    expect(row).toMatchObject({
      case_number: '2026-000001', status: 'new', request_type: 'new_installation', submitted_at: '2026-03-02T07:15:00.000Z',
      complete_at: '2026-03-02T07:15:00.000Z', due_date: addWorkingDays('2026-03-02', 15), municipality_number: '4204',
      metering_point_ids: JSON.stringify([requestMessage(1).installation && (requestMessage(1).installation as { meteringPointIds: string[] }).meteringPointIds[0]]),
    });
    expect(caseOf('ELS-9000002').case_number).toBe('2026-000002');
    const attachments = sqlite.prepare('SELECT kind, sha256, size_bytes FROM attachments WHERE case_id = ?').all(row.id) as { kind: string; sha256: string }[];
    expect(attachments.map((a) => a.kind).sort()).toEqual(['grid_rental_order', 'site_map']);
    expect(() => store.locate(sqlite, (sqlite.prepare('SELECT id FROM attachments LIMIT 1').get() as { id: number }).id)).not.toThrow();
    expect(eventsOf(row.id)).toEqual([
      { kind: 'received', data: { messageId: 'ELS-9000001' }, actor: 'system:import' },
      { kind: 'completeness_reached', data: { dueDate: addWorkingDays('2026-03-02', 15) }, actor: 'system:import' },
    ]);
    expect(count('incoming_messages')).toBe(2);
  });

  it('leave an incomplete request without complete_at or due date, and follow the due-days setting', () => {
    setting('due_working_days', 5);
    load([requestMessage(1, { attachments: [] }), requestMessage(2)]);
    expect(caseOf('ELS-9000001')).toMatchObject({ complete_at: null, due_date: null });
    expect(caseOf('ELS-9000002').due_date).toBe(addWorkingDays('2026-03-02', 5));
  });

  it('from a developer, or for many units, are routed out of the normal flow with the reason', () => {
    setting('developer_project_min_units', 12);
    load([
      requestMessage(1, { sender: { role: 'developer', organisationNumber: DEVELOPER_ORG, name: 'Bygg Utvikling AS' } }),
      requestMessage(2, { installation: { ...(requestMessage(2).installation as object), unitCount: 12 } }),
      requestMessage(3, { installation: { ...(requestMessage(3).installation as object), unitCount: 11 } }),
    ]);
    expect(caseOf('ELS-9000001')).toMatchObject({ status: 'developer_project' });
    expect(caseOf('ELS-9000001').decision_reason).toMatch(/utbyggeren Bygg Utvikling AS/);
    expect(caseOf('ELS-9000002').decision_reason).toMatch(/12 enheter \(grensen er 12\)/);
    expect(caseOf('ELS-9000003').status).toBe('new');
    expect(eventsOf(caseOf('ELS-9000002').id).at(-2)).toMatchObject({
      kind: 'status_changed', data: { from: 'new', to: 'developer_project', rule: 'developer_project' },
    });
    // Told to the installer in the same import, with the reason; the case left in the normal flow gets no message.
    expect(messagesOf(caseOf('ELS-9000002').id)).toEqual([expect.objectContaining({ kind: 'developer_referral', created_by: 'system:import' })]);
    expect(messagesOf(caseOf('ELS-9000002').id)[0].body).toContain('«Utbyggerprosjekt: 12 enheter (grensen er 12)');
    expect(eventsOf(caseOf('ELS-9000002').id).at(-1)).toMatchObject({ kind: 'message_queued', data: { kind: 'developer_referral' } });
    expect(messagesOf(caseOf('ELS-9000003').id)).toEqual([]);
  });
});

describe('auto-approval of work at a metering point', () => {
  const meteringPointWork = (n: number) => requestMessage(n, {
    requestType: 'metering_point_work',
    installation: { ...(requestMessage(n).installation as object), meterNumbers: ['7359992890123'] },
  });
  const registerInstaller = (status: string) => {
    sqlite.prepare("INSERT INTO dsb_register VALUES (?, 'Sørlandet Elektro AS', 'DSB-1', ?, '2026-01-01')").run(INSTALLER_ORG, status);
    load([requestMessage(999)]); // creates the installer row
    const installerId = caseOf('ELS-9000999').installer_id;
    sqlite.prepare("INSERT INTO prequalifications (installer_id, category, valid_from, valid_to) VALUES (?, 'direct_meter', '2025-01-01', '2027-12-31')").run(installerId);
  };

  it('is off by default: the request stays new', () => {
    registerInstaller('active');
    load([meteringPointWork(1)]);
    expect(caseOf('ELS-9000001').status).toBe('new');
  });

  it('when switched on, approves a complete request by an active, prequalified installer and says the rule did it', () => {
    registerInstaller('active');
    setting('auto_approve_metering_point_work', true);
    load([meteringPointWork(1)]);
    expect(caseOf('ELS-9000001').status).toBe('approved');
    expect(eventsOf(caseOf('ELS-9000001').id).at(-2)).toMatchObject({
      kind: 'status_changed', data: { from: 'new', to: 'approved', rule: 'auto_approve_metering_point_work' },
    });
    // The approval is the installer's go-ahead (no offer for work at a metering point), queued in the same import.
    const [message] = messagesOf(caseOf('ELS-9000001').id);
    expect(message).toMatchObject({ kind: 'approval', created_by: 'system:import' });
    expect(message.body).toContain('Denne godkjenningen er klarsignalet.');
  });

  it('when switched on, leaves work that brings production new: it needs a grid assessment (NEM-forskriften § 3-7)', () => {
    registerInstaller('active');
    setting('auto_approve_metering_point_work', true);
    const pdf = Buffer.from('erklæring').toString('base64');
    const withProduction = meteringPointWork(1) as { attachments: unknown[] };
    load([{
      ...withProduction,
      production: { productionKw: 6.5, inverter: 'Fronius Primo 6.0' },
      attachments: [...withProduction.attachments,
        { kind: 'production_declaration', fileName: 'erklaering.pdf', mimeType: 'application/pdf', contentBase64: pdf },
        { kind: 'inverter_certificate', fileName: 'vekselretter.pdf', mimeType: 'application/pdf', contentBase64: pdf }],
    }]);
    // Complete, by an active prequalified installer: only the assessment keeps it from the rule.
    expect(caseOf('ELS-9000001').complete_at).not.toBeNull();
    expect(caseOf('ELS-9000001').status).toBe('new');
    expect(messagesOf(caseOf('ELS-9000001').id)).toEqual([]);
  });

  it('when switched on, leaves the request new if the installer is not active in DSB, or the request is incomplete', () => {
    registerInstaller('suspended');
    setting('auto_approve_metering_point_work', true);
    load([meteringPointWork(1), requestMessage(2, { requestType: 'metering_point_work' })]);
    expect(caseOf('ELS-9000001').status).toBe('new');
    expect(caseOf('ELS-9000002')).toMatchObject({ status: 'new', complete_at: null });
    expect(messagesOf(caseOf('ELS-9000001').id)).toEqual([]);
  });
});

describe('bad records', () => {
  it('an invalid JSON file is quarantined whole, with where the parse failed', () => {
    const text = '[{"messageId": "ELS-1", "kind": "request",,}]';
    const outcome = load(text);
    expect(outcome).toMatchObject({ imported: 0, quarantined: 1 });
    const [row] = quarantineRows();
    expect(row).toMatchObject({ raw: text, state: 'open', source: 'test.json', message_id: null });
    expect(row.reasons[0]).toMatchObject({ code: 'invalidJson' });
    expect(row.reasons[0].message).toMatch(/position \d+/);
  });

  it('each bad record is quarantined with its reason, and the good ones in the same file are imported', () => {
    const wrongTypes = requestMessage(2, { installation: { ...(requestMessage(2).installation as object), phases: 'three' } });
    const unknownType = requestMessage(3, { requestType: 'heat_pump' });
    const brokenOrg = requestMessage(4, { installer: { organisationNumber: '123456789', name: 'Feil AS' } });
    const brokenMeteringPoint = requestMessage(5, {
      installation: { ...(requestMessage(5).installation as object), meteringPointIds: ['707057500000000002'] },
    });
    const unknownMunicipality = requestMessage(6, { installation: { ...(requestMessage(6).installation as object), municipalityNumber: '0301' } });
    const outcome = load([requestMessage(1), wrongTypes, unknownType, brokenOrg, brokenMeteringPoint, unknownMunicipality, 42]);
    expect(outcome).toMatchObject({ imported: 1, quarantined: 6 });
    const byMessage = new Map(quarantineRows().map((row) => [row.message_id, row]));
    expect(byMessage.get('ELS-9000002')?.reasons).toEqual([expect.objectContaining({ path: 'installation.phases' })]);
    expect(byMessage.get('ELS-9000003')?.reasons).toEqual([expect.objectContaining({ path: 'requestType', code: 'unknownRequestType' })]);
    expect(byMessage.get('ELS-9000004')?.reasons).toEqual([
      expect.objectContaining({ path: 'installer.organisationNumber', code: 'organisationNumber.checkDigit' })]);
    expect(byMessage.get('ELS-9000005')?.reasons).toEqual([
      expect.objectContaining({ path: 'installation.meteringPointIds.0', code: 'meteringPointId.checkDigit' })]);
    expect(byMessage.get('ELS-9000006')?.reasons).toEqual([
      expect.objectContaining({ path: 'installation.municipalityNumber', code: 'municipality.unknown' })]);
    expect(byMessage.get(null)?.raw).toBe('42');
    // The raw text is the record itself, ready to fix and import again.
    expect(JSON.parse(byMessage.get('ELS-9000003')!.raw)).toEqual(unknownType);
    expect(count('cases')).toBe(1);
  });

  it('a supplement or completion notice whose case cannot be found is quarantined', () => {
    const outcome = load([supplementMessage(1, 'ELS-NOPE'), completionNotice(1, 'ELS-NOPE', { caseMessageId: undefined, caseNumber: '2026-999999' })]);
    expect(outcome).toMatchObject({ imported: 0, quarantined: 2 });
    expect(quarantineRows().map((r) => r.reasons[0].code)).toEqual(['case.notFound', 'case.notFound']);
  });

  it('a re-import of a fixed quarantined record marks it imported; one that fails again updates the same row', () => {
    load([requestMessage(1, { requestType: 'heat_pump' })]);
    const [row] = quarantineRows();
    const stillWrong = importTextIntoDatabase(sqlite, store, JSON.stringify(requestMessage(1, { requestType: 'boat' })), 'app',
      { now: NOW, replaceQuarantineId: row.id, actorId: 'kari' });
    expect(stillWrong.quarantineIds).toEqual([row.id]);
    expect(quarantineRows()).toHaveLength(1);
    expect(quarantineRows()[0].raw).toContain('boat');
    const fixed = importTextIntoDatabase(sqlite, store, JSON.stringify(requestMessage(1)), 'app',
      { now: NOW, replaceQuarantineId: row.id, actorId: 'kari' });
    expect(fixed).toMatchObject({ imported: 1, quarantined: 0 });
    expect(quarantineRows()[0]).toMatchObject({ state: 'imported', resolved_by: 'kari' });
  });
});

describe('duplicates', () => {
  it('the same message twice in one file, or in two imports, yields one case and changes nothing the second time', () => {
    expect(load([requestMessage(1), requestMessage(1)])).toMatchObject({ imported: 1, duplicates: 1 });
    const before = { cases: count('cases'), events: count('case_events'), attachments: count('attachments') };
    expect(load([requestMessage(1)])).toMatchObject({ imported: 0, duplicates: 1, quarantined: 0 });
    expect({ cases: count('cases'), events: count('case_events'), attachments: count('attachments') }).toEqual(before);
  });
});

describe('supplements', () => {
  it('find their case, apply what changed, and move it from waiting for information to review with the clock resumed', () => {
    load([requestMessage(1, { attachments: [] })]);
    const row = caseOf('ELS-9000001');
    // The handler asked for information on 5 March, when the case was complete and due 15 working days later.
    sqlite.prepare("UPDATE cases SET status = 'waiting_for_info', complete_at = '2026-03-02T07:15:00Z', due_date = ?, clock_paused_on = '2026-03-05' WHERE id = ?")
      .run(addWorkingDays('2026-03-02', 15), row.id);
    const outcome = load([supplementMessage(1, 'ELS-9000001', {
      changes: { installation: { mainFuseA: 63 }, owner: { phone: '+47 911 11 111' } },
      attachments: [{ kind: 'site_map', fileName: 'kart.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('kart').toString('base64') }],
      text: 'Kart vedlagt.',
    })]);
    expect(outcome).toMatchObject({ imported: 1, caseIds: [row.id] });
    const after = caseOf('ELS-9000001');
    const paused = workingDaysBetween('2026-03-05', '2026-03-20');
    expect(paused).toBeGreaterThan(0);
    expect(after).toMatchObject({
      status: 'in_review', main_fuse_a: 63, owner_phone: '+47 911 11 111', clock_paused_on: null,
      due_date: addWorkingDays(addWorkingDays('2026-03-02', 15), paused),
      supplement_changes: JSON.stringify(['mainFuseA', 'ownerPhone', 'site_map']),
    });
    expect(eventsOf(row.id).slice(-2)).toEqual([
      { kind: 'supplement_received', actor: 'system:import', data: {
        messageId: 'ELS-SUP-1', changedFields: ['mainFuseA', 'ownerPhone'], attachments: [{ kind: 'site_map', fileName: 'kart.pdf' }], text: 'Kart vedlagt.' } },
      { kind: 'status_changed', actor: 'system:import', data: { from: 'waiting_for_info', to: 'in_review' } },
    ]);
  });

  it('that make an incomplete case complete record the completeness time and set the due date from it', () => {
    load([requestMessage(1, { attachments: [] })]);
    const row = caseOf('ELS-9000001');
    sqlite.prepare("UPDATE cases SET status = 'waiting_for_info', clock_paused_on = '2026-03-05' WHERE id = ?").run(row.id);
    const pdf = Buffer.from('x').toString('base64');
    load([supplementMessage(1, 'ELS-9000001', { attachments: [
      { kind: 'site_map', fileName: 'kart.pdf', mimeType: 'application/pdf', contentBase64: pdf },
      { kind: 'grid_rental_order', fileName: 'nettleie.pdf', mimeType: 'application/pdf', contentBase64: pdf },
    ] })]);
    const due = addWorkingDays('2026-03-10', 15);
    expect(caseOf('ELS-9000001')).toMatchObject({ status: 'in_review', complete_at: '2026-03-10T09:00:00.000Z', due_date: due });
    expect(eventsOf(row.id).at(-1)).toMatchObject({ kind: 'completeness_reached', data: { dueDate: due } });
  });
});

describe('completion notices', () => {
  const approve = (messageId: string) => sqlite.prepare("UPDATE cases SET status = 'approved' WHERE message_id = ?").run(messageId);

  it('report the work done on an approved case', () => {
    load([requestMessage(1)]);
    approve('ELS-9000001');
    expect(load([completionNotice(1, 'ELS-9000001')])).toMatchObject({ imported: 1 });
    expect(caseOf('ELS-9000001').status).toBe('completion_reported');
    expect(eventsOf(caseOf('ELS-9000001').id).slice(-2).map((e) => e.kind)).toEqual(['completion_notice_received', 'status_changed']);
  });

  it('start the meter clock: due the company target in working days after the notice arrived, not the handling date', () => {
    load([requestMessage(1)]);
    approve('ELS-9000001');
    const handlingDue = caseOf('ELS-9000001').due_date;
    expect(handlingDue).toBe(addWorkingDays('2026-03-02', 15));
    // Sent Monday 4 May 2026: five working days on is Monday 11 May.
    load([completionNotice(1, 'ELS-9000001')]);
    const row = caseOf('ELS-9000001');
    expect(row).toMatchObject({ status: 'completion_reported', due_date: '2026-05-11' });
    expect(eventsOf(row.id).at(-2)).toMatchObject({ kind: 'completion_notice_received', data: { meterDueDate: '2026-05-11' } });
  });

  it('follow the meter mounting setting and skip holidays (Ascension Day, 14 May 2026)', () => {
    setting('meter_mounting_working_days', 8);
    load([requestMessage(1)]);
    approve('ELS-9000001');
    load([completionNotice(1, 'ELS-9000001')]);
    expect(caseOf('ELS-9000001').due_date).toBe('2026-05-15');
    // A value no one could have saved counts as not set: the shipped 5.
    setting('meter_mounting_working_days', 0);
    load([requestMessage(2)]);
    approve('ELS-9000002');
    load([completionNotice(2, 'ELS-9000002')]);
    expect(caseOf('ELS-9000002').due_date).toBe('2026-05-11');
  });

  it('for construction power ask for termination instead, due to be taken down within the same target', () => {
    load([requestMessage(1, { requestType: 'temporary_installation', wantedEndDate: '2026-09-30' })]);
    approve('ELS-9000001');
    load([completionNotice(1, 'ELS-9000001')]);
    expect(caseOf('ELS-9000001').status).toBe('termination_requested');
    // The same target after the ferdigmelding, for taking the cabinet down: not the handling deadline long past.
    // Sent Monday 4 May 2026: five working days on is Monday 11 May; no meter is to be mounted, so no meter date.
    expect(caseOf('ELS-9000001').due_date).toBe('2026-05-11');
    expect(eventsOf(caseOf('ELS-9000001').id).at(-2)?.data).not.toHaveProperty('meterDueDate');
    expect(eventsOf(caseOf('ELS-9000001').id).at(-1)).toMatchObject({
      data: { from: 'approved', to: 'termination_requested' } });
  });

  it('for a connected construction-power cabinet ask for its termination (the installer\'s ferdigmelding or the portal\'s)', () => {
    load([requestMessage(1, { requestType: 'temporary_installation' })]);
    sqlite.prepare("UPDATE cases SET status = 'connected', power_connected_on = '2026-03-10', start_meter_reading = 12 WHERE message_id = ?")
      .run('ELS-9000001');
    load([completionNotice(1, 'ELS-9000001')]);
    expect(caseOf('ELS-9000001').status).toBe('termination_requested');
    expect(eventsOf(caseOf('ELS-9000001').id).at(-1)).toMatchObject({ data: { from: 'connected', to: 'termination_requested' } });
  });

  it('for a case in a status that does not take one are recorded on the case and answered to the installer, not applied', () => {
    load([requestMessage(1)]);
    const outcome = load([completionNotice(1, 'ELS-9000001')]);
    expect(outcome).toMatchObject({ imported: 1, quarantined: 0 });
    const row = caseOf('ELS-9000001');
    expect(row.status).toBe('new');
    expect(quarantineRows()).toEqual([]);
    expect(eventsOf(row.id).slice(-2)).toMatchObject([
      { kind: 'completion_notice_received', data: { refused: expect.stringMatching(/status new/), refusals: ['statusNotAllowed'] } },
      { kind: 'message_queued', data: { kind: 'completion_refused' } },
    ]);
    const [answer] = messagesOf(row.id).filter((m) => m.kind === 'completion_refused');
    expect(answer.subject).toBe(`Ferdigmelding ikke mottatt – ${String(row.case_number)}, ${String(row.address)}, 4631 Kristiansand`);
    expect(answer.body).toContain('Saken tar ikke imot ferdigmelding nå');
    expect(answer.created_by).toBe('system:import');
  });

  it('without the samsvarserklæring or a meter reading are answered with each reason, and change nothing on the case', () => {
    load([requestMessage(1, { installation: { ...(requestMessage(1).installation as object), meterNumbers: ['7359992'] } })]);
    approve('ELS-9000001');
    const attachments = count('attachments');
    expect(load([completionNotice(1, 'ELS-9000001', { attachments: [] })])).toMatchObject({ imported: 1, quarantined: 0 });
    const row = caseOf('ELS-9000001');
    expect(row.status).toBe('approved');
    expect(count('attachments')).toBe(attachments);
    const [answer] = messagesOf(row.id).filter((m) => m.kind === 'completion_refused');
    expect(answer.body).toContain('- Samsvarserklæringen mangler.');
    expect(answer.body).toContain('- Målerstanden mangler for måler 7359992.');
    expect(eventsOf(row.id).at(-2)).toMatchObject({ kind: 'completion_notice_received',
      data: { refusals: ['declarationMissing', 'meterReadingMissing'] } });

    // Sent again with both: taken.
    load([completionNotice(2, 'ELS-9000001', { meterReadings: [{ meterNumber: '7359992', readingKwh: 48_211 }] })]);
    expect(caseOf('ELS-9000001').status).toBe('completion_reported');
    expect(eventsOf(row.id).at(-2)).toMatchObject({ kind: 'completion_notice_received',
      data: { meterReadings: [{ meterNumber: '7359992', readingKwh: 48_211 }], attachments: [{ kind: 'declaration_of_conformity' }] } });
  });

  it('a partial one is recorded with what it carried; the case and its clock wait for the last', () => {
    load([requestMessage(1)]);
    approve('ELS-9000001');
    const handlingDue = caseOf('ELS-9000001').due_date;
    expect(load([completionNotice(1, 'ELS-9000001', { partial: true, text: 'Leilighet 1–4 ferdig' })])).toMatchObject({ imported: 1 });
    const row = caseOf('ELS-9000001');
    expect(row).toMatchObject({ status: 'approved', due_date: handlingDue });
    expect(eventsOf(row.id).at(-1)).toMatchObject({ kind: 'completion_notice_received', data: { partial: true, text: 'Leilighet 1–4 ferdig' } });
    expect(count('attachments')).toBeGreaterThan(0);

    load([completionNotice(2, 'ELS-9000001')]);
    expect(caseOf('ELS-9000001')).toMatchObject({ status: 'completion_reported', due_date: '2026-05-11' });
  });
});

describe('a 50 MB file', () => {
  it('imports what is good and quarantines what is bad, within time', () => {
    const padding = Buffer.alloc(600_000, 7).toString('base64'); // ~800 kB per request
    const records = Array.from({ length: 66 }, (_, n) => requestMessage(n + 1, {
      attachments: [{ kind: 'site_map', fileName: `kart-${n}.pdf`, mimeType: 'application/pdf', contentBase64: padding }],
      ...(n % 16 === 0 ? { requestType: 'heat_pump' } : {}),
    }));
    const text = JSON.stringify(records);
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const started = performance.now();
    const outcome = load(text);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(outcome).toMatchObject({ imported: 61, quarantined: 5, duplicates: 0 });
    expect(count('cases') + count('import_quarantine')).toBe(66);
  });
});

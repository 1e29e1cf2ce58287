// The same import against a real central PostgreSQL database, as its owner: cases, attachments, events (the audit
// trigger's status_changed among them), duplicates and the quarantine.
import type pg from 'pg';
import { expect, it } from 'vitest';
import { importIntoCentral } from '../../../core/import/centralImport';
import { addWorkingDays } from '../../../shared/rules';
import { useCentralDatabase } from '../../support/centralDatabase';
import { requestMessage, supplementMessage } from '../../fixtures/import/buildMessages';

let client: pg.Client;
const NOW = new Date('2026-03-20T09:00:00Z');

useCentralDatabase('import_central', {
  async setup(central) {
    client = central.admin;
  },
});

const rows = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> => (await client.query<T>(sql, values)).rows;

it('imports requests, counts a duplicate, quarantines a bad record, and applies a supplement with the trigger writing the status change', async () => {
  const first = await importIntoCentral(client, JSON.stringify([
    requestMessage(1, { attachments: [] }),
    requestMessage(2),
    requestMessage(2),
    requestMessage(3, { requestType: 'heat_pump' }),
  ]), 'central.json', { now: NOW });
  expect(first).toMatchObject({ imported: 2, duplicates: 1, quarantined: 1 });

  const cases = await rows<{ id: string; case_number: string; status: string; complete_at: Date | null; due_date: string | null }>(
    "SELECT id, case_number, status, complete_at, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM cases ORDER BY id");
  expect(cases.map((c) => [c.case_number, c.status, c.due_date])).toEqual([
    ['2026-000001', 'new', null],
    ['2026-000002', 'new', addWorkingDays('2026-03-02', 15)],
  ]);
  expect(await rows('SELECT kind FROM attachments WHERE case_id = $1 ORDER BY kind', [cases[1].id])).toEqual([
    { kind: 'grid_rental_order' }, { kind: 'site_map' }]);
  expect((await rows('SELECT count(*)::int AS n FROM attachment_blobs'))[0]).toEqual({ n: 2 });
  const [quarantined] = await rows<{ message_id: string; reasons: string; state: string }>('SELECT message_id, reasons, state FROM import_quarantine');
  expect(quarantined).toMatchObject({ message_id: 'ELS-9000003', state: 'open' });
  expect(JSON.parse(quarantined.reasons)).toEqual([expect.objectContaining({ code: 'unknownRequestType' })]);

  // The handler asked for information (as the owner here; the casework mutation does it in the app).
  await client.query("UPDATE cases SET status = 'waiting_for_info', clock_paused_on = '2026-03-05' WHERE id = $1", [cases[0].id]);
  const pdf = Buffer.from('kart').toString('base64');
  const second = await importIntoCentral(client, JSON.stringify([
    supplementMessage(1, 'ELS-9000001', { changes: { installation: { mainFuseA: 63 } }, attachments: [
      { kind: 'site_map', fileName: 'kart.pdf', mimeType: 'application/pdf', contentBase64: pdf },
      { kind: 'grid_rental_order', fileName: 'nettleie.pdf', mimeType: 'application/pdf', contentBase64: pdf },
    ] }),
    requestMessage(1, { attachments: [] }),
  ]), 'central-2.json', { now: NOW });
  expect(second).toMatchObject({ imported: 1, duplicates: 1, quarantined: 0 });
  const [after] = await rows<{ status: string; main_fuse_a: number; clock_paused_on: string | null; due_date: string; supplement_changes: string }>(
    "SELECT status, main_fuse_a, clock_paused_on, to_char(due_date, 'YYYY-MM-DD') AS due_date, supplement_changes FROM cases WHERE id = $1", [cases[0].id]);
  expect(after).toMatchObject({ status: 'in_review', main_fuse_a: 63, clock_paused_on: null, due_date: addWorkingDays('2026-03-10', 15) });
  expect(JSON.parse(after.supplement_changes)).toEqual(['mainFuseA', 'site_map', 'grid_rental_order']);
  const events = await rows<{ kind: string; actor_id: string; data: Record<string, unknown> }>(
    'SELECT kind, actor_id, data FROM case_events WHERE case_id = $1 ORDER BY id', [cases[0].id]);
  expect(events.map((e) => e.kind)).toEqual(['received', 'status_changed', 'supplement_received', 'status_changed', 'completeness_reached']);
  expect(events[2]).toMatchObject({ actor_id: 'system:import', data: { messageId: 'ELS-SUP-1', changedFields: ['mainFuseA'] } });
  expect(events[3].data).toEqual({ from: 'waiting_for_info', to: 'in_review' });
  expect(events[4].data).toEqual({ dueDate: addWorkingDays('2026-03-10', 15) });
  expect((await rows('SELECT count(*)::int AS n FROM incoming_messages'))[0]).toEqual({ n: 3 });
});

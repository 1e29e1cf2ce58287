// The clock after the ferdigmelding with a central database (real PostgreSQL): a completion notice imported centrally
// sets the case's due date to the company's meter mounting target (the central company_settings row) in working days
// after the notice arrived; a desk pulls it and counts the case as not overdue, where the handling due date it had
// before was long past.
import type pg from 'pg';
import { expect, it } from 'vitest';
import { osloDate } from '../../../core/clock';
import { importIntoCentral } from '../../../core/import/centralImport';
import type { CaseDetail, QueueRow } from '../../../shared/contract';
import { addWorkingDays, meterMountingDueDate } from '../../../shared/rules';
import { completionNotice, requestMessage } from '../../fixtures/import/buildMessages';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually } from '../../support/syncClients';

let admin: pg.Client;
const central = useCentralDatabase('meter_clock_central', {
  async setup({ admin: owner }) {
    admin = owner;
  },
});

const centralCase = async () =>
  (await admin.query<{ id: string; status: string; due_date: string }>(
    "SELECT id, status, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM cases WHERE message_id = 'ELS-9000001'")).rows[0];

async function dispatch<T>(core: { dispatch(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> }, name: string, input: unknown): Promise<T> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

it('a completion notice imported centrally sets the meter clock; the desk pulls it and the case is not overdue', async () => {
  await importIntoCentral(admin, JSON.stringify([requestMessage(1)]), 'melding.json', { now: new Date('2026-03-02T09:00:00Z') });
  const handlingDue = addWorkingDays('2026-03-02', 15);
  expect((await centralCase()).due_date).toBe(handlingDue);
  // Approved (as the owner here; the casework does it in the app), and the company's target set to 6 working days.
  await admin.query("UPDATE cases SET status = 'approved' WHERE message_id = 'ELS-9000001'");
  await admin.query(
    `INSERT INTO company_settings (key, value) VALUES ('meter_mounting_working_days', '6')
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);

  const arrived = new Date();
  const outcome = await importIntoCentral(admin, JSON.stringify([completionNotice(1, 'ELS-9000001', { sentAt: arrived.toISOString() })]),
    'ferdigmelding.json', { now: arrived });
  expect(outcome).toMatchObject({ imported: 1, quarantined: 0 });
  const meterDue = meterMountingDueDate(osloDate(arrived), 6);
  const row = await centralCase();
  expect(row).toMatchObject({ status: 'completion_reported', due_date: meterDue });
  const { rows: events } = await admin.query<{ kind: string; data: Record<string, unknown> }>(
    "SELECT kind, data FROM case_events WHERE case_id = $1 AND kind = 'completion_notice_received'", [row.id]);
  expect(events[0].data).toMatchObject({ meterDueDate: meterDue });

  // The desk pulls it: the case view and the queue show the meter clock's date, not overdue.
  const desk = await central.startClient('anne', 'case_handler');
  const caseId = Number(row.id);
  await eventually(() => {
    const local = desk.core.database.sqlite.prepare('SELECT status, due_date FROM cases WHERE id = ?').get(caseId) as
      { status: string; due_date: string } | undefined;
    return local?.status === 'completion_reported' && local.due_date.slice(0, 10) === meterDue;
  }, 15_000, 'the desk to pull the meter clock');
  expect(await dispatch<CaseDetail>(desk.core, 'case.get', { caseId })).toMatchObject({ dueDate: meterDue, overdue: false });
  const all = await dispatch<{ rows: QueueRow[] }>(desk.core, 'queue.list', { filters: { statuses: ['completion_reported'] } });
  expect(all.rows.find((r) => r.id === caseId)).toMatchObject({ dueDate: meterDue, overdue: false });
  const overdue = await dispatch<{ rows: QueueRow[] }>(desk.core, 'queue.list', { filters: { overdueOnly: true } });
  expect(overdue.rows.map((r) => r.id)).not.toContain(caseId);
});

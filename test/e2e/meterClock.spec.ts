// The clock after the ferdigmelding, in Chromium against the real core: an approved case whose handling due date is
// long past gets its completion notice (imported as the desk's standalone import does); the case view then says when
// the meter is to be mounted — the company's 5 working days after the notice — and does not call it overdue; the
// queue's tooltip says the same, the overdue filter leaves it out, and the history records the date. Clean under axe.
import path from 'node:path';
import { importIntoLocal } from '../../core/import/importService';
import { completionNotice } from '../fixtures/import/buildMessages';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { axeViolations, expect, openDesk, test } from './fixtures';

const SCREENSHOT = process.env.METER_CLOCK_SCREENSHOT;

let harness: HarnessCore;
test.beforeEach(() => {
  harness = startHarnessCore({ cases: 80 });
});
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  await harness.dispose();
});

test('a case in completion_reported shows when the meter is to be mounted, and is not overdue', async ({ page }) => {
  const { sqlite } = harness.core.database;
  // An approved (or paid) case whose handling due date has passed (the harness's today is Friday 27 November 2026).
  const target = sqlite
    .prepare(`SELECT id, case_number, message_id, meter_numbers FROM cases
              WHERE status IN ('approved', 'paid') AND request_type <> 'temporary_installation' ORDER BY status, due_date LIMIT 1`)
    .get() as { id: number; case_number: string; message_id: string; meter_numbers: string };
  sqlite.prepare("UPDATE cases SET due_date = '2026-11-10' WHERE id = ?").run(target.id);
  // The samsvarserklæring comes with the fixture; the reading of each meter the case names is needed too.
  const meterReadings = (JSON.parse(target.meter_numbers) as string[]).map((meterNumber) => ({ meterNumber, readingKwh: 4_812 }));

  // The ferdigmelding arrives Friday morning: five working days on is Friday 4 December.
  const outcome = importIntoLocal(harness.core.context, path.join(harness.dataDirectory, 'attachments'),
    JSON.stringify([completionNotice(1, target.message_id, { sentAt: '2026-11-27T08:00:00+01:00', completedOn: '2026-11-26', meterReadings })]),
    'ferdigmelding.json');
  expect(outcome).toMatchObject({ imported: 1, quarantined: 0 });

  await openDesk(page, harness.core);
  // The queue counts no case overdue; the ferdigmeldt one is shown when its status is chosen.
  await expect(page.getByRole('radio', { name: 'Over frist (0)' })).toBeVisible();
  await page.getByRole('checkbox', { name: /^Ferdigmeldt/ }).check();
  await page.getByRole('searchbox', { name: 'Søk i saker' }).fill(target.case_number);
  const dueCell = page.getByRole('gridcell', { name: /forfaller om 5 virkedager/ });
  await expect(dueCell).toBeVisible();
  await expect(dueCell).toHaveAttribute('title', 'Måler skal monteres innen 04.12.2026');

  await page.getByText(target.case_number, { exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: target.case_number })).toBeVisible();
  const due = page.locator('dt:text-is("Måler skal monteres innen") + dd');
  await expect(due).toHaveText('04.12.2026');
  await expect(page.locator('dt:text-is("Frist")')).toHaveCount(0);
  // The handling deadline is behind the case: the completeness section no longer shows a "Frist" of its own.
  await expect(page.getByRole('region', { name: 'Kompletthet' })).toContainText('Komplett');
  await expect(page.getByRole('region', { name: 'Kompletthet' })).not.toContainText('Frist');
  await expect(page.getByRole('region', { name: 'Historikk' })).toContainText('Måler skal monteres innen 04.12.2026');
  expect(await axeViolations(page)).toEqual([]);
  if (SCREENSHOT) await page.screenshot({ path: path.resolve(SCREENSHOT) });

  // The core's own word: not overdue, and not among the overdue cases.
  const detail = await harness.core.dispatch('case.get', { caseId: target.id });
  expect(detail).toMatchObject({ ok: true, value: { dueDate: '2026-12-04', overdue: false } });
  const overdue = await harness.core.dispatch('queue.list', { filters: { overdueOnly: true }, limit: 500 });
  expect(overdue.ok && (overdue.value as { rows: Array<{ id: number }> }).rows.map((r) => r.id)).not.toContain(target.id);
});

// The queue as a case handler uses it: search, filters, the keyboard, Fetch next — in Chromium, against the
// real core on a freshly seeded database.
import { axeViolations, expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { HARNESS_NOW } from '../../harness/harnessCore';

const dataRows = (page: Page) => page.getByRole('grid', { name: 'Arbeidskø' }).locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');

test('the queue opens in Norwegian with the oldest open cases first, and is clean under axe', async ({ desk, harness }) => {
  await expect(desk.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible();
  await expect(dataRows(desk).first()).toBeVisible();
  const expected = harness.core.database.sqlite
    .prepare("SELECT count(*) AS n FROM cases WHERE status IN ('new', 'in_review')")
    .get() as { n: number };
  await expect(desk.getByText(`${expected.n} saker`)).toBeVisible();
  const firstCaseNumber = (
    harness.core.database.sqlite
      .prepare("SELECT case_number FROM cases WHERE status IN ('new','in_review') ORDER BY submitted_at, id LIMIT 1")
      .get() as { case_number: string }
  ).case_number;
  await expect(dataRows(desk).first()).toContainText(firstCaseNumber);
  expect(await axeViolations(desk)).toEqual([]);
});

test('search narrows the list as you type and finds a case by owner, address and metering point ID', async ({
  desk,
  harness,
}) => {
  const sqlite = harness.core.database.sqlite;
  const target = sqlite
    .prepare(
      `SELECT case_number, owner_name, address, metering_point_ids FROM cases
       WHERE metering_point_ids != '[]' AND status IN ('new','in_review') ORDER BY id LIMIT 1`,
    )
    .get() as { case_number: string; owner_name: string; address: string; metering_point_ids: string };
  const search = desk.getByRole('searchbox', { name: 'Søk i saker' });
  const meteringPointId = (JSON.parse(target.metering_point_ids) as string[])[0];
  for (const text of [meteringPointId, target.case_number, `${target.address}`]) {
    await search.fill(text);
    await expect(dataRows(desk).filter({ hasText: target.case_number })).toHaveCount(1);
  }
  await search.fill('xqzyxqzy');
  await expect(desk.getByText('0 saker')).toBeVisible();
  await expect(desk.getByText(/Ingen saker passer filtrene/)).toBeVisible();
  await search.fill('');
  await expect(dataRows(desk).first()).toBeVisible();
});

test('a 10 000-character search is explained under the field, and the app keeps working', async ({ desk }) => {
  const search = desk.getByRole('searchbox', { name: 'Søk i saker' });
  await search.fill('a'.repeat(10_000));
  await expect(desk.getByText('Søketeksten er for lang (høyst 200 tegn)')).toBeVisible();
  await search.fill('');
  await expect(desk.getByText('Søketeksten er for lang (høyst 200 tegn)')).toHaveCount(0);
  await expect(dataRows(desk).first()).toBeVisible();
});

test('filters by type, municipality, assignment and status give exactly the matching cases', async ({ desk, harness }) => {
  const sqlite = harness.core.database.sqlite;
  await desk.getByRole('combobox', { name: 'Meldingstype' }).click();
  await desk.getByRole('option', { name: 'Endring av OV/MV' }).click();
  await desk.keyboard.press('Escape');
  const fuseChanges = sqlite
    .prepare("SELECT count(*) AS n FROM cases WHERE status IN ('new','in_review') AND request_type = 'fuse_change'")
    .get() as { n: number };
  await expect(desk.getByText(new RegExp(`^${fuseChanges.n} sak(er)?$`))).toBeVisible();
  for (const row of await dataRows(desk).all()) await expect(row).toContainText('Endring av OV/MV');

  await desk.getByRole('button', { name: 'Tilbakestill filtre' }).click();
  await desk.getByRole('radio', { name: 'Ikke tildelt' }).check();
  await desk.getByRole('checkbox', { name: /^Under behandling/ }).uncheck();
  const unassignedNew = sqlite
    .prepare("SELECT count(*) AS n FROM cases WHERE status = 'new' AND assignee_id IS NULL")
    .get() as { n: number };
  await expect(desk.getByText(new RegExp(`^${unassignedNew.n} sak(er)?$`))).toBeVisible();
  for (const row of await dataRows(desk).all()) await expect(row).toContainText('Ikke tildelt');

  await desk.getByRole('button', { name: 'Tilbakestill filtre' }).click();
  await desk.getByRole('combobox', { name: 'Kommune' }).click();
  await desk.getByRole('option', { name: /Arendal/ }).click();
  await desk.keyboard.press('Escape');
  const arendal = sqlite
    .prepare("SELECT count(*) AS n FROM cases WHERE status IN ('new','in_review') AND municipality_number = '4203'")
    .get() as { n: number };
  await expect(desk.getByText(new RegExp(`^${arendal.n} sak(er)?$`))).toBeVisible();
  for (const row of await dataRows(desk).all()) await expect(row).toContainText('Arendal');

  // Two cases made late here: one under review (the handling clock), one whose meter is late (the meter clock after
  // the ferdigmelding), each chosen among those not yet late where the demo has one. The demo may hold late cases of
  // its own, so the filter must show exactly the cases whose clock runs and whose due date has passed — no closed,
  // rejected, paused or otherwise stopped case, however old its due date — and these two among them.
  const today = HARNESS_NOW.slice(0, 10);
  const late = [
    { status: 'in_review', due: '2026-11-20' },
    { status: 'completion_reported', due: '2026-11-25' },
  ].map(({ status, due }) => {
    const id = sqlite
      .prepare('SELECT id FROM cases WHERE status = ? ORDER BY coalesce(due_date < ?, 0), id LIMIT 1')
      .pluck()
      .get(status, today) as number;
    sqlite.prepare('UPDATE cases SET due_date = ? WHERE id = ?').run(due, id);
    return id;
  });
  harness.core.context.casesChanged(late);
  const overdue = sqlite
    .prepare(
      `SELECT id, case_number FROM cases WHERE due_date < ?
       AND status IN ('new', 'in_review', 'completion_reported', 'termination_requested') ORDER BY case_number`,
    )
    .all(today) as Array<{ id: number; case_number: string }>;
  expect(overdue.map((row) => row.id)).toEqual(expect.arrayContaining(late));
  // Cases with the clock stopped and a due date long past exist, so the filter has something to leave out.
  const stoppedAndPast = sqlite
    .prepare("SELECT count(*) FROM cases WHERE due_date < ? AND status IN ('waiting_for_info', 'approved', 'closed', 'rejected')")
    .pluck()
    .get(today);
  expect(stoppedAndPast).toBeGreaterThan(0);
  await desk.getByRole('button', { name: 'Tilbakestill filtre' }).click();
  await desk.getByRole('radiogroup', { name: 'Frist' }).getByRole('radio', { name: /^Over frist/ }).check();
  await expect(dataRows(desk)).toHaveCount(overdue.length);
  await expect
    .poll(async () => (await dataRows(desk).locator('[role="gridcell"]:first-child').allInnerTexts()).map((text) => text.trim()).sort())
    .toEqual(overdue.map((row) => row.case_number));
  for (const row of await dataRows(desk).all()) await expect(row).toContainText(/virkedage?r? over frist/);
});

test('the keyboard alone: / to search, ↓ and j to move, Enter to open, Esc back to the same row', async ({
  desk,
}) => {
  await expect(dataRows(desk).first()).toBeVisible();
  await desk.keyboard.press('/');
  await expect(desk.getByRole('searchbox', { name: 'Søk i saker' })).toBeFocused();
  await desk.keyboard.press('Escape');
  await expect(desk.getByRole('grid', { name: 'Arbeidskø' })).toBeFocused();
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('j');
  const third = dataRows(desk).nth(2);
  await expect(third).toHaveAttribute('aria-selected', 'true');
  const caseNumber = (await third.locator('[role="gridcell"]').first().innerText()).trim();
  await desk.keyboard.press('Enter');
  await expect(desk.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
  await desk.keyboard.press('Escape');
  await expect(desk.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible();
  await expect(dataRows(desk).nth(2)).toHaveAttribute('aria-selected', 'true');
  await desk.keyboard.press('k');
  await expect(dataRows(desk).nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('Fetch next hands over the oldest complete unassigned case and assigns it to me', async ({ desk, harness }) => {
  const sqlite = harness.core.database.sqlite;
  const oldest = sqlite
    .prepare(
      `SELECT id, case_number FROM cases WHERE status = 'new' AND assignee_id IS NULL AND complete_at IS NOT NULL
       ORDER BY complete_at, id LIMIT 1`,
    )
    .get() as { id: number; case_number: string };
  await expect(dataRows(desk).first()).toBeVisible();
  await desk.getByRole('button', { name: 'Hent neste' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: oldest.case_number })).toBeVisible();
  await expect(desk.getByText('Under behandling').first()).toBeVisible();
  const after = sqlite.prepare('SELECT assignee_id, status FROM cases WHERE id = ?').get(oldest.id);
  expect(after).toEqual({ assignee_id: 'kari.nordmann', status: 'in_review' });
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('via «Hent neste»');
  // Back in the queue, pressing n takes the next one.
  await desk.keyboard.press('Escape');
  await expect(desk.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible();
  await desk.keyboard.press('n');
  await expect(desk.getByRole('heading', { level: 1 })).not.toHaveText(oldest.case_number);
  await expect(desk.getByRole('heading', { level: 1 })).not.toHaveText('Arbeidskø');
});

test('English is one click away, and comes back as Norwegian', async ({ desk }) => {
  await desk.getByRole('radio', { name: 'English' }).check();
  await expect(desk.getByRole('heading', { level: 1, name: 'Work queue' })).toBeVisible();
  await expect(desk.getByRole('button', { name: 'Fetch next' })).toBeVisible();
  await desk.getByRole('radio', { name: 'Norsk' }).check();
  await expect(desk.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible();
});


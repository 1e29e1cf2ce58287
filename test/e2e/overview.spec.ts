// Oversikt, in Chromium against the real core: a supervisor opens it by keyboard and finds the figures that plain
// SQL and the pure rules give for the demo data, exports a table as CSV (the downloaded file holds its rows), and
// the screen is clean under axe. After many cases arrived at once it opens all the same: the counts at once, the lead
// times and throughput saying how many cases they still wait for, then the figures without anyone asking again.
// A case handler has no way to it.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { osloDate } from '../../core/clock';
import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, addCalendarDays, mondayOf, workingDaysBetween } from '../../shared/rules';
import { HARNESS_NOW, startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { axeViolations, expect, openDesk, test } from './fixtures';

const TODAY = HARNESS_NOW.slice(0, 10);
const nb = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const STATUS_NAMES: Record<string, string> = { new: 'Ny', in_review: 'Under behandling', waiting_for_info: 'Venter på installatør', closed: 'Avsluttet' };

async function openOverview(page: Page): Promise<void> {
  const button = page.getByRole('banner').getByRole('button', { name: 'Oversikt over saksbehandlingen' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
}

/** The median of the completion-notice-to-meter spans, the slow obvious way: events read in JS, days by the rule. */
function completionToMeterTruth(harness: HarnessCore, weeks: number): { median: number; count: number } {
  const events = harness.core.database.sqlite
    .prepare(
      `SELECT case_id AS caseId, at, json_extract(data, '$.to') AS "to" FROM case_events
       WHERE kind = 'status_changed' ORDER BY id`,
    )
    .all() as Array<{ caseId: number; at: string; to: string }>;
  const reported = new Map<number, string>();
  const mounted = new Map<number, string>();
  for (const event of events) {
    const day = osloDate(new Date(event.at));
    if (event.to === 'completion_reported' && !reported.has(event.caseId)) reported.set(event.caseId, day);
    if (event.to === 'meter_mounted' && !mounted.has(event.caseId)) mounted.set(event.caseId, day);
  }
  const from = addCalendarDays(mondayOf(TODAY), -7 * (weeks - 1));
  const spans = [...mounted]
    .filter(([caseId, day]) => day >= from && reported.has(caseId))
    .map(([caseId, day]) => workingDaysBetween(reported.get(caseId)!, day))
    .sort((a, b) => a - b);
  const middle = Math.floor((spans.length - 1) / 2);
  const median = spans.length % 2 ? spans[middle] : (spans[middle] + spans[middle + 1]) / 2;
  return { median, count: spans.length };
}

test.describe('as a supervisor', () => {
  let supervisor: HarnessCore;
  test.beforeEach(() => {
    supervisor = startHarnessCore({ cases: 1_500, userId: 'marit.rosseland' });
  });
  test.afterEach(async ({ page }) => {
    await page.goto('about:blank');
    await supervisor.dispose();
  });

  test('sees the figures SQL gives, exports a table as CSV, and the screen passes axe', async ({ page }) => {
    await openDesk(page, supervisor.core);
    await openOverview(page);
    const sqlite = supervisor.core.database.sqlite;

    // Cases per status: every row as SQL counts it.
    const statusTable = page.getByRole('table', { name: 'Saker per status' });
    const counts = sqlite.prepare('SELECT status, count(*) AS n FROM cases GROUP BY status').all() as Array<{ status: string; n: number }>;
    for (const { status, n } of counts.filter((row) => STATUS_NAMES[row.status])) {
      await expect(statusTable.getByRole('row', { name: new RegExp(`^${STATUS_NAMES[status]} `) })).toContainText(nb.format(n));
    }

    // Breaches: overdue as the queue counts it.
    const overdue = sqlite
      .prepare(`SELECT count(*) FROM cases WHERE due_date < ? AND status IN (${CLOCK_RUNNING_STATUSES.map(() => '?').join(',')})`)
      .pluck()
      .get(TODAY, ...CLOCK_RUNNING_STATUSES) as number;
    expect(overdue).toBeGreaterThan(0);
    const breaches = page.getByRole('region', { name: 'Brudd på tjenestenivå' });
    await expect(breaches.getByText('Over fristen', { exact: true }).locator('..')).toContainText(nb.format(overdue));

    // 52 weeks, chosen by keyboard; the meter median then matches the one worked out from the events.
    await page.getByRole('radio', { name: '13 uker' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '52 uker' })).toBeChecked();
    const truth = completionToMeterTruth(supervisor, 52);
    expect(truth.count).toBeGreaterThan(10);
    const leadTable = page.getByRole('table', { name: 'Behandlingstid i virkedager (median)' });
    const allRow = leadTable.getByRole('row', { name: /^Alle meldingstyper/ });
    await expect(allRow.getByRole('cell').nth(2)).toHaveText(nb.format(truth.median));
    await expect(allRow.getByRole('cell').nth(3)).toHaveText(nb.format(truth.count));

    expect(await axeViolations(page)).toEqual([]);

    // CSV: semicolons, a byte order mark, one row per status.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Last ned tabellen «Saker per status» som CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`saker-per-status-${TODAY}.csv`);
    const csv = readFileSync((await download.path()), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Status;Antall');
    expect(lines).toHaveLength(1 + CASE_STATUSES.length);
    const inReview = counts.find((row) => row.status === 'in_review')!.n;
    expect(lines).toContain(`Under behandling;${inReview}`);

    // Esc goes back to the queue.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toHaveCount(0);
  });
});

test.describe('after many cases arrived at once', () => {
  /** Ten steps of the background catch-up: long enough to be seen, as after a first download. */
  const CASES = 20_000;
  let supervisor: HarnessCore;
  test.beforeEach(() => {
    supervisor = startHarnessCore({ cases: CASES, userId: 'marit.rosseland' });
  });
  test.afterEach(async ({ page }) => {
    await page.goto('about:blank');
    await supervisor.dispose();
  });

  test('opens with the counts, says what it is still working out, and then shows it', async ({ page }) => {
    test.setTimeout(90_000);
    await openDesk(page, supervisor.core);
    await openOverview(page);
    const leadTable = page.getByRole('table', { name: 'Behandlingstid i virkedager (median)' });
    await expect(leadTable).toBeVisible({ timeout: 30_000 });

    // What the two sections say while the catch-up runs is recorded as it appears: it may be gone again within a
    // second, before any check could look.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenStatus: string[] }).seenStatus = seen;
      new MutationObserver(() => {
        for (const status of document.querySelectorAll('section [role="status"]')) {
          const text = `${status.closest('section')?.querySelector('h2')?.textContent ?? ''}: ${status.textContent ?? ''}`;
          if (!seen.includes(text)) seen.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // Every case noted as changed, as a first download leaves them, and the period changed by keyboard: the
    // overview is asked again at once, with far more cases left than it works out when it opens.
    supervisor.core.database.sqlite.exec('INSERT OR IGNORE INTO overview_dirty_cases (case_id) SELECT id FROM cases');
    await page.getByRole('radio', { name: '13 uker' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '52 uker' })).toBeChecked();

    const statusTable = page.getByRole('table', { name: 'Saker per status' });
    const closed = supervisor.core.database.sqlite.prepare("SELECT count(*) FROM cases WHERE status = 'closed'").pluck().get() as number;
    await expect(statusTable.getByRole('row', { name: /^Avsluttet / })).toContainText(nb.format(closed));

    // The catch-up tells the screen; the figures replace the note, and they are those the events give.
    const truth = completionToMeterTruth(supervisor, 52);
    const allRow = leadTable.getByRole('row', { name: /^Alle meldingstyper/ });
    await expect(allRow.getByRole('cell').nth(2)).toHaveText(nb.format(truth.median), { timeout: 30_000 });
    await expect(allRow.getByRole('cell').nth(3)).toHaveText(nb.format(truth.count));
    await expect(page.locator('section [role="status"]')).toHaveCount(0);
    const seen = await page.evaluate(() => (window as unknown as { seenStatus: string[] }).seenStatus);
    const note = /^[\d\s\u00a0]+ saker gjenstår\. Tallene vises her så snart de er klare\.$/;
    for (const section of ['Behandlingstid i virkedager (median)', 'Gjennomstrømning per saksbehandler per uke']) {
      const said = seen.filter((text) => text.startsWith(`${section}: Regnes ut i bakgrunnen etter at mange saker kom inn på én gang – `));
      expect(said.length, `${section} said nothing while it caught up: ${JSON.stringify(seen)}`).toBeGreaterThan(0);
      for (const text of said) expect(text.split(' – ')[1]).toMatch(note);
    }
  });
});

test('a case handler has no way to the overview', async ({ desk: page }) => {
  await expect(page.getByRole('banner').getByRole('button', { name: 'Innstillinger' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Oversikt over saksbehandlingen' })).toHaveCount(0);
});

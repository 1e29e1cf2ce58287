// Work orders to area suppliers, end to end: a supervisor opens a case that needs meter mounting by the area
// supplier, orders it, records it accepted and done, and the case moves on (header and history); a municipality
// without a supplier shows the gap; the register of area suppliers is read and changed with the keyboard; axe
// scans of the register and the work order panel.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type Database from 'better-sqlite3';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { expect, openCaseByKeyboard, openDesk, test } from './fixtures';

/**
 * A case (under review, or with `status`) whose installer may not mount the meter (active in DSB, prequalified for
 * nothing), with the grid customer named so the meter may go up. The meter mounting is released by the
 * ferdigmelding (rules/workRelease.ts): only then is it ordered.
 */
function prepareCase(sqlite: Database.Database, municipality: string, offset: number, status = 'in_review'): { id: number; caseNumber: string } {
  const row = sqlite
    .prepare("SELECT id, case_number, installer_id FROM cases WHERE status IN ('new', 'in_review') ORDER BY id LIMIT 1 OFFSET ?")
    .get(offset) as { id: number; case_number: string; installer_id: number };
  sqlite.prepare(`UPDATE cases SET request_type = 'metering_point_work', main_fuse_a = 32, has_production = 0, municipality_number = ?,
                    work_routing = '{}', status = ?, grid_customer_name = 'Kari Nordmann' WHERE id = ?`).run(municipality, status, row.id);
  sqlite.prepare('DELETE FROM prequalifications WHERE installer_id = ?').run(row.installer_id);
  sqlite.prepare(`INSERT INTO dsb_register (organisation_number, name, status, as_of)
                  SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = ?
                  ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`).run(row.installer_id);
  return { id: row.id, caseNumber: row.case_number };
}

async function openCase(desk: Page, caseNumber: string) {
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(caseNumber);
  await desk.getByText(caseNumber, { exact: true }).first().click();
  await expect(desk.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
}

async function violationsIn(desk: Page, selector: string) {
  const results = await new AxeBuilder({ page: desk }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => ({ id: v.id, where: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
}

test.describe('as a supervisor', () => {
  let harness: HarnessCore;
  test.beforeEach(() => {
    harness = startHarnessCore({ cases: 120, userId: 'marit.rosseland' });
  });
  test.afterEach(async () => {
    await harness.dispose();
  });

  test('orders meter mounting from the area supplier, records it accepted and done, and the case moves on', async ({ page }) => {
    // The installer's completion notice has come in (the import's work, not this test's): the meter work is released.
    const target = prepareCase(harness.core.database.sqlite, '4204', 0, 'completion_reported');
    await openDesk(page, harness.core);
    await openCaseByKeyboard(page, target.caseNumber);

    const panel = page.getByRole('region', { name: 'Arbeidsordre' });
    const proposal = panel.getByTestId('work-proposal-direct_meter_mounting');
    await expect(proposal).toContainText('Montering av direktemålt måler');
    // Friday 27 November + the agreement's 5 working days.
    await expect(proposal).toContainText('Kristiansand Kabel og Montasje AS etter rammeavtalen: frist 04.12.2026 (5 virkedager etter at arbeidet ble frigitt)');
    expect(await violationsIn(page, '[data-testid="work-order-panel"]')).toEqual([]);

    // What the fitter needs, optional, goes on the work order (the supervisor knows the cable, not the cabinet here).
    await proposal.getByLabel('Kabeltype').fill('TFXP 4x50 Al');
    await proposal.getByLabel('Tverrsnitt (mm²)').fill('50');
    await panel.screenshot({ path: 'test-results/work-order-panel-technical.png' });

    // Keyboard only: focus the order button, Enter.
    const orderButton = proposal.getByRole('button', { name: 'Bestill fra Kristiansand Kabel og Montasje AS' });
    await orderButton.focus();
    await page.keyboard.press('Enter');
    const order = panel.getByTestId('work-order-direct_meter_mounting');
    await expect(order.getByTestId('work-order-status')).toHaveText('Bestilt');
    expect(harness.core.database.sqlite.prepare(
      'SELECT cabinet_id, cable_type, cable_cross_section_mm2 FROM work_orders WHERE case_id = ?').get(target.id))
      .toEqual({ cabinet_id: null, cable_type: 'TFXP 4x50 Al', cable_cross_section_mm2: 50 });
    await expect(order.getByTestId('work-order-due')).toContainText('Frist 04.12.2026 (5 virkedager etter avtalen) · 5 virkedager igjen');
    await expect(order.getByRole('button', { name: 'Vis brev' })).toBeVisible();
    await expect(page.locator('main').getByText('Ferdigmeldt').first()).toBeVisible();
    const history = page.getByRole('region', { name: 'Historikk' });
    await expect(history).toContainText('Arbeid bestilt fra områdeleverandør: Montering av direktemålt måler, frist 04.12.2026');
    await expect(history).toContainText('Arbeidsordre lagt klar for sending');

    // The letter opens in the desktop's PDF viewer.
    await order.getByRole('button', { name: 'Vis brev' }).click();
    await expect.poll(() => harness.openedFiles.map((f) => f.fileName)).toEqual([expect.stringMatching(/^arbeidsordre-.+-direct-meter-mounting\.pdf$/)]);

    // The supplier is late with its answer: the order is past its due date when accepted.
    harness.core.database.sqlite.prepare("UPDATE work_orders SET due_date = '2026-11-25' WHERE case_id = ?").run(target.id);
    await order.getByRole('button', { name: 'Registrer som bekreftet' }).focus();
    await page.keyboard.press('Enter');
    await expect(order.getByTestId('work-order-status')).toHaveText('Bekreftet');
    await expect(order.getByTestId('work-order-overdue')).toHaveText('Forfalt');
    await expect(order.getByTestId('work-order-due')).toContainText('2 virkedager over fristen');
    expect(await violationsIn(page, '[data-testid="work-order-panel"]')).toEqual([]);

    await order.getByRole('button', { name: 'Registrer som utført' }).click();
    await expect(order.getByTestId('work-order-status')).toHaveText('Utført');
    await expect(order.getByTestId('work-order-overdue')).toHaveCount(0);
    // Done meter work after the completion notice: the meter is mounted.
    await expect(page.locator('main').getByText('Måler montert').first()).toBeVisible();
    await expect(history).toContainText('Arbeidsordre utført: Montering av direktemålt måler');
    // The case's routing shows the work and who did it.
    await expect(page.getByTestId('grid-work-direct_meter_mounting').getByTestId('routing-work-order'))
      .toHaveText('Arbeidsordre til Kristiansand Kabel og Montasje AS: Utført (frist 25.11.2026)');
    await expect(history).toContainText('Status endret fra Ferdigmeldt til Måler montert (automatisk, etter regelen «Alt bestilt arbeid er utført»)');
    const status = harness.core.database.sqlite.prepare('SELECT status FROM cases WHERE id = ?').get(target.id) as { status: string };
    expect(status.status).toBe('meter_mounted');
  });

  test('a municipality with no area supplier shows the gap, not an error', async ({ page }) => {
    const target = prepareCase(harness.core.database.sqlite, '4222', 1);
    await openDesk(page, harness.core);
    await openCase(page, target.caseNumber);
    const proposal = page.getByRole('region', { name: 'Arbeidsordre' }).getByTestId('work-proposal-direct_meter_mounting');
    await expect(proposal).toHaveAttribute('data-state', 'gap');
    await expect(proposal).toContainText('Ikke dekket');
    await expect(proposal).toContainText('Ingen områdeleverandør har avtale om dette arbeidet i Bykle.');
    await expect(proposal.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await violationsIn(page, '[data-testid="work-order-panel"]')).toEqual([]);
  });

  test('the register: read, then a new supplier added with the keyboard closes the gap', async ({ page }) => {
    await openDesk(page, harness.core);
    await page.getByRole('button', { name: 'Områdeleverandører' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Områdeleverandører' })).toBeVisible();
    await expect(page.getByTestId('area-supplier-row')).toHaveCount(6);
    const holt = page.getByTestId('area-supplier-row').filter({ hasText: 'Holt Linjeservice AS' });
    await expect(holt).toContainText('Risør');
    await expect(holt).toContainText('Montering av direktemålt måler: 7 virkedager');
    const gaps = page.getByTestId('area-supplier-gaps');
    await expect(gaps).toContainText('Montering av direktemålt måler: Bykle, Åseral');
    expect(await violationsIn(page, 'main')).toEqual([]);

    await page.getByRole('button', { name: 'Ny områdeleverandør' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny områdeleverandør' });
    await expect(dialog).toBeVisible();
    expect(await violationsIn(page, '[role="dialog"]')).toEqual([]);
    // A wrong check digit is caught beside the field; nothing is lost.
    await dialog.getByRole('textbox', { name: 'Organisasjonsnummer' }).fill('923 609 017');
    await dialog.getByRole('textbox', { name: 'Navn' }).fill('Bykle Elektro og Nett AS');
    await dialog.getByRole('textbox', { name: 'E-post for arbeidsordre' }).fill('ordre@bykle-elnett.no');
    await dialog.getByRole('checkbox', { name: 'Montering av direktemålt måler' }).check();
    await dialog.getByRole('checkbox', { name: '4222 Bykle' }).focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await expect(dialog).toContainText('Organisasjonsnummeret har feil kontrollsiffer');
    await expect(dialog.getByRole('textbox', { name: 'Navn' })).toHaveValue('Bykle Elektro og Nett AS');
    await dialog.getByRole('textbox', { name: 'Organisasjonsnummer' }).fill('923 609 016');
    await dialog.getByRole('textbox', { name: 'Organisasjonsnummer' }).press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('area-supplier-row')).toHaveCount(7);
    await expect(page.getByTestId('area-supplier-row').filter({ hasText: 'Bykle Elektro og Nett AS' })).toContainText('923 609 016');
    await expect(gaps).toContainText('Montering av direktemålt måler: Åseral');
    await expect(gaps).not.toContainText('Montering av direktemålt måler: Bykle');
  });
});

test('a case handler sees the proposal but cannot order, and reads the register without changing it', async ({ desk, harness }) => {
  const target = prepareCase(harness.core.database.sqlite, '4204', 2, 'completion_reported');
  await desk.reload();
  await openCaseByKeyboard(desk, target.caseNumber);
  const proposal = desk.getByRole('region', { name: 'Arbeidsordre' }).getByTestId('work-proposal-direct_meter_mounting');
  await expect(proposal).toContainText('Kristiansand Kabel og Montasje AS');
  await expect(proposal).toContainText('Bare en teamleder kan bestille arbeid fra en områdeleverandør.');
  await expect(proposal.getByRole('button')).toHaveCount(0);
  await desk.getByRole('button', { name: 'Områdeleverandører' }).click();
  await expect(desk.getByText('Bare teamledere kan endre registeret.')).toBeVisible();
  await expect(desk.getByRole('button', { name: 'Ny områdeleverandør' })).toHaveCount(0);
  await expect(desk.getByRole('button', { name: /^Endre / })).toHaveCount(0);
});

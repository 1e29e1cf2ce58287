// Arbeidsfordeling in Chromium against the real core: a supervisor (the demo's Marit Rosseland) selects ten
// unassigned cases by keyboard alone and assigns them to a handler, whose counts go up by ten and one of whose
// cases shows the assignment in its history; an assignment rule pre-fills the suggested handler; clean under axe.
// A case handler does not see the screen in the navigation.
import type { Page } from '@playwright/test';
import type { WorkloadCases } from '../../shared/contract';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { ok } from '../support/apiResult';
import { axeViolations, expect, openDesk, test } from './fixtures';

const HANDLER = { id: 'silje.omdal', name: 'Silje Omdal' };

let supervisor: HarnessCore;
test.beforeEach(() => {
  supervisor = startHarnessCore({ cases: 2_000, userId: 'marit.rosseland' });
});
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  await supervisor?.dispose();
});

async function openWorkload(page: Page): Promise<void> {
  const button = page.getByRole('banner').getByRole('button', { name: 'Arbeidsfordeling' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeidsfordeling' })).toBeVisible();
}

const handlerRow = (page: Page, id: string) => page.locator(`tr[data-handler="${id}"]`);
const heldBy = async (page: Page, id: string) => Number((await handlerRow(page, id).locator('td[data-count="held"]').innerText()).replace(/\s/g, ''));
const list = (page: Page) => page.getByRole('listbox');
const selectedOptions = (page: Page) => list(page).locator('[role="option"][aria-selected="true"]');

test('a supervisor selects ten unassigned cases by keyboard and assigns them; the counts and the history show it', async ({ page }) => {
  await openDesk(page, supervisor.core);
  await openWorkload(page);
  await expect(list(page)).toHaveAccessibleName(/Ikke tildelte saker/);
  await expect(list(page).getByRole('option').nth(9)).toBeVisible();
  const before = await heldBy(page, HANDLER.id);
  expect(await axeViolations(page)).toEqual([]);

  // Into the list, Space on the first, Shift+↓ nine times: ten selected.
  await list(page).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 9; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(selectedOptions(page)).toHaveCount(10);
  await expect(page.getByTestId('workload-selected-count')).toHaveText('10 saker valgt');
  const chosen = await selectedOptions(page).evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-case-id'))));
  // Ctrl+A twice: all, then none again; then the same ten by keyboard once more.
  await page.keyboard.press('ControlOrMeta+A');
  await expect(selectedOptions(page)).toHaveCount(await list(page).getByRole('option').count());
  await page.keyboard.press('ControlOrMeta+A');
  await expect(selectedOptions(page)).toHaveCount(0);
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  for (let i = 0; i < 9; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(selectedOptions(page)).toHaveCount(10);

  // Tab to the handler, choose, Tab to the button, Enter; the dialog's confirm button has focus: Enter.
  await page.keyboard.press('Tab');
  const target = page.getByRole('combobox', { name: 'Tildel til' });
  await expect(target).toBeFocused();
  await target.selectOption(HANDLER.id);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Tildel 10 saker …' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Bekreft tildeling' });
  await expect(dialog).toContainText(`Tildele 10 saker til ${HANDLER.name}?`);
  await expect(dialog.getByRole('button', { name: 'Tildel 10 saker' })).toBeFocused();
  // Faded in (axe measures contrast against what is on screen at that moment).
  await expect(dialog).toHaveCSS('opacity', '1');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`10 saker tildelt ${HANDLER.name}.`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await expect.poll(() => heldBy(page, HANDLER.id)).toBe(before + 10);
  for (const caseId of chosen) await expect(list(page).locator(`[data-case-id="${caseId}"]`)).toHaveCount(0);
  const { rows } = ok<WorkloadCases>(await supervisor.core.dispatch('workload.cases', { assigneeId: HANDLER.id }));
  expect(chosen.every((caseId) => rows.some((row) => row.id === caseId))).toBe(true);

  // The handler's list; the first assigned case opened from it with Enter shows the assignment in its history.
  await handlerRow(page, HANDLER.id).getByRole('button', { name: `Vis sakene til ${HANDLER.name}` }).click();
  await expect(list(page)).toHaveAccessibleName(new RegExp(`Sakene til ${HANDLER.name}`));
  const index = await list(page).getByRole('option').evaluateAll(
    (nodes, caseId) => nodes.findIndex((node) => Number(node.getAttribute('data-case-id')) === caseId),
    chosen[0],
  );
  expect(index).toBeGreaterThanOrEqual(0);
  await list(page).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const caseNumber = rows.find((row) => row.id === chosen[0])!.caseNumber;
  await expect(page.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
  const assignment = page
    .getByRole('region', { name: 'Historikk' })
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^Tildelt ${HANDLER.name}`) });
  await expect(assignment).toHaveCount(1);
  await expect(assignment).toContainText('Marit Rosseland');

  // Back (Esc) returns to the workload the case was opened from, not to the queue.
  await expect(page.getByRole('button', { name: 'Tilbake til arbeidsfordelingen' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeidsfordeling' })).toBeVisible();
});

test('an assignment rule pre-fills the suggested handler for the cases it matches', async ({ page }) => {
  const { rows } = ok<WorkloadCases>(await supervisor.core.dispatch('workload.cases', { assigneeId: null }));
  const first = rows[0];
  await openDesk(page, supervisor.core);
  await openWorkload(page);

  const rules = page.getByRole('region', { name: 'Fordelingsregler' });
  await expect(rules).toContainText('Ingen regler ennå.');
  await rules.getByRole('combobox', { name: 'Regel etter' }).selectOption('municipality');
  await rules.getByRole('combobox', { name: 'Kommune' }).selectOption(first.municipalityNumber);
  await rules.getByRole('combobox', { name: 'Saksbehandler' }).selectOption('per.tonnessen');
  await rules.getByRole('button', { name: 'Lagre regel' }).click();
  await expect(rules.getByRole('listitem')).toContainText(`Kommune: ${first.municipalityNumber} ${first.municipalityName} → Per Tønnessen`);

  // Each matching row says so; selecting one pre-fills the handler.
  const option = list(page).locator(`[data-case-id="${first.id}"]`);
  await expect(option).toContainText('Forslag: Per Tønnessen');
  await list(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  const target = page.getByRole('combobox', { name: 'Tildel til' });
  await expect(target).toHaveValue('per.tonnessen');
  await expect(page.getByText('Foreslått av fordelingsreglene')).toBeVisible();
  // A second selected case without that suggestion: no pre-fill.
  const other = rows.findIndex((row) => row.municipalityNumber !== first.municipalityNumber);
  expect(other).toBeGreaterThan(0);
  for (let i = 0; i < other; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(target).toHaveValue('');
  expect(await axeViolations(page)).toEqual([]);
});

test('a case handler does not see Arbeidsfordeling', async ({ desk: page }) => {
  await expect(page.getByRole('banner').getByRole('button', { name: 'Innstillinger' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Arbeidsfordeling' })).toHaveCount(0);
});

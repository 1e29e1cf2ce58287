// The price list in the app, in Chromium against the real core: a supervisor (the demo's Marit Rosseland) opens
// Prisliste from the header by keyboard, makes a new version from the newest, raises a price, sets the version to
// take effect tomorrow, publishes it after the confirmation and finds it listed as upcoming beside the one in effect;
// a case handler reads the list and has no way to change it. Clean under axe at every step.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { axeViolations, expect, openDesk, test } from './fixtures';

/** `SCREENSHOTS=1` also writes what the screens look like to .screenshots/, as screenshots.spec.ts does. */
const SCREENSHOT_DIR = process.env.SCREENSHOTS ? path.resolve(__dirname, '../../.screenshots') : null;
const TOMORROW = '2026-11-28'; // the harness's today is 2026-11-27

async function openPriceList(page: Page): Promise<void> {
  const button = page.getByRole('banner').getByRole('button', { name: 'Prisliste' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Prisliste' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Versjon 2 av agder-nett-standard' })).toBeVisible();
}

const versions = (page: Page) => page.getByRole('navigation', { name: 'Versjoner' }).getByTestId('price-list-version');

test.describe('as a supervisor', () => {
  let supervisor: HarnessCore;
  test.beforeEach(() => {
    supervisor = startHarnessCore({ cases: 50, userId: 'marit.rosseland' });
  });
  test.afterEach(async ({ page }) => {
    await page.goto('about:blank');
    await supervisor.dispose();
  });

  test('raises a price, publishes a version effective tomorrow and sees it listed', async ({ page }) => {
    await openDesk(page, supervisor.core);
    await openPriceList(page);
    await expect(versions(page)).toHaveCount(2);
    await expect(versions(page).first()).toContainText('Versjon 2');
    await expect(versions(page).first()).toContainText('Gjeldende');
    // Amounts as NOK, items grouped by main component.
    await expect(page.getByRole('table', { name: 'Kabel', exact: true })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'price-list.png'), fullPage: true });

    await page.getByRole('button', { name: 'Ny versjon fra versjon 2' }).click();
    const editor = page.getByRole('form', { name: 'Ny versjon 3 av prislisten' });
    await expect(editor).toBeVisible();
    const date = editor.getByLabel('Gjelder fra');
    await expect(date).toHaveValue(TOMORROW);

    // A price that does not read is named beside its field; nothing is published.
    const fee = editor.getByRole('textbox', { name: 'Enhetspris i kroner for «Tilknytning av nytt anlegg, direktemålt»' });
    await fee.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('to tusen');
    await editor.getByRole('button', { name: 'Publiser …' }).click();
    await expect(editor.getByText('Skriv et beløp i kroner, f.eks. 2 300 eller 2 300,50.')).toBeVisible();
    await expect(editor.getByRole('alert')).toContainText('1 felt er ikke fylt ut riktig');
    expect(await axeViolations(page)).toEqual([]);

    // By keyboard: the new price, then Tab on through the form to Publiser and Enter.
    await fee.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2 450,50');
    // A new cable item, added and filled in by keyboard.
    const addCable = editor.getByRole('button', { name: 'Legg til post i Kabel', exact: true });
    await addCable.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Kabel TFXP 4x150 Al');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('m');
    await page.keyboard.press('Tab');
    await page.keyboard.type('245');
    expect(await axeViolations(page)).toEqual([]);
    if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'price-list-editor.png'), fullPage: true });

    await editor.getByRole('button', { name: 'Publiser …' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Publisere versjon 3?' });
    await expect(dialog).toContainText('Versjon 3 gjelder for nye tilbud fra 28.11.2026.');
    // Scanned once Mantine's fade-in is over: half-transparent text would fail the contrast check.
    await expect(dialog).toHaveCSS('opacity', '1');
    expect(await axeViolations(page)).toEqual([]);
    await expect(dialog.getByRole('button', { name: 'Publiser versjonen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();

    await expect(versions(page)).toHaveCount(3);
    await expect(versions(page).first()).toContainText('Versjon 3');
    await expect(versions(page).first()).toContainText('Kommende');
    await expect(versions(page).first()).toContainText('Gjelder fra 28.11.2026');
    await expect(versions(page).nth(1)).toContainText('Gjeldende');
    await expect(page.getByRole('heading', { name: 'Versjon 3 av agder-nett-standard' })).toBeVisible();
    await expect(page.getByTestId('price-list-fee').first()).toContainText('2\u00a0450,50\u00a0kr');
    await expect(page.getByRole('table', { name: 'Kabel', exact: true })).toContainText('Kabel TFXP 4x150 Al');
    const notice = page.getByRole('alert').filter({ hasText: 'Versjon 3 er publisert og gjelder fra 28.11.2026.' });
    await expect(notice).toHaveCSS('opacity', '1');
    expect(await axeViolations(page)).toEqual([]);
    if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'price-list-published.png'), fullPage: true });

    const stored = supervisor.core.database.sqlite
      .prepare("SELECT effective_from, body FROM price_lists WHERE list_version = 3").get() as { effective_from: string; body: string };
    expect(stored.effective_from).toBe(TOMORROW);
    const body = JSON.parse(stored.body) as { standardFees: Array<{ code: string; unitPriceOre: number }>; catalogue: Array<{ code: string; description: string; unitPriceOre: number; unit: string }> };
    expect(body.standardFees.find((f) => f.code === 'connect_direct_meter')!.unitPriceOre).toBe(245_050);
    expect(body.catalogue.find((c) => c.code === 'cable_ny_1')).toMatchObject({
      description: 'Kabel TFXP 4x150 Al', kind: 'material', unitPriceOre: 24_500, unit: 'm', vatCode: 'exempt',
    });
  });
});

test('a case handler reads the price list and cannot change it', async ({ desk: page }) => {
  await openPriceList(page);
  await expect(page.getByText('Bare en teamleder kan publisere en ny versjon.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Ny versjon/ })).toHaveCount(0);
  await versions(page).nth(1).click();
  await expect(page.getByRole('heading', { name: 'Versjon 1 av agder-nett-standard' })).toBeVisible();
  await expect(page.getByText('Tidligere').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

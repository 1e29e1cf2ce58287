// Company practice on Innstillinger, in Chromium against the real core: a supervisor (the demo's Marit Rosseland)
// changes the due days, the meter mounting target and switches on auto-approval by keyboard, saves, reloads and finds them kept; a case
// handler sees the same practice as text, with no way to change it. Clean under axe.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { axeViolations, expect, openDesk, test } from './fixtures';

const SCREENSHOT = process.env.COMPANY_PRACTICE_SCREENSHOT;

async function openSettings(page: Page): Promise<void> {
  const button = page.getByRole('banner').getByRole('button', { name: 'Innstillinger' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Selskapets praksis' })).toBeVisible();
}

const section = (page: Page) => page.getByRole('region', { name: 'Selskapets praksis' });
const dueDays = (page: Page) => section(page).getByRole('textbox', { name: /Saksbehandlingsfrist \(virkedager fra komplett melding\)/ });
const meterDays = (page: Page) =>
  section(page).getByRole('textbox', { name: /Frist for målermontering \(virkedager fra ferdigmelding\)/ });
const autoApprove = (page: Page) => section(page).getByRole('switch', { name: /Godkjenn enkle meldinger om arbeid i målepunkt automatisk/ });
const releaseOnAcceptance = (page: Page) => section(page).getByRole('switch', { name: /Frigi arbeidet når eieren har godtatt tilbudet/ });

test.describe('as a supervisor', () => {
  let supervisor: HarnessCore;
  test.beforeEach(() => {
    supervisor = startHarnessCore({ cases: 100, userId: 'marit.rosseland' });
  });
  test.afterEach(async ({ page }) => {
    await page.goto('about:blank');
    await supervisor.dispose();
  });

  test('changes the due days and auto-approval by keyboard, saves, and finds them after a reload', async ({ page }) => {
    await openDesk(page, supervisor.core);
    await openSettings(page);
    await expect(dueDays(page)).toHaveValue('15');
    await expect(meterDays(page)).toHaveValue('5');
    await expect(autoApprove(page)).not.toBeChecked();
    await expect(section(page).getByText('Bare komplette meldinger fra en installatør som er aktiv i Elvirksomhetsregisteret')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // A value out of range is said in words beside the field, and nothing is saved.
    await dueDays(page).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('61');
    await page.keyboard.press('Enter');
    await expect(section(page).getByText('Et heltall fra 1 til 60.').last()).toBeVisible();
    await expect(dueDays(page)).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);

    // By keyboard: the number, Tab to the switch, Space, Tab to the next field and on to Lagre.
    await dueDays(page).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('20');
    await page.keyboard.press('Tab');
    // The meter mounting target (after the ferdigmelding) sits beside the handling days.
    await expect(meterDays(page)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('6');
    await page.keyboard.press('Tab');
    await expect(autoApprove(page)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(autoApprove(page)).toBeChecked();
    await page.keyboard.press('Tab');
    // Release on acceptance (frigi arbeidet når eieren har godtatt tilbudet): off by default, on by Space.
    await page.keyboard.press('Tab');
    await expect(releaseOnAcceptance(page)).toBeFocused();
    await expect(releaseOnAcceptance(page)).not.toBeChecked();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    const save = section(page).getByRole('button', { name: 'Lagre praksis' });
    await expect(save).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(section(page).getByRole('status')).toContainText('Selskapets praksis er lagret og gjelder fra nå.');
    expect(await axeViolations(page)).toEqual([]);
  if (SCREENSHOT) await page.screenshot({ path: path.resolve(SCREENSHOT) });

    await page.reload();
    await openSettings(page);
    await expect(dueDays(page)).toHaveValue('20');
    await expect(meterDays(page)).toHaveValue('6');
    await expect(autoApprove(page)).toBeChecked();
    await expect(releaseOnAcceptance(page)).toBeChecked();
    expect(supervisor.core.database.sqlite.prepare("SELECT value FROM company_settings WHERE key = 'release_on_acceptance'").pluck().get()).toBe('true');
    const stored = supervisor.core.database.sqlite.prepare("SELECT value FROM company_settings WHERE key = 'due_working_days'").get() as {
      value: string;
    };
    expect(stored.value).toBe('20');
    expect(supervisor.core.database.sqlite.prepare("SELECT value FROM company_settings WHERE key = 'meter_mounting_working_days'").pluck().get()).toBe('6');
  });
});

test('a case handler sees the practice read-only', async ({ desk: page }) => {
  await openSettings(page);
  await expect(section(page).getByText('Bare en teamleder kan endre selskapets praksis.')).toBeVisible();
  await expect(section(page).getByText('15 virkedager')).toBeVisible();
  await expect(section(page).getByText('5 virkedager', { exact: true })).toBeVisible();
  await expect(section(page).getByRole('button', { name: 'Lagre praksis' })).toHaveCount(0);
  await expect(section(page).getByRole('textbox')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  if (SCREENSHOT) await section(page).screenshot({ path: path.resolve(SCREENSHOT.replace(/\.png$/, '-readonly.png')) });
});

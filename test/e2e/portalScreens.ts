// What the portal's end-to-end specs share: the check every screen passes (axe clean, nothing wider than the
// window, a screenshot in test-results/portal-screens/ to look at), the screen's heading, and logging in.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PASSWORD } from '../integration/portal/portalFixture';
import { axeViolations, expect } from './fixtures';

export const SCREENS = path.resolve(__dirname, '../../test-results/portal-screens');

/** No axe violation, nothing wider than the window, and a screenshot to look at. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  // Transitions (a dialog fading in) finished first: axe measures the colours as they end up.
  await page.waitForFunction(() => document.getAnimations().length === 0);
  expect(await axeViolations(page), name).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS, `${name}-${page.viewportSize()?.width}.png`), fullPage: true });
}

export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Logs in at the portal of the service at `serviceUrl`, and waits for Mine saker, where an installer lands. */
export async function logInAt(page: Page, serviceUrl: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${serviceUrl}/portal/login`);
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel(/^Passord\b/).fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(heading(page, 'Mine saker')).toBeVisible();
}

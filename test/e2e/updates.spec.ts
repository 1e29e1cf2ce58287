// Updates as the case handler sees them, with the harness's stand-in for the preload's bridge reporting what
// main would after electron-updater's events: nothing while a version downloads, then a calm banner with a
// restart button once it is downloaded (bokmål and English), and the channel on the settings screen.
import { exposeUpdatesStandIn } from '../../harness/updatesStandIn';
import { axeViolations, expect, openDesk, test } from './fixtures';

test('a downloaded version is offered with a restart, calmly, in bokmål and English', async ({ page, harness }) => {
  const updates = await exposeUpdatesStandIn(page, { phase: 'idle', channel: 'stable', version: null });
  await openDesk(page, harness.core);
  await expect(page.getByRole('grid', { name: 'Arbeidskø' })).toBeVisible();
  const banner = page.getByRole('status').filter({ hasText: 'Ny versjon er lastet ned' });

  await updates.report({ phase: 'downloading', channel: 'stable', version: '0.2.0' });
  await expect(page.getByRole('button', { name: 'Start på nytt' })).toHaveCount(0);

  await updates.report({ phase: 'downloaded', channel: 'stable', version: '0.2.0' });
  await expect(banner).toHaveText('Ny versjon er lastet ned – start på nytt for å oppdatere (versjon 0.2.0)Start på nytt');
  // Not an alarm: a status, not an alert.
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'A new version has been downloaded – restart to update' })).toBeVisible();
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect.poll(() => updates.restartsAsked()).toBe(1);
});

test('the channel is chosen on the settings screen, and what the updater is doing is said there', async ({ page, harness }) => {
  const updates = await exposeUpdatesStandIn(page, { phase: 'idle', channel: 'stable', version: null });
  await openDesk(page, harness.core);
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  const section = page.getByRole('region', { name: 'Oppdateringer' });
  await expect(section.getByRole('radio', { name: /^Stabil/ })).toBeChecked();
  await expect(section).toContainText('Ingen ny versjon å hente akkurat nå.');

  await section.getByRole('radio', { name: /^Beta/ }).check();
  await expect(section.getByRole('radio', { name: /^Beta/ })).toBeChecked();
  expect(await updates.channelsAsked()).toEqual(['beta']);

  await updates.report({ phase: 'downloading', channel: 'beta', version: '0.3.0-beta.1' });
  await expect(section).toContainText('Laster ned versjon 0.3.0-beta.1 …');
  expect(await axeViolations(page)).toEqual([]);
});

test('without an update bridge (a plain browser) there is neither banner nor channel', async ({ desk }) => {
  await desk.getByRole('button', { name: 'Innstillinger' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  await expect(desk.getByRole('region', { name: 'Oppdateringer' })).toHaveCount(0);
  await expect(desk.getByText('Ny versjon er lastet ned')).toHaveCount(0);
});

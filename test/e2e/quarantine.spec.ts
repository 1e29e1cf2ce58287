// The quarantine as a case handler uses it, in Chromium against the real core: a malformed incoming record is
// imported before the page opens; the handler finds it from the header (keyboard only), reads why it was
// stopped, fixes the JSON (seeing the parse error while it is broken), re-imports it, and finds the case in
// the queue. Clean under axe.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { importIntoLocal } from '../../core/import/importService';
import { requestMessage } from '../fixtures/import/buildMessages';
import { axeViolations, expect, openDesk, test } from './fixtures';

const dataRows = (page: Page) => page.getByRole('grid', { name: 'Arbeidskø' }).locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');

test('a quarantined record is found, fixed and re-imported into a case in the queue', async ({ page, harness }) => {
  const record = requestMessage(4242);
  (record.installation as Record<string, unknown>).mainFuseA = 'femti';
  const outcome = importIntoLocal(
    harness.core.context,
    path.join(harness.dataDirectory, 'attachments'),
    JSON.stringify([record]),
    'innboks-2026-11-27.json',
  );
  expect(outcome.quarantined).toBe(1);
  await openDesk(page, harness.core);

  // From the header, by keyboard: the button names the count.
  const nav = page.getByRole('banner').getByRole('button', { name: /^Karantene/ });
  await expect(nav).toHaveAccessibleName('Karantene, 1 åpen post');
  await nav.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Karantene' })).toBeVisible();
  const list = page.getByRole('listbox', { name: 'Karantene' });
  await expect(list).toBeFocused();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').first()).toContainText('ELS-9004242');
  await expect(list.getByRole('option').first()).toContainText('Hovedsikring (OV, ampere): har feil type');
  expect(await axeViolations(page)).toEqual([]);

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Melding ELS-9004242' })).toBeFocused();
  await expect(page.getByText('Filen innboks-2026-11-27.json', { exact: true })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Hovedsikring (OV, ampere)' })).toContainText('har feil type');

  const editor = page.getByRole('textbox', { name: 'Meldingen (JSON)' });
  const reimport = page.getByRole('button', { name: 'Importer på nytt' });
  await editor.fill('{ "messageId": "ELS-9004242",\n  "kind": ');
  await expect(page.getByText(/Ikke gyldig JSON/)).toBeVisible();
  await expect(reimport).toBeDisabled();
  expect(await axeViolations(page)).toEqual([]);

  const fixed = { ...record, installation: { ...(record.installation as object), mainFuseA: 50 } };
  await editor.fill(JSON.stringify(fixed, null, 2));
  await expect(page.getByText(/Ikke gyldig JSON/)).toHaveCount(0);
  await expect(reimport).toBeEnabled();
  await reimport.click();
  await expect(page.getByText('Meldingen er importert og ligger i arbeidskøen.')).toBeVisible();
  await expect(nav).toHaveAccessibleName('Karantene, 0 åpne poster');
  await expect(page.getByText('Ingen meldinger i karantene.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  const made = harness.core.database.sqlite.prepare("SELECT case_number FROM cases WHERE message_id = 'ELS-9004242'").get() as {
    case_number: string;
  };
  expect(made).toBeDefined();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Søk i saker' }).fill(made.case_number);
  await expect(dataRows(page).filter({ hasText: made.case_number })).toHaveCount(1);
});

test('a record is discarded with a reason and stays, marked discarded', async ({ page, harness }) => {
  const record = requestMessage(4243);
  (record.installer as Record<string, unknown>).organisationNumber = '123456789';
  importIntoLocal(harness.core.context, path.join(harness.dataDirectory, 'attachments'), JSON.stringify(record), 'innboks.json');
  await openDesk(page, harness.core);
  await page.getByRole('button', { name: /^Karantene/ }).click();
  await page.getByRole('option').first().click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Installatørens organisasjonsnummer' })).toContainText(
    'har feil kontrollsiffer',
  );
  await page.getByRole('button', { name: 'Forkast …' }).click();
  const reason = page.getByRole('textbox', { name: 'Begrunnelse' });
  await expect(reason).toBeFocused();
  await page.getByRole('button', { name: 'Forkast meldingen' }).click();
  await expect(page.getByText('Skriv hvorfor meldingen forkastes.')).toBeVisible();
  await reason.fill('Installatøren sender meldingen på nytt med riktig organisasjonsnummer.');
  await page.getByRole('button', { name: 'Forkast meldingen' }).click();
  await expect(page.getByText('Ingen meldinger i karantene.')).toBeVisible();
  await page.getByRole('switch', { name: 'Vis også importerte og forkastede' }).check();
  await expect(page.getByRole('option').first()).toContainText('Forkastet');
  expect(harness.core.database.sqlite.prepare('SELECT state FROM import_quarantine').all()).toEqual([{ state: 'discarded' }]);
  expect(await axeViolations(page)).toEqual([]);
});

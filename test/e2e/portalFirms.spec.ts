// Installatørfirmaer in Chromium against a real core signed in to a running service with the portal: a supervisor
// (Sara Berg) opens the screen by keyboard, sees the firms that applied (formatted organisation number, DSB status,
// contact, when), approves one and refuses another with a reason the firm reads (none given: told so), and sees
// both decided with who and when; clean under axe. A case handler has no such screen, and a standalone desk says it
// needs the central service.
import pg from 'pg';
import type { Page } from '@playwright/test';
import { portalPlugin } from '../../service/portal';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { organisationNumber, PORTAL_URL, registerInDsb } from '../integration/portal/portalFixture';
import { RawClient } from '../support/serviceClient';
import { startService } from '../support/serviceInstances';
import { axeViolations, createPerson, expect, openDesk, startCentralHarness, test } from './fixtures';

const FIRMS = ['Lys og Varme AS', 'Kabel og Kontakt AS', 'Nordlys Elektro AS'] as const;

const spaced = (org: string) => `${org.slice(0, 3)} ${org.slice(3, 6)} ${org.slice(6)}`;

async function openPortalFirms(page: Page): Promise<void> {
  const button = page.getByRole('banner').getByRole('button', { name: 'Firmaer', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Installatørfirmaer' })).toBeVisible();
}

const applied = (page: Page) => page.getByTestId('portal-firms-applied');
const decided = (page: Page) => page.getByTestId('portal-firms-decided');

test('a supervisor approves one firm and refuses another with a reason; both show as decided, by whom and when', async ({ central, browser }, testInfo) => {
  const portal = await startService(central.db, { plugins: [portalPlugin({ portalUrl: PORTAL_URL, applicationsPerHour: 200 })] });
  const admin = new pg.Client({ connectionString: central.db.adminUrl });
  await admin.connect();
  const orgs: string[] = [];
  try {
    for (const [n, name] of FIRMS.entries()) {
      const org = organisationNumber(72, n + 1);
      orgs.push(org);
      await registerInDsb(admin, org, name);
      const answer = await new RawClient(portal.url).post('/api/portal/firms', {
        organisationNumber: org,
        contactEmail: `post@${name.split(' ')[0].toLowerCase()}.test`,
        user: { email: `admin@${name.split(' ')[0].toLowerCase()}.test`, name: 'Kari Admin', password: 'installer-password-1' },
      });
      expect(answer.status, answer.text).toBe(200);
    }
  } finally {
    await admin.end();
  }

  // A case handler's desk has no such screen.
  await expect(central.anne.page.getByRole('banner').getByRole('button', { name: 'Områdeleverandører' })).toBeVisible();
  await expect(central.anne.page.getByRole('button', { name: 'Firmaer', exact: true })).toHaveCount(0);

  const sara = await createPerson(central.db, 'sara', 'Sara Berg', 'supervisor');
  let saraCore: HarnessCore | null = null;
  const { viewport, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ viewport, locale, timezoneId });
  const page = await context.newPage();
  try {
    saraCore = await startCentralHarness(central.db, sara, () => portal.url);
    await openDesk(page, saraCore.core);
    await openPortalFirms(page);

    await expect(applied(page).getByTestId('portal-firm-applied')).toHaveCount(3);
    const first = applied(page).getByRole('row', { name: new RegExp(FIRMS[0]) });
    await expect(first).toContainText(spaced(orgs[0]));
    await expect(first).toContainText('Aktiv');
    await expect(first).toContainText('post@lys.test');
    await expect(page.getByRole('heading', { level: 2, name: 'Avgjorte søknader (0)' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Approve by keyboard: the button, then Enter on the dialog's confirming button (it has focus).
    await page.getByRole('button', { name: `Godkjenn ${FIRMS[0]}` }).focus();
    await page.keyboard.press('Enter');
    const approveDialog = page.getByRole('dialog', { name: `Godkjenne ${FIRMS[0]}?` });
    await expect(approveDialog).toBeVisible();
    await expect(approveDialog.getByRole('button', { name: 'Godkjenn' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(approveDialog).toBeHidden();
    await expect(page.getByTestId('portal-firms-done')).toContainText(`${FIRMS[0]} er godkjent`);
    await expect(applied(page).getByTestId('portal-firm-applied')).toHaveCount(2);
    const approvedRow = decided(page).getByRole('row', { name: new RegExp(FIRMS[0]) });
    await expect(approvedRow).toContainText('Godkjent');
    await expect(approvedRow).toContainText('Sara Berg');
    await expect(approvedRow).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);

    // Two applications waiting and one decided firm, as it looks.
    await page.screenshot({ path: testInfo.outputPath('portal-firms.png'), fullPage: true });

    // Refuse: a reason is required, in words the firm reads.
    await page.getByRole('button', { name: `Avvis ${FIRMS[1]}` }).focus();
    await page.keyboard.press('Enter');
    const refuseDialog = page.getByRole('dialog', { name: `Avvise ${FIRMS[1]}?` });
    const reasonField = refuseDialog.getByRole('textbox', { name: /Begrunnelse til firmaet/ });
    await expect(reasonField).toBeFocused();
    await refuseDialog.getByRole('button', { name: 'Avvis' }).click();
    await expect(refuseDialog).toContainText('Skriv en begrunnelse');
    await expect(reasonField).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);
    const reason = 'Firmaet er ikke prekvalifisert hos Agder Nett. Søk om prekvalifisering, og søk så på nytt.';
    await reasonField.fill(reason);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(refuseDialog.getByRole('button', { name: 'Avvis' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(refuseDialog).toBeHidden();
    await expect(page.getByTestId('portal-firms-done')).toContainText(`Søknaden fra ${FIRMS[1]} er avvist`);
    const refusedRow = decided(page).getByRole('row', { name: new RegExp(FIRMS[1]) });
    await expect(refusedRow).toContainText('Avvist');
    await expect(refusedRow).toContainText(`Begrunnelse: ${reason}`);
    await expect(refusedRow).toContainText('Sara Berg');
    await expect(applied(page).getByTestId('portal-firm-applied')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 2, name: 'Avgjorte søknader (2)' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Esc returns to the queue.
    await page.getByRole('heading', { level: 1, name: 'Installatørfirmaer' }).focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Installatørfirmaer' })).toHaveCount(0);
  } finally {
    await page.goto('about:blank').catch(() => undefined);
    await context.close();
    await saraCore?.dispose();
  }
});

test('a standalone desk says the screen needs the central service', async ({ page }) => {
  const supervisor = startHarnessCore({ cases: 50, userId: 'marit.rosseland' });
  try {
    await openDesk(page, supervisor.core);
    await openPortalFirms(page);
    const problem = page.getByTestId('portal-firms-problem');
    await expect(problem).toContainText('Krever forbindelse til den sentrale tjenesten');
    await expect(problem).toContainText('frittstående');
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await page.goto('about:blank');
    await supervisor.dispose();
  }
});

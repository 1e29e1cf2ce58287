// The installers' portal web app (portal/, issue 12) in Chromium against a real central service with the portal
// plugged in, on a test database, mail going to a real SMTP server on loopback: applying for access (the check
// digit on the spot), logging in, Min side and changing the password, a forgotten password reset through the
// e-mailed link, the administrator's users (an invitation accepted through its link, a colleague disabled). At a
// phone's width (375 px) and a desktop's (1280 px), with an axe scan of every screen and a screenshot of each in
// test-results/portal-screens/ for people to look at.
import type { Page } from '@playwright/test';
import { firmWithAdmin, organisationNumber, PASSWORD, registerInDsb, tokenIn, withWrongCheckDigit } from '../integration/portal/portalFixture';
import { expect, test } from './fixtures';
import { portalService } from './portalService';
import { checkScreen, heading, logInAt } from './portalScreens';

const portal = portalService('e2e_portal');

const logIn = (page: Page, email: string, password = PASSWORD) => logInAt(page, portal.url, email, password);

/** The link of the last mail to `address` (the service writes PORTAL_URL's address), on this service instead. */
async function linkFor(address: string, since: number, linkPath: string): Promise<string> {
  const mail = await portal.smtp.next(address, since);
  return `${portal.url}/portal/${linkPath}#token=${tokenIn(mail, linkPath)}`;
}

test('the service serves the app under /portal: a strict CSP, the page revalidated, hashed files cached for good', async ({ request }) => {
  const page = await request.get(`${portal.url}/portal/login`);
  expect(page.status()).toBe(200);
  expect(page.headers()['content-type']).toContain('text/html');
  const csp = page.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(page.headers()['cache-control']).toBe('no-cache');
  const html = await page.text();
  // No inline script: every <script> has a src.
  expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  const asset = /src="(\/portal\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const script = await request.get(`${portal.url}${asset}`);
  expect(script.status()).toBe(200);
  expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(script.headers()['content-security-policy']).toBe(csp);
  for (const address of ['/portal', '/portal/', '/portal/invitation', '/portal/no/such/screen']) {
    const answer = await request.get(`${portal.url}${address}`);
    expect(answer.status(), address).toBe(200);
    expect(await answer.text(), address).toBe(html);
  }
  expect((await request.get(`${portal.url}/portal/assets/missing-file.js`)).status()).toBe(404);
  // The API is not shadowed.
  expect((await request.get(`${portal.url}/api/portal/me`)).status()).toBe(401);
});

for (const [width, height] of [[375, 812], [1280, 900]] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('a firm applies: the check digit is checked as it is typed; it may log in once approved', async ({ page }) => {
      const org = organisationNumber(70, width);
      await registerInDsb(portal.admin, org, `Søknad Elektro ${width} AS`);
      await page.goto(`${portal.url}/portal/`);
      await expect(heading(page, 'Logg inn')).toBeVisible();
      await page.getByRole('link', { name: 'Søk om tilgang' }).click();
      await expect(heading(page, 'Søk om tilgang')).toBeVisible();
      const orgField = page.getByRole('textbox', { name: 'Organisasjonsnummer' });
      await orgField.fill(withWrongCheckDigit(org));
      await expect(page.getByText('Kontrollsifferet stemmer ikke')).toBeVisible();
      await expect(orgField).toHaveAttribute('aria-invalid', 'true');
      await orgField.fill(`${org.slice(0, 3)} ${org.slice(3, 6)} ${org.slice(6)}`);
      await expect(page.getByText('Gyldig organisasjonsnummer')).toBeVisible();
      await expect(page.getByText('Kontrollsifferet stemmer ikke')).toHaveCount(0);
      // Sending with the rest missing names what is missing.
      await page.getByRole('button', { name: 'Send søknad' }).click();
      await expect(page.getByText('Skriv en gyldig e-postadresse').first()).toBeVisible();
      await expect(page.getByText('Passordet må ha minst 10 tegn.')).toBeVisible();
      await checkScreen(page, 'apply');
      await page.getByRole('textbox', { name: 'Firmaets e-post' }).fill(`post-${width}@soknad.test`);
      await page.getByRole('textbox', { name: 'Navn' }).fill('Siri Søker');
      await page.getByRole('textbox', { name: 'E-post', exact: true }).fill(`siri-${width}@soknad.test`);
      await page.getByLabel(/^Passord\b/).fill(PASSWORD);
      await page.getByLabel('Gjenta passordet').fill(PASSWORD);
      await page.getByRole('button', { name: 'Send søknad' }).click();
      await expect(heading(page, 'Søknaden er sendt')).toBeVisible();
      await expect(page.getByRole('status')).toContainText(`Søknad Elektro ${width} AS`);
      await checkScreen(page, 'apply-sent');

      // Before the grid company has decided, logging in says so.
      await page.getByRole('link', { name: 'Tilbake til innlogging' }).click();
      await page.getByLabel('E-post').fill(`siri-${width}@soknad.test`);
      await page.getByLabel(/^Passord\b/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await expect(page.getByRole('alert')).toContainText('venter på nettselskapets svar');
      await checkScreen(page, 'login-pending');

      const { rows: [firm] } = await portal.admin.query<{ id: string }>('SELECT id FROM portal_firms WHERE organisation_number = $1', [org]);
      expect((await portal.supervisor.post(`/api/portal/firms/${firm.id}/approve`)).status).toBe(200);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await expect(heading(page, 'Mine saker')).toBeVisible();
      await expect(page.getByRole('main')).toContainText(`Søknad Elektro ${width} AS`);
    });

    test('logging in by keyboard; Min side; the password changed; logging out; English', async ({ page }) => {
      const email = `kari-${width}@lys.test`;
      await firmWithAdmin(portal.url, portal.admin, portal.supervisor, email, `Lys og Varme ${width} AS`);
      await page.goto(`${portal.url}/portal/login`);
      await expect(heading(page, 'Logg inn')).toBeVisible();
      await checkScreen(page, 'login');
      // A wrong password, then the right one, by keyboard only.
      await page.getByLabel('E-post').focus();
      await page.keyboard.type(email);
      await page.keyboard.press('Tab');
      await page.keyboard.type('not the password');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toContainText('Feil e-post eller passord');
      await checkScreen(page, 'login-wrong-password');
      await page.getByLabel(/^Passord\b/).fill('');
      await page.getByLabel(/^Passord\b/).focus();
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      // Mine saker is the landing page; Min side is one link away.
      await expect(heading(page, 'Mine saker')).toBeVisible();
      await expect(heading(page, 'Mine saker')).toBeFocused();
      await page.getByRole('navigation').getByRole('link', { name: 'Min side' }).click();
      await expect(heading(page, 'Min side')).toBeFocused();
      const main = page.getByRole('main');
      await expect(main).toContainText(email);
      await expect(main).toContainText(`Lys og Varme ${width} AS`);
      await expect(main).toContainText('Administrator');
      await checkScreen(page, 'my-page');

      // The session is the service's HttpOnly cookie: nothing the page's script can read holds the token.
      const readable = await page.evaluate(() => [document.cookie, JSON.stringify({ ...window.sessionStorage }),
        JSON.stringify({ ...window.localStorage })].join(' '));
      const [cookie] = (await page.context().cookies()).filter((c) => c.name === '__Host-portal-session');
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
      expect(readable).not.toContain(cookie.value);
      // A reload keeps the session, a deep link lands on its screen.
      await page.reload();
      await expect(heading(page, 'Min side')).toBeVisible();

      const newPassword = 'a-new-password-2';
      await page.getByLabel('Nåværende passord').fill('wrong current one');
      await page.getByLabel('Nytt passord').fill(newPassword);
      await page.getByLabel('Gjenta passordet').fill(newPassword);
      await page.getByRole('button', { name: 'Lagre passord' }).click();
      await expect(page.getByRole('alert')).toContainText('Nåværende passord er feil');
      await page.getByLabel('Nåværende passord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Lagre passord' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Passordet er endret' })).toBeVisible();
      await checkScreen(page, 'my-page-password-changed');

      await page.getByRole('banner').getByRole('button', { name: 'Logg ut' }).click();
      await expect(heading(page, 'Logg inn')).toBeVisible();
      await expect(page.getByRole('status')).toContainText('Du er logget ut');
      // Min side is not there without a session.
      await page.goto(`${portal.url}/portal/me`);
      await expect(heading(page, 'Logg inn')).toBeVisible();
      await logIn(page, email, newPassword);
      await page.getByRole('navigation').getByRole('link', { name: 'Min side' }).click();

      await page.getByRole('radio', { name: 'English' }).check();
      await expect(heading(page, 'My page')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await checkScreen(page, 'my-page-en');
      await page.getByRole('radio', { name: 'Norsk' }).check();
      await expect(heading(page, 'Min side')).toBeVisible();
    });

    test('a forgotten password: the e-mailed link, a new password, logging in with it', async ({ page }) => {
      const email = `glemsk-${width}@lys.test`;
      await firmWithAdmin(portal.url, portal.admin, portal.supervisor, email, `Glemsk Elektro ${width} AS`);
      await page.goto(`${portal.url}/portal/login`);
      await page.getByRole('link', { name: 'Glemt passord?' }).click();
      await expect(heading(page, 'Glemt passord')).toBeVisible();
      await checkScreen(page, 'forgot-password');
      const since = portal.smtp.mails.length;
      await page.getByLabel('E-post').fill(email);
      await page.getByRole('button', { name: 'Send lenke' }).click();
      await expect(page.getByRole('status')).toContainText(`Hvis ${email} har en konto`);
      await checkScreen(page, 'forgot-password-sent');

      const link = await linkFor(email, since, 'password-reset');
      await page.goto(link);
      await expect(heading(page, 'Nytt passord')).toBeVisible();
      // The token leaves the address bar at once.
      expect(page.url()).toBe(`${portal.url}/portal/password-reset`);
      await page.getByLabel('Nytt passord').fill('short');
      await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
      await expect(page.getByText('Passordet må ha minst 10 tegn.')).toBeVisible();
      await checkScreen(page, 'new-password');
      const chosen = 'reset-password-3';
      await page.getByLabel('Nytt passord').fill(chosen);
      await page.getByLabel('Gjenta passordet').fill(chosen);
      await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
      await expect(heading(page, 'Logg inn')).toBeVisible();
      await expect(page.getByRole('status')).toContainText('Passordet er endret');
      await logIn(page, email, chosen);

      // The link works once.
      await page.getByRole('banner').getByRole('button', { name: 'Logg ut' }).click();
      await expect(page.getByRole('status')).toContainText('Du er logget ut');
      await page.goto(link);
      await page.getByLabel('Nytt passord').fill('another-password-4');
      await page.getByLabel('Gjenta passordet').fill('another-password-4');
      await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
      await expect(page.getByRole('alert')).toContainText('allerede brukt eller utløpt');
      // Without a token the screen says what to do.
      await page.goto(`${portal.url}/portal/password-reset`);
      await expect(page.getByRole('alert')).toContainText('Åpne lenken fra e-posten på nytt');
      await checkScreen(page, 'new-password-no-link');
    });

    test("the administrator's users: a colleague invited, the invitation accepted, the colleague disabled", async ({ page, browser }) => {
      const adminEmail = `sjef-${width}@team.test`;
      const colleague = `kollega-${width}@team.test`;
      await firmWithAdmin(portal.url, portal.admin, portal.supervisor, adminEmail, `Team Elektro ${width} AS`);
      await logIn(page, adminEmail);
      await page.getByRole('navigation').getByRole('link', { name: 'Brukere' }).click();
      await expect(heading(page, 'Brukere')).toBeVisible();
      await expect(page.getByRole('main')).toContainText(adminEmail);
      await checkScreen(page, 'users');

      const since = portal.smtp.mails.length;
      await page.getByRole('textbox', { name: 'Navn' }).fill('Per Kollega');
      await page.getByRole('textbox', { name: 'E-post' }).fill(colleague);
      await page.getByRole('button', { name: 'Send invitasjon' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Invitasjon sendt til ${colleague}` })).toBeVisible();
      await expect(page.getByRole('main')).toContainText('Per Kollega');
      await expect(page.getByRole('main')).toContainText('Invitert');
      await checkScreen(page, 'users-invited');

      // The colleague opens the invitation in a browser of their own.
      const link = await linkFor(colleague, since, 'invitation');
      const context = await browser.newContext({ viewport: { width, height }, locale: 'nb-NO' });
      try {
        const other = await context.newPage();
        await other.goto(link);
        await expect(heading(other, 'Godta invitasjon')).toBeVisible();
        await checkScreen(other, 'invitation');
        await other.getByLabel('Nytt passord').fill('colleague-password-5');
        await other.getByLabel('Gjenta passordet').fill('colleague-password-5');
        await other.getByRole('button', { name: 'Godta og lagre passord' }).click();
        await expect(heading(other, 'Logg inn')).toBeVisible();
        await expect(other.getByRole('status')).toContainText('Passordet er valgt');
        await logIn(other, colleague, 'colleague-password-5');
        // Not an administrator: no Brukere, and its address sends them to Min side.
        await expect(other.getByRole('navigation').getByRole('link', { name: 'Brukere' })).toHaveCount(0);
        await other.goto(`${portal.url}/portal/users`);
        await expect(heading(other, 'Min side')).toBeVisible();

        await page.reload();
        await expect(page.getByRole('main')).toContainText('Aktiv');
        await page.getByRole('button', { name: 'Deaktiver Per Kollega' }).click();
        const dialog = page.getByRole('dialog', { name: 'Deaktivere Per Kollega?' });
        await expect(dialog).toBeVisible();
        await checkScreen(page, 'users-disable');
        await dialog.getByRole('button', { name: 'Deaktiver' }).click();
        await expect(dialog).toHaveCount(0);
        await expect(page.getByRole('status').filter({ hasText: 'Per Kollega er deaktivert' })).toBeVisible();
        await expect(page.getByRole('main')).toContainText('Deaktivert');
        await expect(page.getByRole('button', { name: 'Deaktiver Per Kollega' })).toHaveCount(0);
        await checkScreen(page, 'users-disabled');

        // The disabled colleague's session has ended: their next step sends them to log in.
        await other.reload();
        await expect(heading(other, 'Logg inn')).toBeVisible();
        await expect(other.getByRole('status')).toContainText('Økten er utløpt');
        await checkScreen(other, 'login-session-ended');
      } finally {
        await context.close();
      }
    });
  });
}

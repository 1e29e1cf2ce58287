// The central service's settings in Chromium against a real core, with a tiny local HTTP service standing in for
// the central one (health and sign-in only; the lead's end-to-end run uses the real service): an address that
// is not https is refused with the reason in words, "Test tilkobling" asks the service and tries the sign-in,
// a wrong password says so, "Logg inn og lagre" keeps the token (not the password), "Logg ut" forgets it.
// No request carries anything stored. Where the service offers the company's own sign-in (an identity provider),
// "Logg inn med virksomhetens pålogging" shows; in this browser (no system browser to open) it says that it needs
// the desktop app. By keyboard, in Norwegian and English, clean under axe.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { axeViolations, expect, openDesk, test } from './fixtures';

interface Seen {
  path: string;
  authorization: string | undefined;
  body: string;
}

let service: http.Server;
let serviceUrl: string;
const seen: Seen[] = [];
/** Whether the stand-in offers sign-in through an identity provider (GET /api/login/oidc/config answers 200). */
let offersProvider = false;

test.beforeAll(async () => {
  service = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/api/health') return res.end(JSON.stringify({ ok: true, service: 'desk-central', version: 1 }));
      if (req.url === '/api/login/oidc/config' && offersProvider) {
        return res.end(JSON.stringify({ authorizationEndpoint: 'https://login.nettselskap.example/authorize', clientId: 'desk', scope: 'openid profile' }));
      }
      if (req.url === '/api/login') {
        const { username, password } = JSON.parse(body) as { username: string; password: string };
        if (username === 'anne' && password === 'riktig-passord') {
          return res.end(
            JSON.stringify({ token: 'token-for-anne', expiresAt: '2099-01-01T12:00:00.000Z', user: { id: 'anne', role: 'case_handler', displayName: 'Anne Hansen' } }),
          );
        }
        res.statusCode = 401;
        return res.end(JSON.stringify({ code: 'wrongPassword', message: 'wrong user name or password' }));
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ code: 'notFound', message: 'not found' }));
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => service.close(() => resolve()));
});

let harness: HarnessCore;
test.beforeEach(() => {
  seen.length = 0;
  offersProvider = false;
  harness = startHarnessCore({ cases: 20 });
});
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  await harness.dispose();
});

async function openSettings(page: Page): Promise<void> {
  const button = page.getByRole('banner').getByRole('button', { name: 'Innstillinger' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
}

const region = (page: Page) => page.getByRole('region', { name: 'Sentral tjeneste' });
const urlField = (page: Page) => region(page).getByRole('textbox', { name: 'Adresse' });
const userField = (page: Page) => region(page).getByRole('textbox', { name: 'Brukernavn' });
const passwordField = (page: Page) => region(page).getByLabel(/^Passord/);

test('the address must be https (http only to this machine), said beside the field in Norwegian and English', async ({ page }) => {
  await openDesk(page, harness.core);
  await openSettings(page);
  await expect(region(page).getByText('Nå: frittstående')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // By keyboard: the address, then "Test tilkobling".
  await urlField(page).focus();
  await page.keyboard.type('http://nett.example.no');
  await region(page).getByRole('button', { name: 'Test tilkobling' }).click();
  const insecure = 'Adressen begynner med http://, som sender passordet ukryptert over nettet.';
  await expect(region(page).getByText(insecure)).toBeVisible();
  await expect(urlField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(urlField(page)).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);

  // Not a URL at all.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('nett.example.no');
  await expect(region(page).getByText('Adressen kan ikke brukes.')).toBeVisible();

  // Signing in needs a user name and a password; the first missing one gets the focus.
  await urlField(page).fill(serviceUrl);
  await region(page).getByRole('button', { name: 'Logg inn og lagre' }).click();
  await expect(region(page).getByText('Skriv inn brukernavnet ditt.')).toBeVisible();
  await expect(userField(page)).toBeFocused();
  await expect(region(page).getByText('Skriv inn passordet ditt for å logge inn.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await urlField(page).fill('http://nett.example.no');
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('The address starts with http://, which sends the password unencrypted across the network.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('radio', { name: 'Norsk' }).check();
  // Nothing went to the refused addresses; the usable one (left once) was only asked whether it offers the
  // company's own sign-in, with nothing in the request.
  expect(seen.map(({ path, authorization, body }) => ({ path, authorization, body }))).toEqual([
    { path: '/api/login/oidc/config', authorization: undefined, body: '' },
  ]);
});

test('test, a wrong password, sign in and save, sign out — and no request carries anything stored', async ({ page }) => {
  await openDesk(page, harness.core);
  await openSettings(page);

  // Only the address: the service answers, nothing is signed in.
  await urlField(page).fill(serviceUrl);
  await region(page).getByRole('button', { name: 'Test tilkobling' }).click();
  await expect(region(page).getByRole('status').filter({ hasText: 'Tjenesten svarer' })).toContainText('Tjenesten svarer på adressen.');
  // The health check, and whether it offers the company's own sign-in (it does not: no such button).
  await expect.poll(() => [...new Set(seen.map((request) => request.path))].sort()).toEqual(['/api/health', '/api/login/oidc/config']);
  await expect(region(page).getByRole('button', { name: 'Logg inn med virksomhetens pålogging' })).toHaveCount(0);

  // A wrong password is said in words.
  await userField(page).fill('anne');
  await passwordField(page).fill('feil-passord');
  await region(page).getByRole('button', { name: 'Test tilkobling' }).click();
  await expect(region(page).getByRole('alert')).toContainText('Brukernavnet eller passordet er feil.');
  expect(await axeViolations(page)).toEqual([]);

  // The right one: the sign-in works, and still nothing is saved.
  await passwordField(page).fill('riktig-passord');
  await region(page).getByRole('button', { name: 'Test tilkobling' }).click();
  await expect(region(page).getByRole('status').filter({ hasText: 'Tjenesten svarer' })).toContainText('Innloggingen virker: Anne Hansen (anne,');
  const before = await harness.core.dispatch('settings.get', {});
  expect(before).toMatchObject({ ok: true, value: { central: null } });

  // Enter in the password field signs in and saves.
  await passwordField(page).focus();
  await page.keyboard.press('Enter');
  await expect(region(page).getByRole('status').filter({ hasText: 'Logget inn' })).toContainText('Logget inn som Anne Hansen (anne).');
  await expect(passwordField(page)).toHaveValue('');
  const after = await harness.core.dispatch('settings.get', {});
  expect(after).toMatchObject({
    ok: true,
    value: { central: { url: serviceUrl, username: 'anne', signedIn: true, tokenExpiresAt: '2099-01-01T12:00:00.000Z' } },
  });
  expect(JSON.stringify(after)).not.toContain('riktig-passord');
  expect(JSON.stringify(after)).not.toContain('token-for-anne');
  expect(seen.every((request) => request.authorization === undefined)).toBe(true);

  // The settings as they now are (in Electron the app would restart with the service here).
  await page.reload();
  await openSettings(page);
  await expect(region(page).getByText(`Nå: logget inn på ${serviceUrl} som anne, til`)).toBeVisible();
  await expect(urlField(page)).toHaveValue(serviceUrl);
  await expect(userField(page)).toHaveValue('anne');
  await expect(passwordField(page)).toHaveValue('');
  expect(await axeViolations(page)).toEqual([]);

  // Testing another address with a token kept sends no token there.
  seen.length = 0;
  await urlField(page).fill(`http://localhost:${new URL(serviceUrl).port}`);
  await region(page).getByRole('button', { name: 'Test tilkobling' }).click();
  await expect(region(page).getByRole('status').filter({ hasText: 'Tjenesten svarer' })).toBeVisible();
  expect(seen.some((request) => request.path === '/api/health')).toBe(true);
  expect(seen.every((request) => ['/api/health', '/api/login/oidc/config'].includes(request.path) && request.authorization === undefined)).toBe(true);
  expect(seen.some((request) => request.body.includes('token-for-anne'))).toBe(false);

  // Logg ut: the token goes; the address and user name stay for signing in again.
  await region(page).getByRole('button', { name: 'Logg ut' }).click();
  await expect(region(page).getByRole('status').filter({ hasText: 'Logget ut' })).toBeVisible();
  expect(await harness.core.dispatch('settings.get', {})).toMatchObject({
    ok: true,
    value: { central: { url: serviceUrl, username: 'anne', signedIn: false, tokenExpiresAt: null } },
  });
  await page.reload();
  await openSettings(page);
  await expect(region(page).getByText(`Du er logget ut av ${serviceUrl}.`)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a service that offers the company\'s own sign-in shows the button; here, without the desktop app, it says so', async ({ page }) => {
  offersProvider = true;
  await openDesk(page, harness.core);
  await openSettings(page);
  const provider = region(page).getByRole('button', { name: 'Logg inn med virksomhetens pålogging' });
  await expect(provider).toHaveCount(0);

  // Typing the address and leaving the field asks the service; it offers it.
  await urlField(page).focus();
  await page.keyboard.type(serviceUrl);
  await page.keyboard.press('Tab');
  await expect(provider).toBeVisible();
  await expect(region(page).getByText('Tjenesten tilbyr også innlogging med virksomhetens egen pålogging.')).toBeVisible();
  expect(seen.map((request) => [request.path, request.authorization])).toEqual([['/api/login/oidc/config', undefined]]);
  expect(await axeViolations(page)).toEqual([]);

  // Another address: the button goes (it belongs to the address that offered it).
  await urlField(page).fill('https://saksbehandling.nettselskap.example');
  await expect(provider).toHaveCount(0);
  await urlField(page).fill(serviceUrl);
  await expect(provider).toBeVisible();

  // By keyboard; this browser cannot open the system browser, so it explains and keeps nothing.
  await provider.focus();
  await page.keyboard.press('Enter');
  const alert = region(page).getByRole('alert');
  await expect(alert).toContainText('Innlogging med virksomhetens pålogging åpner nettleseren, og det kan bare skrivebordsprogrammet.');
  await expect(provider).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  expect(await harness.core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { central: null } });
  expect(seen.every((request) => request.path === '/api/login/oidc/config')).toBe(true);

  await page.getByRole('radio', { name: 'English' }).check();
  const english = page.getByRole('region', { name: 'Central service' });
  await english.getByRole('button', { name: "Sign in with your organisation's account" }).click();
  await expect(english.getByRole('alert')).toContainText('which only the desktop app can do');
  await page.getByRole('radio', { name: 'Norsk' }).check();
});

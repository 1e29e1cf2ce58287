// The owner answers the offer through the link in the letter (issue 12, item 5), in Chromium: a case handler's desk
// (Mona Tveit, a real core on the central service, on today's date) issues and sends an offer; the letter's PDF, as the server keeps
// it, is read with pdftotext for the link and code; the owner opens the link at a desktop's width with the code in the
// #code= fragment (gone from the address bar at once), then at a phone's width types the code, reads the offer and
// accepts with their name. Axe-clean, no sideways scrolling, screenshots in test-results/portal-screens/. The desk
// then shows "Godtatt i portalen av Kari Nordmann …" in the case's Fakturering and history.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import type { CreateOfferDraftResult, IssueOfferResult } from '../../shared/contract';
import { formatNok } from '../../shared/rules';
import { portalPlugin } from '../../service/portal';
import { PORTAL_URL } from '../integration/portal/portalFixture';
import { ok } from '../support/apiResult';
import { startService } from '../support/serviceInstances';
import { systemClock } from '../../core/clock';
import type { HarnessCore } from '../../harness/harnessCore';
import { createPerson, expect, openCaseByKeyboard, openDesk, startCentralHarness, test } from './fixtures';
import { SCREENS, checkScreen } from './portalScreens';

async function ownerPage(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  return context.newPage();
}

test('the owner opens the offer from the letter, accepts with a name, and the desk shows it', async ({ central, browser }, testInfo) => {
  test.setTimeout(150_000);
  const portal = await startService(central.db, { plugins: [portalPlugin({ portalUrl: PORTAL_URL })] });
  const admin = new pg.Client({ connectionString: central.db.adminUrl });
  await admin.connect();
  let mona: HarnessCore | null = null;
  const { viewport, locale, timezoneId } = testInfo.project.use;
  const deskContext = await browser.newContext({ viewport, locale, timezoneId });
  try {
    mona = await startCentralHarness(central.db, await createPerson(central.db, 'mona', 'Mona Tveit'), undefined, systemClock);
    // An approved new installation, and the company's portal address as the desks will print it.
    const { rows: [picked] } = await admin.query<{ id: string; case_number: string }>(
      `SELECT id, case_number FROM cases WHERE request_type = 'new_installation' AND claimed_by IS NULL
         AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = cases.id) ORDER BY id LIMIT 1`);
    const caseId = Number(picked.id);
    await admin.query("UPDATE cases SET status = 'approved' WHERE id = $1", [caseId]);
    await admin.query(`INSERT INTO company_settings (key, value) VALUES ('portal_url', $1)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [JSON.stringify(`${portal.url}/portal`)]);
    const { core } = mona;
    const sqlite = core.database.sqlite;
    await expect.poll(() => Boolean(sqlite.prepare("SELECT 1 FROM cases WHERE id = ? AND status = 'approved'").get(caseId)
      && sqlite.prepare("SELECT 1 FROM company_settings WHERE key = 'portal_url'").get()), { timeout: 15_000 }).toBe(true);

    // Mona issues the offer and sends it (the desk's offer screens have their own specs).
    ok(await core.dispatch('case.claim', { caseId }));
    await expect.poll(async () => ok<{ claim: { state: string } }>(await core.dispatch('case.get', { caseId })).claim.state, { timeout: 15_000 }).toBe('mine');
    const draft = ok<CreateOfferDraftResult>(await core.dispatch('case.createOfferDraft', { caseId }));
    const issued = ok<IssueOfferResult>(await core.dispatch('case.issueOffer', { offerId: draft.offerId }));
    ok(await core.dispatch('case.act', { caseId, action: 'sendOffer' }));
    await expect.poll(async () => (await admin.query("SELECT status FROM cases WHERE id = $1", [caseId])).rows[0].status, { timeout: 20_000 })
      .toBe('offer_sent');

    // The letter as the server keeps it, read as the owner reads it.
    const { rows: [blob] } = await admin.query<{ content: Buffer }>('SELECT content FROM attachment_blobs WHERE sha256 = $1', [issued.pdfSha256]);
    const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'owner-letter-')), 'tilbud.pdf');
    writeFileSync(pdf, blob.content);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const link = `${portal.url}/portal/tilbud/${draft.offerId}`;
    expect(text).toContain(`Gå til ${link} og skriv inn koden`);
    const code = /skriv inn koden ([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5})/.exec(text)![1];

    // At a desktop's width, the link with the code in its fragment opens the offer at once.
    const wide = await ownerPage(browser, 1280);
    await wide.goto(`${link}#code=${code}`);
    await expect(wide.getByRole('heading', { level: 1, name: 'Tilbud om tilknytning' })).toBeVisible();
    await expect(wide.getByText('Tilbudet venter på svar fra deg.')).toBeVisible();
    expect(new URL(wide.url()).hash).toBe('');
    await expect(wide.getByText(picked.case_number)).toBeVisible();
    const { rows: [offerRow] } = await admin.query<{ gross: string }>("SELECT totals::jsonb ->> 'grossOre' AS gross FROM offers WHERE id = $1", [draft.offerId]);
    await expect(wide.getByRole('row', { name: /Å betale/ })).toContainText(formatNok(Number(offerRow.gross)));
    await checkScreen(wide, 'owner-offer-open');

    // At a phone's width, the owner types the code from the letter (lower case, a space for the dash).
    const phone = await ownerPage(browser, 375);
    await phone.goto(link);
    await checkScreen(phone, 'owner-offer-code');
    await phone.getByLabel('Kode fra brevet').fill('abcde fghjk');
    await phone.getByRole('button', { name: 'Åpne tilbudet' }).click();
    await expect(phone.getByRole('alert')).toContainText('Koden passer ikke med dette tilbudet');
    await checkScreen(phone, 'owner-offer-wrong-code');
    await phone.getByLabel('Kode fra brevet').fill(code.toLowerCase().replace('-', ' '));
    await phone.getByRole('button', { name: 'Åpne tilbudet' }).click();
    await expect(phone.getByText('Tilbudet venter på svar fra deg.')).toBeVisible();
    await checkScreen(phone, 'owner-offer-open');

    await phone.getByRole('button', { name: 'Godta tilbudet' }).click();
    await expect(phone.getByText('Skriv fullt navn.')).toBeVisible();
    await phone.getByLabel(/Ditt fulle navn/).fill('Kari Nordmann');
    await phone.getByRole('button', { name: 'Godta tilbudet' }).click();
    await expect(phone.getByRole('status')).toContainText('Du godtok tilbudet');
    await expect(phone.getByRole('status')).toContainText('som Kari Nordmann');
    await expect(phone.getByRole('button', { name: 'Godta tilbudet' })).toHaveCount(0);
    await checkScreen(phone, 'owner-offer-accepted');
    expect((await admin.query('SELECT status FROM cases WHERE id = $1', [caseId])).rows[0].status).toBe('offer_accepted');

    // The desk pulls it and shows who accepted, where and when.
    await expect.poll(() => Boolean(sqlite.prepare("SELECT 1 FROM case_events WHERE case_id = ? AND kind = 'owner_answered'").get(caseId)),
      { timeout: 15_000 }).toBe(true);
    const desk = await deskContext.newPage();
    await openDesk(desk, core);
    await openCaseByKeyboard(desk, picked.case_number);
    const billing = desk.getByRole('region', { name: 'Fakturering' });
    await expect(billing.getByTestId('owner-answer')).toContainText(/Godtatt i portalen av Kari Nordmann \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    await expect(billing).toContainText('Godtatt av eieren i portalen');
    await desk.screenshot({ path: path.join(SCREENS, 'desk-owner-accepted-1440.png'), fullPage: true });
    await wide.context().close();
    await phone.context().close();
  } finally {
    await deskContext.close();
    await mona?.dispose();
    await admin.end();
  }
});

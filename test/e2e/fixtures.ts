// Each test gets its own data folder with a freshly seeded demo database, a real core, and a page whose
// window.api calls that core: the app as a case handler sees it, minus only the Electron transport.
//
// Central mode (`central`): a fresh PostgreSQL database seeded with 200 cases, two case handlers with their own
// logins, and for each a core of their own (its own cache) behind a page of its own — two desks on one central
// database, as in an office.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import type { SyncStatusView } from '../../shared/contract';
import type { Clock } from '../../core/clock';
import type { RunningCore } from '../../core/runningCore';
import { exposeCoreApi } from '../../harness/exposeApi';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { startStaticServer, type StaticServer } from '../../harness/staticServer';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '../support/postgres';
import { closeServices, serviceFor } from '../support/serviceInstances';
import { signInToService } from '../../harness/centralUrl';
import { seedCentral } from '../support/syncClients';

let server: StaticServer | null = null;

export interface CentralPerson {
  /** The login role (their user id), named after the test database. */
  login: string;
  displayName: string;
  harness: HarnessCore;
  page: Page;
}

export interface CentralDesks {
  db: TestDatabase;
  anne: CentralPerson;
  bjorn: CentralPerson;
}

interface DeskFixtures {
  harness: HarnessCore;
  desk: Page;
  central: CentralDesks;
}

export const CENTRAL_CASES = 200;

/** The page at the app, its window.api calling `core`. */
export async function openDesk(page: Page, core: RunningCore): Promise<void> {
  server ??= await startStaticServer();
  await exposeCoreApi(page, core);
  await page.goto(server.url);
}

export async function syncStatus(core: RunningCore): Promise<SyncStatusView> {
  const result = await core.dispatch('sync.status', {});
  if (!result.ok) throw new Error(`sync.status failed: ${JSON.stringify(result.error)}`);
  return result.value as SyncStatusView;
}

/** Waits for the first download to finish, so a test starts from a full cache rather than racing it. */
export async function untilConnected(core: RunningCore, timeoutMs = 30_000): Promise<void> {
  await expect
    .poll(async () => {
      const status = await syncStatus(core);
      return status.mode === 'central' ? status.state : status.mode;
    }, { timeout: timeoutMs, intervals: [50, 100, 200] })
    .toBe('connected');
}

/** A login with a readable name ("Anne Hansen" rather than the database-specific login). */
export async function createPerson(db: TestDatabase, name: string, displayName: string, group: 'case_handler' | 'supervisor' | 'reader' = 'case_handler'): Promise<string> {
  const login = await db.createLogin(name, group);
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  try {
    await admin.query('UPDATE app_users SET display_name = $1 WHERE id = $2', [displayName, login]);
  } finally {
    await admin.end();
  }
  return login;
}

/**
 * A core signed in to the central service as `login` (the database's shared instance; through `url` when given,
 * e.g. a proxy), its first download done. `clock`: the harness's fixed day unless given (the server checks an
 * issued offer's date against its own calendar, so a desk issuing offers centrally needs the real one).
 */
export async function startCentralHarness(
  db: TestDatabase, login: string, url?: (serviceUrl: string) => string, clock?: Clock,
): Promise<HarnessCore> {
  const running = await serviceFor(db);
  const central = await signInToService(running.url, login, TEST_PASSWORD);
  if (url) central.settings.url = url(running.url);
  const harness = startHarnessCore({ central, cases: 0, clock });
  try {
    await untilConnected(harness.core);
  } catch (error) {
    await harness.dispose();
    throw error;
  }
  return harness;
}

export const test = base.extend<DeskFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; none here.
  harness: async ({}, use) => {
    const harness = startHarnessCore({ cases: 400 });
    await use(harness);
    await harness.dispose();
  },
  desk: async ({ page, harness }, use) => {
    await openDesk(page, harness.core);
    await use(page);
  },
  central: async ({ page, browser }, use, testInfo) => {
    const db = await createTestDatabase('e2e_central');
    const started: HarnessCore[] = [];
    const pages: Page[] = [page];
    const contexts: BrowserContext[] = [];
    try {
      await seedCentral(db, CENTRAL_CASES);
      const anneLogin = await createPerson(db, 'anne', 'Anne Hansen');
      const bjornLogin = await createPerson(db, 'bjorn', 'Bjørn Lie');
      const [anneCore, bjornCore] = await Promise.all([startCentralHarness(db, anneLogin), startCentralHarness(db, bjornLogin)]);
      started.push(anneCore, bjornCore);
      // A window of its own (a context of its own): a page in a background tab gets no animation frames, and
      // both desks must draw while the other works.
      const { viewport, locale, timezoneId } = testInfo.project.use;
      const bjornContext = await browser.newContext({ viewport, locale, timezoneId });
      contexts.push(bjornContext);
      const bjornPage = await bjornContext.newPage();
      pages.push(bjornPage);
      await openDesk(page, anneCore.core);
      await openDesk(bjornPage, bjornCore.core);
      await use({
        db,
        anne: { login: anneLogin, displayName: 'Anne Hansen', harness: anneCore, page },
        bjorn: { login: bjornLogin, displayName: 'Bjørn Lie', harness: bjornCore, page: bjornPage },
      });
    } finally {
      // The pages stop calling before their cores close, so nothing calls a closed database.
      await Promise.all(pages.map((open) => open.goto('about:blank').catch(() => undefined)));
      await Promise.all(contexts.map((context) => context.close()));
      await Promise.all(started.map((harness) => harness.dispose()));
      await closeServices(db);
      await db.drop();
    }
  },
});

test.afterAll(async () => {
  await server?.close();
  server = null;
});

/** An axe scan against WCAG 2.x A and AA; returns the violations so a failure names them (and where). */
export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: number; help: string; where: string[] }>> {
  // Colours as they end up, not halfway through a fade (a notification appearing measured 1.16:1 mid-transition,
  // one closing 3.04:1 when its fade began while axe read the page); endless animations (a spinner) are left
  // running. A reading during which something began to move is taken again.
  let results = await stillPageAxe(page);
  for (let again = 0; again < 3 && results.moved; again++) results = await stillPageAxe(page);
  return results.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.length,
    help: v.help,
    where: v.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`.slice(0, 300)),
  }));
}

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** axe's reading of the page once nothing moves, and whether a transition or animation began while it read. */
async function stillPageAxe(page: Page): Promise<{ violations: AxeViolation[]; moved: boolean }> {
  await page.waitForFunction(() => document.getAnimations().every((animation) =>
    animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  await page.evaluate(() => {
    const w = window as unknown as { axeMotion?: { count: number; stop: () => void } };
    const motion = { count: 0, stop: () => {} };
    const began = () => void motion.count++;
    for (const type of ['transitionstart', 'animationstart']) document.addEventListener(type, began, true);
    motion.stop = () => {
      for (const type of ['transitionstart', 'animationstart']) document.removeEventListener(type, began, true);
    };
    w.axeMotion = motion;
  });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const moved = await page.evaluate(() => {
    const w = window as unknown as { axeMotion?: { count: number; stop: () => void } };
    w.axeMotion?.stop();
    return (w.axeMotion?.count ?? 0) > 0;
  });
  return { violations, moved };
}

/** Every status shown (none ticked), then the case found by its number and opened with Enter, as a handler would. */
export async function openCaseByKeyboard(desk: Page, caseNumber: string): Promise<void> {
  await desk.getByRole('checkbox', { name: /^Ny\b/ }).uncheck();
  await desk.getByRole('checkbox', { name: /^Under behandling/ }).uncheck();
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(caseNumber);
  await expect(desk.getByRole('grid', { name: 'Arbeidskø' })).toContainText(caseNumber);
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('Enter');
  await expect(desk.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
}

export { expect };

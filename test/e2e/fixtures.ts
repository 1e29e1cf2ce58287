// Each test gets its own data folder with a freshly seeded demo database, a real core, and a page whose
// window.api calls that core: the app as a case handler sees it, minus only the Electron transport.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { exposeCoreApi } from '../harness/exposeApi';
import { startHarnessCore, type HarnessCore } from '../harness/harnessCore';
import { startStaticServer, type StaticServer } from '../harness/staticServer';

let server: StaticServer | null = null;

interface DeskFixtures {
  harness: HarnessCore;
  desk: Page;
}

export const test = base.extend<DeskFixtures>({
  harness: async ({}, use) => {
    const harness = startHarnessCore({ cases: 400 });
    await use(harness);
    await harness.dispose();
  },
  desk: async ({ page, harness }, use) => {
    server ??= await startStaticServer();
    await exposeCoreApi(page, harness.core);
    await page.goto(server.url);
    await use(page);
  },
});

test.afterAll(async () => {
  await server?.close();
  server = null;
});

/** An axe scan against WCAG 2.x A and AA; returns the violations so a failure names them. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: number; help: string }>> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.length, help: v.help }));
}

export { expect };

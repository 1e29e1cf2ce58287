// The Playwright transport: the page's `window.api` has the contract's functions, each calling the real
// core in this Node process through exposeBinding, and `window.deskChanges` hears the core's change stream.
// Only the transport differs from Electron's preload.
// Inputs and results cross as JSON text: Playwright serialises a string far faster than an object graph
// (a page of 100 rows: ~2 ms instead of ~20 ms), so the harness does not distort what the UI costs.
import type { Page } from 'playwright-core';
import { API_NAMES } from '../shared/contract/names';
import type { RunningCore } from '../core/runningCore';

export async function exposeCoreApi(page: Page, core: RunningCore): Promise<void> {
  await page.exposeBinding('__deskDispatch', async (_source, name: string, inputJson: string) => {
    let input: unknown;
    try {
      input = inputJson === undefined ? undefined : JSON.parse(inputJson);
    } catch {
      input = undefined;
    }
    return JSON.stringify(await core.dispatch(name, input));
  });
  // A script as text: a function here would be transformed by the TypeScript loader before Playwright
  // serialises it, and could reference helpers that do not exist in the page.
  await page.addInitScript(`(() => {
    const dispatch = window.__deskDispatch;
    const names = ${JSON.stringify(API_NAMES)};
    const api = Object.freeze(Object.fromEntries(names.map((name) => [name, async (input) =>
      JSON.parse(await dispatch(name, input === undefined ? undefined : JSON.stringify(input)))])));
    Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
    const listeners = new Set();
    Object.defineProperty(window, '__deskChange', { value: (json) => {
      const batch = JSON.parse(json);
      for (const listener of listeners) listener(batch);
    } });
    const deskChanges = Object.freeze({ subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    } });
    Object.defineProperty(window, 'deskChanges', { value: deskChanges, writable: false, configurable: false });
  })();`);
  const stop = core.onChange((batch) => {
    // A page between loads (or closed) misses the batch; the one it loads reads everything afresh anyway.
    page.evaluate(`window.__deskChange && window.__deskChange(${JSON.stringify(JSON.stringify(batch))})`).catch(() => undefined);
  });
  page.once('close', stop);
}

// The Playwright transport: the page's `window.api` has the contract's functions, each calling the real
// core in this Node process through exposeBinding. Only the transport differs from Electron's preload.
import type { Page } from 'playwright-core';
import { API_NAMES } from '../../electron/shared/contract/names';
import type { Core } from '../../electron/core/createCore';

export async function exposeCoreApi(page: Page, core: Core): Promise<void> {
  await page.exposeBinding('__deskDispatch', (_source, name: string, input: unknown) => core.dispatch(name, input));
  await page.addInitScript((names: readonly string[]) => {
    const dispatch = (window as unknown as { __deskDispatch: (n: string, i: unknown) => Promise<unknown> })
      .__deskDispatch;
    const api = Object.freeze(Object.fromEntries(names.map((name) => [name, (input: unknown) => dispatch(name, input)])));
    Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
  }, API_NAMES);
}

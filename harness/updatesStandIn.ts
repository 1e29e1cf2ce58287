// The harness's `window.deskUpdates`: what the preload bridges from electron-updater in the app, here a stand-in
// the test drives — it says which view main would report, and counts what the page asked for (a restart, a
// channel). The renderer cannot tell the two apart; only where the events come from differs.
import type { Page } from 'playwright-core';
import type { UpdateChannel, UpdateView } from '../shared/contract/updates';

export interface UpdatesStandIn {
  /** What main would send after an electron-updater event. */
  report(view: UpdateView): Promise<void>;
  /** How often the page asked to restart into the downloaded version. */
  restartsAsked(): Promise<number>;
  /** The channels the page asked for, in order. */
  channelsAsked(): Promise<UpdateChannel[]>;
}

interface StandInWindow {
  __updatesStandIn: { report(view: UpdateView): void; restarts: number; channels: UpdateChannel[] };
}

/** Before the page loads (as the preload runs before the renderer). */
export async function exposeUpdatesStandIn(page: Page, initial: UpdateView): Promise<UpdatesStandIn> {
  await page.addInitScript(`(() => {
    let view = ${JSON.stringify(initial)};
    const listeners = new Set();
    const report = (next) => { view = next; for (const listener of listeners) listener(view); };
    const standIn = { report, restarts: 0, channels: [] };
    window.__updatesStandIn = standIn;
    window.deskUpdates = Object.freeze({
      view: async () => view,
      setChannel: async (channel) => { standIn.channels.push(channel); report({ ...view, channel }); return view; },
      restartToUpdate: async () => { standIn.restarts += 1; },
      onChange: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    });
  })();`);
  return {
    report: (view) => page.evaluate((next) => (window as unknown as StandInWindow).__updatesStandIn.report(next), view),
    restartsAsked: () => page.evaluate(() => (window as unknown as StandInWindow).__updatesStandIn.restarts),
    channelsAsked: () => page.evaluate(() => [...(window as unknown as StandInWindow).__updatesStandIn.channels]),
  };
}

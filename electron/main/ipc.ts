// One IPC handler per contract call. The sender must be our own renderer's main frame; the core validates
// the input against the contract before any service sees it.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_NAMES } from '../shared/contract/names';
import type { RunningCore } from '../core/runningCore';
import { isTrustedSenderFrame } from './rendererOrigin';
import { OWN_RENDERER } from './security';

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSenderFrame(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null, OWN_RENDERER);
}

/** `currentCore`: null only once the app is quitting; a restarting core holds calls itself. */
export function registerIpc(currentCore: () => RunningCore | null): void {
  for (const name of API_NAMES) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'permission.denied' } };
      const core = currentCore();
      if (!core) return { ok: false, error: { code: 'internal', params: { reason: 'coreStopped' } } };
      return core.dispatch(name, input);
    });
  }
}

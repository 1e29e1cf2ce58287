// One IPC handler per contract call. The sender must be our own renderer's main frame; the core validates
// the input against the contract before any service sees it.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ChangeBatch } from '../../shared/contract/changes';
import { API_NAMES, CHANGES_CHANNEL } from '../../shared/contract/names';
import type { RunningCore } from '../../core/runningCore';
import { isTrustedSenderFrame } from './rendererOrigin';
import { isOwnRendererUrl, OWN_RENDERER } from './security';

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

/**
 * Relays the core's change stream to every window showing our renderer (not the letter renderer's hidden window,
 * nor a page that navigated elsewhere). Returns the unsubscribe, for when the core is reopened.
 */
export function forwardChanges(core: { onChange(listener: (batch: ChangeBatch) => void): () => void }): () => void {
  return core.onChange((batch) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isOwnRendererUrl(contents.getURL())) contents.send(CHANGES_CHANNEL, batch);
    }
  });
}

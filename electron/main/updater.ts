// The desk's updates: electron-updater against the company's generic feed (its URL is in app-update.yml, which
// electron-builder writes from the build's publish setting), on the person's channel, downloaded in the
// background and installed on restart or the next quit. The renderer sees the state through the preload's
// `window.deskUpdates` (shared/contract/updates.ts). Failures are logged, never shown as alarms.
//
// Nothing runs in development or in an unpacked build, nor where the build had no feed: the view says
// `inactive`. electron-updater needs the electron module the moment `autoUpdater` is read, so it is loaded lazily.
import { app, BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppUpdater } from 'electron-updater';
import { isUpdateChannel, UPDATE_IPC, type UpdateChannel, type UpdateView } from '../../shared/contract/updates';
import { fileChannelStore } from './updates/channelStore';
import { applyChannel, initialUpdateView, nextUpdateView, type UpdaterEvent } from './updates/updateState';
import { isTrustedSenderFrame } from './rendererOrigin';
import { OWN_RENDERER } from './security';

/** A check now and then for a desk left open for days. */
const RECHECK_MS = 6 * 60 * 60 * 1000;

export interface Updater {
  /** Answers the renderer's bridge and, in a packaged app with a feed, checks now and every few hours. */
  checkInBackground(): void;
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSenderFrame(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null, OWN_RENDERER);
}

export function createUpdater(log: (message: string) => void): Updater {
  const channels = fileChannelStore(app.getPath('userData'));
  const active = app.isPackaged && existsSync(path.join(process.resourcesPath, 'app-update.yml'));
  let view: UpdateView = initialUpdateView(active, channels.load());
  let updater: AppUpdater | null = null;

  const publish = (next: UpdateView) => {
    view = next;
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(UPDATE_IPC.changed, view);
  };
  const on = (event: UpdaterEvent) => publish(nextUpdateView(view, event));
  const check = () => {
    updater?.checkForUpdates().catch((error: unknown) => log(`[updates] check failed: ${String(error)}`));
  };

  async function start(): Promise<void> {
    const { autoUpdater } = await import('electron-updater');
    autoUpdater.logger = { info: () => undefined, warn: log, error: log, debug: () => undefined };
    autoUpdater.autoDownload = true;
    autoUpdater.autoInstallOnAppQuit = true;
    applyChannel(autoUpdater, view.channel);
    autoUpdater.on('checking-for-update', () => on({ type: 'checking-for-update' }));
    autoUpdater.on('update-available', (info) => on({ type: 'update-available', version: info.version }));
    autoUpdater.on('update-not-available', () => on({ type: 'update-not-available' }));
    autoUpdater.on('download-progress', () => on({ type: 'download-progress' }));
    autoUpdater.on('update-downloaded', (info) => on({ type: 'update-downloaded', version: info.version }));
    autoUpdater.on('update-cancelled', () => on({ type: 'update-cancelled' }));
    autoUpdater.on('error', (error: Error) => {
      log(`[updates] ${error.message}`);
      on({ type: 'error' });
    });
    updater = autoUpdater;
    check();
    setInterval(check, RECHECK_MS).unref();
  }

  return {
    checkInBackground() {
      ipcMain.handle(UPDATE_IPC.view, (event) => (isTrustedSender(event) ? view : null));
      ipcMain.handle(UPDATE_IPC.setChannel, (event, channel: unknown) => {
        if (!isTrustedSender(event) || !isUpdateChannel(channel)) return view;
        return changeChannel(channel);
      });
      ipcMain.handle(UPDATE_IPC.restart, (event) => {
        // Silently (the person already chose to restart), and the desk starts again afterwards.
        if (isTrustedSender(event) && view.phase === 'downloaded') updater?.quitAndInstall(true, true);
      });
      if (active) start().catch((error: unknown) => log(`[updates] could not start: ${String(error)}`));
    },
  };

  function changeChannel(channel: UpdateChannel): UpdateView {
    channels.save(channel);
    publish({ ...view, channel });
    if (updater) {
      applyChannel(updater, channel);
      check();
    }
    return view;
  }
}

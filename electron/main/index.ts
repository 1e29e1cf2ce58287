// The Electron shell: window, menu, IPC wiring, updates. Everything else is in core.
import { app, shell } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SettingsHost } from '../core/settings/settingsHost';
import { openConfiguredDesk, type Desk } from '../core/openConfiguredCore';
import { forwardChanges, registerIpc } from './ipc';
import { installMenu } from './menu';
import { hardenSession } from './security';
import { createUpdater } from './updater';
import { createMainWindow } from './window';
import { electronSettingsHost } from './settingsStore';
import { ElectronPdfRenderer } from './electronPdfRenderer';
import { printPdfFile, saveFileCopy } from './attachmentOutput';
import { openVettedExternal } from './externalUrl';
import { BrowserWindow } from 'electron';

let core: Desk | null = null;
let stopForwarding: () => void = () => undefined;

/** The core to answer calls from now on, with its change stream relayed to the windows. */
function useCore(next: Desk | null): void {
  stopForwarding();
  core = next;
  stopForwarding = next ? forwardChanges(next) : () => undefined;
}
/** Offer letters to PDF through Electron's own printToPDF; outlives a core restart. */
const pdfRenderer = new ElectronPdfRenderer();

/** The better-sqlite3 build for Electron's ABI, made by scripts/electron-native.mjs at install time. */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(
    app.getAppPath(),
    'node_modules/.electron-native/better-sqlite3/build/Release/better_sqlite3.node',
  );
  return existsSync(candidate) ? candidate : undefined;
}

app.enableSandbox();

function openCore(): Desk {
  return openConfiguredDesk({
    dataDirectory: app.getPath('userData'),
    migrationsFolder: path.join(app.getAppPath(), 'db/local/migrations'),
    nativeBinding: electronNativeBinding(),
    sampleFilesDirectory: path.join(app.getAppPath(), 'resources/demo-attachments'),
    host: {
      async openFile(absolutePath) {
        const problem = await shell.openPath(absolutePath);
        if (problem) throw new Error(problem);
      },
      printFile: printPdfFile,
      saveFileCopy,
      settings,
      // The sign-in through the identity provider, in the system browser: https (or http to loopback) only. This is
      // the app's one use of shell.openExternal, and every URL passes vettedExternalUrl first (externalUrl.ts, with
      // its unit test). Electronegativity flags it (OPEN_EXTERNAL_JS_CHECK); README's security section answers it.
      openExternal: (url) => openVettedExternal(url, (vetted) => shell.openExternal(vetted)),
    },
    pdfRenderer,
    log: (message) => console.log(message),
  });
}

/** New central settings, a sign-in or a sign-out: close the core (its engine finishes what it is doing), open the new one, reload. */
async function reopenCore(): Promise<void> {
  const previous = core;
  useCore(null);
  await previous?.close();
  useCore(openCore());
  for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
}

/** One restart at a time (a refused token and a sign-in can ask at once); each sees the settings saved before it. */
let restarting: Promise<void> = Promise.resolve();
function restartCore(): Promise<void> {
  restarting = restarting.then(reopenCore, reopenCore).catch((error: unknown) => console.error('[main] reopening the core failed', error));
  return restarting;
}

// Made once the app is ready: on Linux, safeStorage knows only then whether a keychain is available.
let settings: SettingsHost;

void app.whenReady().then(() => {
  settings = electronSettingsHost(() => void restartCore());
  hardenSession();
  installMenu();
  useCore(openCore());
  registerIpc(() => core);
  // The letter renderer's hidden window would otherwise keep the app from quitting when the last one closes.
  createMainWindow().on('closed', () => void pdfRenderer.close());
  createUpdater((message) => console.warn(message)).checkInBackground();
});

app.on('window-all-closed', () => {
  const closing = core;
  useCore(null);
  void (closing?.close() ?? Promise.resolve()).finally(() => app.quit());
});

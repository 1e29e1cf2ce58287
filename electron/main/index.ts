// The Electron shell: window, menu, IPC wiring, updates. Everything else is in core.
import { app, shell } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SettingsHost } from '../../core/settings/settingsHost';
import { CoreWorkerClient } from '../../core/worker/coreWorkerClient';
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

/** The core, in a worker thread of its own: main never opens SQLite or talks to the central service itself. */
let core: CoreWorkerClient | null = null;
/** Offer letters to PDF through Electron's own printToPDF, asked for by the core's worker; outlives a restart. */
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

function startCore(): CoreWorkerClient {
  return new CoreWorkerClient({
    entry: path.join(__dirname, 'coreWorker.js'),
    open: () => ({
      dataDirectory: app.getPath('userData'),
      migrationsFolder: path.join(app.getAppPath(), 'db/local/migrations'),
      nativeBinding: electronNativeBinding(),
      sampleFilesDirectory: path.join(app.getAppPath(), 'resources/demo-attachments'),
      clock: { kind: 'system' },
    }),
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
      pdfRenderer,
    },
    log: (message) => console.log(message),
  });
}

/**
 * New central settings, a sign-in or a sign-out: the worker's core finishes the calls it has taken and closes (its
 * engine finishes what it is doing), calls meanwhile wait for the new core, then the windows reload. One restart
 * at a time: each sees the settings saved before it.
 */
async function restartCore(): Promise<void> {
  try {
    await core?.restart();
  } catch (error) {
    console.error('[main] reopening the core failed', error);
  }
  for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
}

// Made once the app is ready: on Linux, safeStorage knows only then whether a keychain is available.
let settings: SettingsHost;

void app.whenReady().then(() => {
  settings = electronSettingsHost(() => void restartCore());
  hardenSession();
  installMenu();
  core = startCore();
  // The worker client stays one object across restarts, so its change stream is relayed once.
  forwardChanges(core);
  registerIpc(() => core);
  // The letter renderer's hidden window would otherwise keep the app from quitting when the last one closes.
  createMainWindow().on('closed', () => void pdfRenderer.close());
  createUpdater((message) => console.warn(message)).checkInBackground();
});

app.on('window-all-closed', () => {
  const closing = core;
  core = null;
  void (closing?.close() ?? Promise.resolve()).finally(() => app.quit());
});

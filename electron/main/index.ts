// The Electron shell: window, menu, IPC wiring, updates. Everything else is in core.
import { app, shell } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/createCore';
import { openStandaloneCore } from '../core/standalone';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { hardenSession } from './security';
import { createUpdater } from './updater';
import { createMainWindow } from './window';

let core: Core | null = null;

/** The better-sqlite3 build for Electron's ABI, made by scripts/electron-native.mjs at install time. */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(
    app.getAppPath(),
    'node_modules/.electron-native/better-sqlite3/build/Release/better_sqlite3.node',
  );
  return existsSync(candidate) ? candidate : undefined;
}

app.enableSandbox();

void app.whenReady().then(() => {
  hardenSession();
  installMenu();
  core = openStandaloneCore({
    dataDirectory: app.getPath('userData'),
    migrationsFolder: path.join(app.getAppPath(), 'db/local/migrations'),
    nativeBinding: electronNativeBinding(),
    sampleFilesDirectory: path.join(app.getAppPath(), 'resources/demo-attachments'),
    host: {
      async openFile(absolutePath) {
        const problem = await shell.openPath(absolutePath);
        if (problem) throw new Error(problem);
      },
    },
    log: (message) => console.log(message),
  });
  registerIpc(core);
  createMainWindow();
  createUpdater((message) => console.warn(message)).checkInBackground();
});

app.on('window-all-closed', () => {
  core?.close();
  core = null;
  app.quit();
});

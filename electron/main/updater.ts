// electron-updater needs the electron module the moment `autoUpdater` is read, so it is loaded lazily and
// only in a packaged app. An update is downloaded in the background and installed on the next quit.
import { app } from 'electron';

export interface Updater {
  checkInBackground(): void;
}

export function createUpdater(log: (message: string) => void): Updater {
  return {
    checkInBackground() {
      if (!app.isPackaged) return;
      import('electron-updater')
        .then(({ autoUpdater }) => {
          autoUpdater.autoInstallOnAppQuit = true;
          return autoUpdater.checkForUpdatesAndNotify();
        })
        .catch((error: unknown) => log(`Update check failed: ${String(error)}`));
    },
  };
}

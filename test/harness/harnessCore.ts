// A real core on a fresh data folder: a seeded demo database, the attachment store, and a record of the
// attachments the app asked to open (where Electron would hand them to the desktop).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type Clock } from '../../electron/core/clock';
import type { Core } from '../../electron/core/createCore';
import { openConfiguredCore } from '../../electron/core/openConfiguredCore';
import { memorySettingsHost } from '../../electron/core/settings/settingsHost';
import type { SignedInService } from './centralUrl';

export const MIGRATIONS_FOLDER = path.resolve(__dirname, '../../db/local/migrations');

/** The demo's "today": tests and screenshots do not change with the calendar. */
export const HARNESS_NOW = '2026-11-27T09:30:00Z';

export interface HarnessCore {
  core: Core;
  dataDirectory: string;
  openedFiles: Array<{ absolutePath: string; fileName: string; mimeType: string }>;
  /** What the app asked to print (where Electron would open the print dialog). */
  printedFiles: HarnessCore['openedFiles'];
  /** Copies the app saved (where Electron would ask with a save dialog): written into `savedDirectory`. */
  savedFiles: Array<{ fileName: string; savedTo: string }>;
  savedDirectory: string;
  dispose(): Promise<void>;
}

export interface HarnessOptions {
  cases?: number;
  clock?: Clock;
  dataDirectory?: string;
  onOpenFile?: (file: HarnessCore['openedFiles'][number]) => void;
  /** A central service signed in to (signInToService): the core becomes its cache. */
  central?: SignedInService;
  /** Standalone: who uses the app (a demo user id, e.g. a supervisor); else the demo's case handler. */
  userId?: string;
}

export function startHarnessCore(options: HarnessOptions = {}): HarnessCore {
  const ownsDirectory = options.dataDirectory === undefined;
  const dataDirectory = options.dataDirectory ?? mkdtempSync(path.join(tmpdir(), 'desk-harness-'));
  const openedFiles: HarnessCore['openedFiles'] = [];
  const printedFiles: HarnessCore['printedFiles'] = [];
  const savedFiles: HarnessCore['savedFiles'] = [];
  const savedDirectory = path.join(dataDirectory, 'saved');
  const core = openConfiguredCore({
    dataDirectory,
    migrationsFolder: MIGRATIONS_FOLDER,
    demoCases: options.cases,
    userId: options.userId,
    clock: options.clock ?? fixedClock(HARNESS_NOW),
    host: {
      settings: memorySettingsHost(options.central),
      async openFile(absolutePath, fileName, mimeType) {
        const file = { absolutePath, fileName, mimeType };
        openedFiles.push(file);
        options.onOpenFile?.(file);
      },
      async printFile(absolutePath, fileName, mimeType) {
        printedFiles.push({ absolutePath, fileName, mimeType });
      },
      // As if the user accepted the save dialog's suggestion in a folder of the harness's own.
      async saveFileCopy(absolutePath, fileName) {
        mkdirSync(savedDirectory, { recursive: true });
        const savedTo = path.join(savedDirectory, path.basename(fileName));
        copyFileSync(absolutePath, savedTo);
        savedFiles.push({ fileName, savedTo });
        return savedTo;
      },
    },
  });
  return {
    core,
    dataDirectory,
    openedFiles,
    printedFiles,
    savedFiles,
    savedDirectory,
    async dispose() {
      await core.close();
      if (ownsDirectory) rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

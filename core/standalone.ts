// Standalone mode: no central server configured, so the app runs on a local database of its own,
// seeded with demo data the first time, so that a fresh install opens on a working queue.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AttachmentStore } from './attachments/attachmentStore';
import { osloDate, systemClock, type Clock } from './clock';
import { createCore, type Core, type CoreHost } from './createCore';
import { openLocalDatabase } from './db/openLocalDatabase';
import { seedDatabase } from './demo/seedDatabase';
import type { PdfRenderer } from './offers/pdfRenderer';

export interface StandaloneOptions {
  dataDirectory: string;
  migrationsFolder: string;
  host: CoreHost;
  demoCases?: number;
  clock?: Clock;
  nativeBinding?: string;
  /** Where the demo's sample attachment files are (resources/demo-attachments). */
  sampleFilesDirectory?: string;
  log?: (message: string) => void;
  /** Who uses the app; defaults to the user the database names as current (the demo's case handler). */
  userId?: string;
  /** Renders offer letters: the host gives it (Electron main its printToPDF, the harness and tests Chromium). */
  pdfRenderer?: PdfRenderer;
}

export const DEMO_CASES = 2_000;
export const DEMO_SEED = 20_261_128;

export function openStandaloneCore(options: StandaloneOptions): Core {
  const databaseFile = prepareStandaloneDatabase(options);
  return createCore({
    databaseFile,
    migrationsFolder: options.migrationsFolder,
    attachmentsDirectory: path.join(options.dataDirectory, 'attachments'),
    host: options.host,
    clock: options.clock,
    nativeBinding: options.nativeBinding,
    userId: options.userId,
    pdfRenderer: options.pdfRenderer,
  });
}

/**
 * The standalone database file, migrated and seeded with the demo the first time. The harness calls it before it
 * starts the core's worker, so that a test can read and write the same file from its own thread at once.
 */
export function prepareStandaloneDatabase(options: Omit<StandaloneOptions, 'host'>): string {
  mkdirSync(options.dataDirectory, { recursive: true });
  const databaseFile = path.join(options.dataDirectory, 'desk.sqlite');
  const attachmentsDirectory = path.join(options.dataDirectory, 'attachments');
  const clock = options.clock ?? systemClock;
  const fresh = !existsSync(databaseFile);
  const database = openLocalDatabase({
    file: databaseFile,
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding,
  });
  try {
    const hasCases = database.sqlite.prepare('SELECT 1 FROM cases LIMIT 1').get() !== undefined;
    if (fresh || !hasCases) {
      const cases = options.demoCases ?? DEMO_CASES;
      options.log?.(`Seeding a demo database with ${cases} cases in ${databaseFile} …`);
      seedDatabase(database.sqlite, {
        cases,
        seed: DEMO_SEED,
        today: osloDate(clock.now()),
        attachmentStore: new AttachmentStore(attachmentsDirectory),
        sampleFilesDirectory: options.sampleFilesDirectory,
      });
    }
  } finally {
    database.close();
  }
  return databaseFile;
}

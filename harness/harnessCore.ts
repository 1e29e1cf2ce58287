// A real core on a fresh data folder, run as the app runs it: in a worker thread behind the same CoreWorkerClient
// Electron main uses, with this process standing in for main (it records the attachments the app asked to open,
// print and save, and renders letters with Chromium). The test keeps a connection of its own to the same
// database file, to seed and check rows; writes made there are announced to the core with casesChanged.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, systemClock, type Clock } from '../core/clock';
import type { CoreContext } from '../core/context';
import { openLocalDatabase, readMeta, type LocalDatabase } from '../core/db/openLocalDatabase';
import { cacheFileFor } from '../core/openConfiguredCore';
import type { PdfRenderer } from '../core/offers/pdfRenderer';
import type { RunningCore } from '../core/runningCore';
import { prepareStandaloneDatabase } from '../core/standalone';
import { CoreWorkerClient } from '../core/worker/coreWorkerClient';
import type { ClockSpec } from '../core/worker/protocol';
import { userLookup } from '../core/createCore';
import type { SignedInService } from './centralUrl';
import { recordingHost, type HarnessFile, type RecordingHost } from './recordingHost';

export const MIGRATIONS_FOLDER = path.resolve(__dirname, '../db/local/migrations');
/** The core's worker from the source, compiled on the fly by tsx (a few seconds more to start). */
export const SOURCE_CORE_WORKER = path.resolve(__dirname, 'coreWorker.cjs');
const BUILT_CORE_WORKER = path.resolve(__dirname, '../out/main/coreWorker.js');

/**
 * The worker the app ships (out/main/coreWorker.js, made by `electron-vite build`, which the e2e tests, the bench
 * and dev:browser need anyway), or the source's when there is no build or DESK_CORE_WORKER=source asks for it.
 */
export function coreWorkerEntry(): string {
  return process.env.DESK_CORE_WORKER !== 'source' && existsSync(BUILT_CORE_WORKER) ? BUILT_CORE_WORKER : SOURCE_CORE_WORKER;
}

/** The demo's "today": tests and screenshots do not change with the calendar. */
export const HARNESS_NOW = '2026-11-27T09:30:00Z';

/** The core in its worker, and the test's own view of its database. */
export interface HarnessDesk extends RunningCore {
  /** The test's own connection to the core's database file. */
  database: LocalDatabase;
  /** A context on that connection; its casesChanged tells the core's read models. */
  context: CoreContext;
  client: CoreWorkerClient;
}

export interface HarnessCore extends Omit<RecordingHost, 'host'> {
  core: HarnessDesk;
  dataDirectory: string;
  dispose(): Promise<void>;
}

export interface HarnessOptions {
  cases?: number;
  /** The system clock, or a fixed moment (any other clock is read once, at the start). */
  clock?: Clock;
  dataDirectory?: string;
  onOpenFile?: (file: HarnessFile) => void;
  /** A central service signed in to (signInToService): the core becomes its cache. */
  central?: SignedInService;
  /** Standalone: who uses the app (a demo user id, e.g. a supervisor); else the demo's case handler. */
  userId?: string;
  /** Renders letters; Debian's Chromium unless given. */
  pdfRenderer?: PdfRenderer;
  /** The worker's script; coreWorkerEntry() unless given. */
  workerEntry?: string;
}

function clockSpecOf(clock: Clock): ClockSpec {
  return clock === systemClock ? { kind: 'system' } : { kind: 'fixed', iso: clock.now().toISOString() };
}

function testContext(database: LocalDatabase, options: HarnessOptions, clock: Clock, client: CoreWorkerClient): CoreContext {
  const mode = options.central ? 'central' : 'standalone';
  const userId = options.central?.settings.username ?? options.userId ?? readMeta(database.sqlite, 'current_user_id') ?? '';
  return {
    sqlite: database.sqlite,
    clientId: database.clientId,
    mode,
    clock,
    currentUser: userLookup(database, userId, mode),
    casesChanged: (caseIds) => client.casesChanged(caseIds),
    // A test's own write reaches the screens through the worker's core, which publishes for the cases it names.
    publishChange: (change) => {
      if (change.caseIds !== undefined) client.casesChanged(change.caseIds);
    },
  };
}

export function startHarnessCore(options: HarnessOptions = {}): HarnessCore {
  const ownsDirectory = options.dataDirectory === undefined;
  const dataDirectory = options.dataDirectory ?? mkdtempSync(path.join(tmpdir(), 'desk-harness-'));
  const clock = options.clock ?? fixedClock(HARNESS_NOW);
  const { host, ...recorded } = recordingHost(dataDirectory, options);
  // The database exists before the worker starts, so this thread can open it at once (and seeds it here, once).
  const databaseFile = options.central
    ? cacheFileFor(dataDirectory, options.central.settings)
    : prepareStandaloneDatabase({ dataDirectory, migrationsFolder: MIGRATIONS_FOLDER, demoCases: options.cases, clock });
  const database = openLocalDatabase({ file: databaseFile, migrationsFolder: MIGRATIONS_FOLDER, enforceForeignKeys: !options.central });
  const client = new CoreWorkerClient({
    entry: options.workerEntry ?? coreWorkerEntry(),
    open: () => ({
      dataDirectory,
      migrationsFolder: MIGRATIONS_FOLDER,
      demoCases: options.cases,
      userId: options.userId,
      clock: clockSpecOf(clock),
    }),
    host,
  });
  const core: HarnessDesk = {
    dispatch: (name, input) => client.dispatch(name, input),
    onChange: (listener) => client.onChange(listener),
    close: () => client.close(),
    database,
    context: testContext(database, options, clock, client),
    client,
  };
  return {
    ...recorded,
    core,
    dataDirectory,
    async dispose() {
      await client.close();
      database.close();
      await host.pdfRenderer.close();
      if (ownsDirectory) rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

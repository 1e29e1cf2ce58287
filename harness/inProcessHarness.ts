// A real core in this very thread, for integration tests that reach into its engine (whenIdle, nudge) or its
// handlers. The e2e tests, the bench and the developer's browser use startHarnessCore, which runs the core in a
// worker as the app does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../core/clock';
import type { Core } from '../core/createCore';
import { openConfiguredCore } from '../core/openConfiguredCore';
import { HARNESS_NOW, MIGRATIONS_FOLDER, type HarnessOptions } from './harnessCore';

export { HARNESS_NOW };
import { recordingHost, type RecordingHost } from './recordingHost';

export interface InProcessHarness extends Omit<RecordingHost, 'host'> {
  core: Core;
  dataDirectory: string;
  dispose(): Promise<void>;
}

export function startInProcessHarness(options: HarnessOptions = {}): InProcessHarness {
  const ownsDirectory = options.dataDirectory === undefined;
  const dataDirectory = options.dataDirectory ?? mkdtempSync(path.join(tmpdir(), 'desk-harness-'));
  const { host, ...recorded } = recordingHost(dataDirectory, options);
  const core = openConfiguredCore({
    dataDirectory,
    migrationsFolder: MIGRATIONS_FOLDER,
    demoCases: options.cases,
    userId: options.userId,
    clock: options.clock ?? fixedClock(HARNESS_NOW),
    host,
    pdfRenderer: host.pdfRenderer,
  });
  return {
    ...recorded,
    core,
    dataDirectory,
    async dispose() {
      await core.close();
      await host.pdfRenderer.close();
      if (ownsDirectory) rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

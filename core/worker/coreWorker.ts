// The core's thread: opens the configured core (SQLite, the sync engine's HTTP and socket) off the shell's main
// thread, answers the calls the shell relays, and sends the core's change batches back. Built as its own chunk
// (out/main/coreWorker.js) for Electron; the harness starts the same file through tsx.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { fixedClock, systemClock, type Clock } from '../clock';
import { openConfiguredDesk } from '../openConfiguredCore';
import type { RunningCore } from '../runningCore';
import type { Core } from '../createCore';
import { coreOpenSpec, toWorker, type ClockSpec, type FromWorker } from './protocol';
import { HostCaller, workerHost } from './workerHost';

const clockOf = (spec: ClockSpec): Clock => (spec.kind === 'system' ? systemClock : fixedClock(spec.iso));

function serve(port: MessagePort): void {
  const post = (message: FromWorker) => port.postMessage(message);
  const spec = coreOpenSpec.parse(workerData);
  const shell = new HostCaller(port);
  const { host, pdfRenderer } = workerHost(spec, shell);
  let core: RunningCore;
  try {
    core = openConfiguredDesk({
      dataDirectory: spec.dataDirectory,
      migrationsFolder: spec.migrationsFolder,
      nativeBinding: spec.nativeBinding,
      sampleFilesDirectory: spec.sampleFilesDirectory,
      demoCases: spec.demoCases,
      userId: spec.userId,
      clock: clockOf(spec.clock),
      host,
      pdfRenderer,
      log: (message) => post({ kind: 'log', message }),
    });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
  core.onChange((batch) => post({ kind: 'change', batch }));
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  port.on('message', (raw: unknown) => {
    const parsed = toWorker.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      // A malformed call still gets its answer, so the shell never waits for one.
      if ((raw as { kind?: unknown } | null)?.kind === 'call' && typeof id === 'number') {
        post({ kind: 'answer', id, result: { ok: false, error: { code: 'input.invalid' } } });
      }
      post({ kind: 'log', message: '[core worker] refused a malformed message from the shell' });
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case 'call': {
        if (closing) {
          post({ kind: 'answer', id: message.id, result: { ok: false, error: { code: 'central.offline', params: { reason: 'restarting' } } } });
          return;
        }
        const running = core.dispatch(message.name, message.input).then(
          (result) => post({ kind: 'answer', id: message.id, result }),
          () => post({ kind: 'answer', id: message.id, result: { ok: false, error: { code: 'internal' } } }),
        );
        inFlight.add(running);
        void running.finally(() => inFlight.delete(running));
        return;
      }
      case 'hostAnswer':
        shell.answer(message.id, message.ok ? { ok: true, value: message.value } : { ok: false, message: message.message });
        return;
      case 'casesChanged':
        (core as Partial<Core>).context?.casesChanged(message.caseIds);
        return;
      case 'close':
        if (closing) return;
        closing = true;
        // The calls already taken are answered by this core before it closes; the shell holds newer ones for the next.
        void Promise.allSettled([...inFlight])
          .then(() => core.close())
          .catch((error: unknown) => post({ kind: 'log', message: `[core worker] closing the core failed: ${String(error)}` }))
          // The shell ends the thread on this answer.
          .finally(() => post({ kind: 'closed' }));
        return;
    }
  });
  post({ kind: 'ready' });
}

if (!parentPort) throw new Error('coreWorker runs as a worker thread');
serve(parentPort);

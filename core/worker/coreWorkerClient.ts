// The shell's handle on a core running in a worker thread: a RunningCore like the in-process one. Calls are relayed
// over the worker's port and answered by id; host calls from the worker are answered with the shell's own means.
//
// Nothing waits forever: a worker that crashes (or cannot open the core) answers its calls in flight with
// CORE_STOPPED and is started again, up to MAX_CRASHES in CRASH_WINDOW_MS, after which every call is answered
// with that error. A restart (new settings, sign-in, sign-out) lets the old core finish the calls it has taken
// and holds newer ones for the new core, so no call is lost or refused for being in the way.
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../../shared/contract';
import type { ChangeBatch } from '../../shared/contract/changes';
import type { RunningCore } from '../runningCore';
import { CORE_STOPPED, fromWorker, type CoreOpenSpec, type FromWorker, type ToWorker } from './protocol';
import { answerHostCall, settingsSnapshotOf, type ShellHost } from './shellHost';

const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 60_000;
const CLOSE_TIMEOUT_MS = 15_000;

type Answer = (result: ApiResult<unknown>) => void;

export interface CoreWorkerOptions {
  /** The worker's script: out/main/coreWorker.js in the app, a tsx bootstrap in the harness. */
  entry: string;
  execArgv?: string[];
  /** How to open the core, read again at every (re)start; settings and the host's means are added from `host`. */
  open: () => Omit<CoreOpenSpec, 'settings' | 'canOpenExternal' | 'canPrint' | 'canSaveCopy'>;
  host: ShellHost;
  log?: (message: string) => void;
}

/** One worker thread and the calls it has taken. */
class Link {
  readonly pending = new Map<number, Answer>();
  closing = false;
  private readonly ended: Promise<void>;

  constructor(
    readonly worker: Worker,
    onMessage: (link: Link, message: FromWorker) => void,
    onRefused: (link: Link, raw: unknown) => void,
    onEnd: (link: Link, reason: string) => void,
  ) {
    worker.on('message', (raw: unknown) => {
      const parsed = fromWorker.safeParse(raw);
      if (parsed.success) onMessage(this, parsed.data);
      else onRefused(this, raw);
    });
    this.ended = new Promise((resolve) => {
      worker.on('error', (error) => onEnd(this, `crashed: ${error.message}`));
      worker.on('exit', (code) => {
        onEnd(this, `exited with code ${code}`);
        resolve();
      });
    });
  }

  post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Every call this worker took and will not answer now gets CORE_STOPPED. */
  abandonCalls(): void {
    for (const answer of this.pending.values()) answer(CORE_STOPPED);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.closing = true;
    this.post({ kind: 'close' });
    const timeout = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
    await this.ended;
    clearTimeout(timeout);
  }
}

export class CoreWorkerClient implements RunningCore {
  private link: Link | null = null;
  private nextId = 0;
  /** Calls that arrived while the core was restarting, for the next one. */
  private held: Array<{ id: number; name: string; input: unknown; answer: Answer }> = [];
  private readonly listeners = new Set<(batch: ChangeBatch) => void>();
  private crashes: number[] = [];
  private state: 'running' | 'restarting' | 'stopped' | 'closed' = 'running';
  private restarting: Promise<void> = Promise.resolve();

  constructor(private readonly options: CoreWorkerOptions) {
    this.link = this.spawn();
  }

  dispatch(name: string, input: unknown): Promise<ApiResult<unknown>> {
    if (this.state === 'stopped' || this.state === 'closed') return Promise.resolve(CORE_STOPPED);
    const id = ++this.nextId;
    return new Promise((answer) => {
      if (this.state === 'running' && this.link) this.send(this.link, id, name, input, answer);
      else this.held.push({ id, name, input, answer });
    });
  }

  onChange(listener: (batch: ChangeBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the core about writes made behind its back (the harness's test seeding), after the calls sent before. */
  casesChanged(caseIds: readonly number[] | 'all'): void {
    this.link?.post({ kind: 'casesChanged', caseIds: caseIds === 'all' ? 'all' : [...caseIds] });
  }

  /** Closes the running core and opens it again as the settings now say; calls meanwhile wait for the new one. */
  restart(): Promise<void> {
    // From now on calls wait for the new core; the old one keeps only those it has taken.
    if (this.state !== 'closed') this.state = 'restarting';
    this.restarting = this.restarting.then(() => this.restartNow());
    return this.restarting;
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    await this.restarting;
    this.state = 'closed';
    for (const call of this.held.splice(0)) call.answer(CORE_STOPPED);
    const link = this.link;
    this.link = null;
    await link?.close();
  }

  private async restartNow(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'restarting';
    const previous = this.link;
    this.link = null;
    await previous?.close();
    if (this.state !== 'restarting') return;
    this.crashes = [];
    this.link = this.spawn();
    this.state = 'running';
    for (const call of this.held.splice(0)) this.send(this.link, call.id, call.name, call.input, call.answer);
  }

  private spawn(): Link {
    const { host } = this.options;
    const spec: CoreOpenSpec = {
      ...this.options.open(),
      settings: settingsSnapshotOf(host.settings),
      canOpenExternal: host.openExternal !== undefined,
      canPrint: host.printFile !== undefined,
      canSaveCopy: host.saveFileCopy !== undefined,
    };
    const worker = new Worker(this.options.entry, { workerData: spec, execArgv: this.options.execArgv });
    return new Link(
      worker,
      (link, message) => this.received(link, message),
      (link, raw) => this.refused(link, raw),
      (link, reason) => this.ended(link, reason),
    );
  }

  private send(link: Link, id: number, name: string, input: unknown, answer: Answer): void {
    link.pending.set(id, answer);
    link.post({ kind: 'call', id, name, input });
  }

  private received(link: Link, message: FromWorker): void {
    switch (message.kind) {
      case 'answer': {
        const answer = link.pending.get(message.id);
        link.pending.delete(message.id);
        answer?.(message.result);
        return;
      }
      case 'change':
        for (const listener of this.listeners) listener(message.batch);
        return;
      case 'hostCall':
        answerHostCall(this.options.host, message).then(
          (value) => link.post({ kind: 'hostAnswer', id: message.id, ok: true, value }),
          (error: unknown) => {
            this.log(`[core host] ${message.name} failed: ${error instanceof Error ? error.message : String(error)}`);
            link.post({ kind: 'hostAnswer', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) });
          },
        );
        return;
      case 'log':
        this.log(message.message);
        return;
      case 'failed':
        this.log(`[core worker] the core did not open: ${message.message}`);
        return;
      case 'closed':
        // Every call it took is answered: the thread may go now, whatever timers it still holds.
        void link.worker.terminate();
        return;
      case 'ready':
        return;
    }
  }

  /** A message the protocol does not allow: dropped; if it names a call we wait for, that call is answered. */
  private refused(link: Link, raw: unknown): void {
    this.log('[core worker] refused a malformed message from the core');
    const id = (raw as { id?: unknown } | null)?.id;
    if ((raw as { kind?: unknown } | null)?.kind !== 'answer' || typeof id !== 'number') return;
    const answer = link.pending.get(id);
    link.pending.delete(id);
    answer?.({ ok: false, error: { code: 'internal' } });
  }

  private ended(link: Link, reason: string): void {
    link.abandonCalls();
    if (link.closing || link !== this.link) return;
    // The current worker stopped without being asked to: a crash.
    this.log(`[core worker] ${reason}`);
    void link.worker.terminate();
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at < CRASH_WINDOW_MS), now];
    if (this.crashes.length > MAX_CRASHES) {
      this.log(`[core worker] stopped ${this.crashes.length} times within a minute: not started again`);
      this.link = null;
      this.state = 'stopped';
      return;
    }
    this.link = this.spawn();
  }

  private log(message: string): void {
    (this.options.log ?? console.warn)(message);
  }
}

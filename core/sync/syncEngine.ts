// The sync engine: pull, push, listen, and catch up after a drop — one loop, talking to the central service (plus
// its live socket). It never holds the only copy of anything a person wrote: the outbox lives in the cache and is
// only marked done when the service has recorded it.
import { changeTablesOfPulled } from '../changes/pulledTables';
import type { CoreContext } from '../context';
import { ServiceConnection, type LiveSocket } from '../service/serviceConnection';
import type { ServiceEndpoint } from '../service/serviceEndpoint';
import { MalformedRowError } from './applyRows';
import { classifyServiceError, type CentralProblem } from './centralErrors';
import { Mutex } from './mutex';
import { pullChanges, type PullOptions, type PullResult } from './pullChanges';
import { pushOutbox, type PushOptions } from './pushOutbox';

export type SyncStatus =
  | { state: 'connecting'; pending: number }
  | { state: 'syncing'; pending: number; done: number; total: number }
  | { state: 'connected'; pending: number; lastSyncAt: string }
  | { state: 'offline'; pending: number; reason: string; retryAt: string }
  | { state: 'error'; pending: number; problem: CentralProblem; retryAt: string };

export interface SyncEngineOptions {
  service: ServiceEndpoint;
  token: string;
  /** Called when rows of these cases changed (read models refresh). */
  onCasesChanged: (caseIds: readonly number[] | 'all') => void;
  pull?: PullOptions;
  push?: PushOptions;
  /** A safety net besides the live socket. */
  pollIntervalMs?: number;
  /** Silence on the live socket after which the connection counts as stalled (the service beats every 10 s). */
  stallMs?: number;
  /** Deadline of each call to the service. */
  callTimeoutMs?: number;
  /** The service refused the token (expired, signed out, account disabled). */
  onSignedOut?: () => void;
  backoff?: { initialMs: number; maxMs: number };
}

const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 30_000 };

export class SyncEngine {
  private client: ServiceConnection | null = null;
  private listener: LiveSocket | null = null;
  private readonly mutex = new Mutex();
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  private wakeRequested = false;
  private delayMs: number;
  private state: SyncStatus = { state: 'connecting', pending: 0 };
  private loop: Promise<void> | null = null;
  private readonly idleWaiters: Array<() => void> = [];
  /** Rows brought so far by a pull that made room for an online operation and goes on after it. */
  private progressBase = 0;

  constructor(
    private readonly core: CoreContext,
    private readonly options: SyncEngineOptions,
  ) {
    this.delayMs = (options.backoff ?? DEFAULT_BACKOFF).initialMs;
  }

  /** A change of state, progress or retry time is news to the connection indicator and the sync screen. */
  private set current(next: SyncStatus) {
    const unchanged = next.state === 'connected' && this.state.state === 'connected';
    this.state = next;
    if (!unchanged) this.core.publishChange({ tables: ['syncStatus'] });
  }

  private get current(): SyncStatus {
    return this.state;
  }

  status(): SyncStatus {
    return { ...this.current, pending: this.pendingCount() };
  }

  pendingCount(): number {
    return (
      this.core.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }
    ).n;
  }

  start(): void {
    if (!this.loop) this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.nudge();
    // Calls in flight are cut first (a pull through a stalled network would otherwise hold the loop to its deadline).
    await this.disconnect();
    await this.loop;
    await this.disconnect();
  }

  /** Something changed locally or centrally: sync now rather than at the next poll. */
  nudge(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Resolves when the engine has nothing left to do and is connected (tests and the benchmark use it). */
  whenIdle(): Promise<void> {
    if (this.current.state === 'connected' && !this.wakeRequested && this.pendingCount() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Runs an online operation that writes rows a pull writes too (Fetch next, a closed case's detail, renewing claims)
   * on the engine's connection, between pulls or between the pages of a long one (it makes room); throws when offline.
   */
  async online<T>(operation: (client: ServiceConnection) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => this.alongside(operation));
  }

  /**
   * Runs a call that writes nothing a pull writes (a file's content, the portal's lists and a supervisor's decisions)
   * on the engine's connection at once, beside a running pull: a first download of a company's years takes minutes,
   * and a file or the portal's screens must not wait for it. Throws when offline.
   */
  async alongside<T>(operation: (client: ServiceConnection) => Promise<T>): Promise<T> {
    if (!this.client) throw new Error('Connection terminated');
    return operation(this.client);
  }

  private async connect(): Promise<void> {
    // After a loss the indicator keeps saying offline until a reconnect succeeds, not "connecting" for as long as a
    // stalled link takes to fail.
    if (this.current.state !== 'offline' && this.current.state !== 'error') this.current = { state: 'connecting', pending: 0 };
    const client = new ServiceConnection(this.options.service, this.options.token, this.options.callTimeoutMs);
    try {
      this.listener = await client.openLive(
        (notice) => {
          if (notice.type === 'version') this.nudge();
        },
        (reason) => {
          // Closed, failed or silent past the stall limit: offline at once, until a reconnect succeeds.
          if (this.client !== client) return;
          const retryAt = new Date().toISOString();
          this.current = { state: 'offline', pending: 0, reason: reason === 'stalled' ? 'timeout' : 'connectionLost', retryAt };
          void this.disconnect();
          this.nudge();
        },
        { stallMs: this.options.stallMs ?? 30_000 },
      );
    } catch (error) {
      client.close();
      throw error;
    }
    this.client = client;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    const listener = this.listener;
    this.client = null;
    this.listener = null;
    listener?.close();
    client?.close();
  }

  /** Pulls, then pushes; false when the pull made room for an online operation and goes on after it. */
  private async syncOnce(): Promise<boolean> {
    return this.mutex.run(async () => {
      const client = this.client;
      if (!client) throw new Error('Connection terminated');
      // A pull that made room goes on counting from what it had brought (a total of 0: not known yet).
      const base = this.progressBase;
      const progress = (done: number, total: number) => {
        this.current = { state: 'syncing', pending: 0, done: base + done, total: total > 0 ? base + total : 0 };
      };
      const pulled = await pullChanges(client, this.core, {
        ...this.options.pull,
        onProgress: progress,
        yieldTo: () => this.mutex.waiting > 0,
      });
      this.progressBase = pulled.finished ? 0 : base + pulled.rows;
      if (pulled.tables.size > 0) this.applied(pulled);
      if (!pulled.finished) return false;
      const pushed = await pushOutbox(client, this.core, this.options.push);
      if (pushed.applied > 0 || pushed.refused.length > 0) {
        const after = await pullChanges(client, this.core, this.options.pull);
        this.applied(after);
      }
      return true;
    });
  }

  /** Rows another desk committed are in the cache: the read models refresh, then the screens hear of it. */
  private applied(pulled: PullResult): void {
    const caseIds = pulled.changedCases === 'all' ? 'all' : [...pulled.changedCases];
    this.options.onCasesChanged(caseIds);
    this.core.publishChange({ tables: changeTablesOfPulled(pulled.tables), caseIds });
  }

  private async run(): Promise<void> {
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
    while (!this.stopped) {
      this.wakeRequested = false;
      let waitMs = this.options.pollIntervalMs ?? 15_000;
      let failed = false;
      try {
        if (!this.client) await this.connect();
        if (this.stopped) break;
        // A pull that made room between its pages goes on at once, still syncing, once the operation is done.
        if (!(await this.syncOnce())) continue;
        this.delayMs = backoff.initialMs;
        this.current = { state: 'connected', pending: 0, lastSyncAt: new Date().toISOString() };
        if (!this.wakeRequested && this.pendingCount() === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      } catch (error) {
        failed = true;
        const problem: CentralProblem =
          error instanceof MalformedRowError
            ? { kind: 'malformed', reason: 'badRow', detail: error.message }
            : classifyServiceError(error);
        if (problem.kind === 'auth') this.options.onSignedOut?.();
        await this.disconnect();
        waitMs = this.delayMs;
        this.delayMs = Math.min(backoff.maxMs, this.delayMs * 2);
        const retryAt = new Date(Date.now() + waitMs).toISOString();
        this.current =
          problem.kind === 'offline'
            ? { state: 'offline', pending: 0, reason: problem.reason, retryAt }
            : { state: 'error', pending: 0, problem, retryAt };
      }
      if (this.stopped) break;
      if (!failed && this.wakeRequested) continue;
      // After a failure, local changes do not cut the backoff short: they wait in the outbox either way.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wakeUp = failed ? null : () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }
}

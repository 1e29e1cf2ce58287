// Central mode: the sync engine plus the operations that only the central service can grant — Fetch next and
// claims — and the heartbeat that keeps held claims alive.
import { AppFailure, type FetchNextResult, type MutationResult, type SyncStatusView } from '../../shared/contract';
import type { PullTable } from '../../shared/serviceApi';
import type { CoreContext } from '../context';
import { requestClaim } from '../mutations/claimMutations';
import { runMutation } from '../mutations/runMutation';
import type { QueueService } from '../queue/queueService';
import type { ServiceEndpoint } from '../service/serviceEndpoint';
import { storeCaseDetail } from './caseDetailStore';
import { classifyServiceError } from './centralErrors';
import { pullChanges, rowsOf } from './pullChanges';
import { RowWriter } from './applyRows';
import { rebaseCases } from './rebase';
import { SyncEngine, type SyncEngineOptions } from './syncEngine';
import { readSkippedRows, readSyncState, recordSkippedRow } from './syncState';

export interface CentralOptions {
  service: ServiceEndpoint;
  /** The bearer token from signing in to the service. */
  token: string;
  /** The signed-in person's id (their username). */
  userId: string;
  engine?: Partial<Omit<SyncEngineOptions, 'service' | 'token' | 'onCasesChanged' | 'onSignedOut'>>;
  /** How often held claims are renewed (a lease lasts 5 minutes unless the service says otherwise). */
  heartbeatMs?: number;
  /** The service no longer accepts the token: the person must sign in again. */
  onSignedOut?: () => void;
}

const HEARTBEAT_MS = 60_000;

export class CentralSession {
  readonly engine: SyncEngine;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly server: string;

  constructor(
    private readonly core: CoreContext,
    options: CentralOptions,
    queue: QueueService,
  ) {
    this.server = `${options.userId} @ ${options.service.url}`;
    this.engine = new SyncEngine(core, {
      ...options.engine,
      service: options.service,
      token: options.token,
      onCasesChanged: (ids) => queue.casesChanged(ids),
      onSignedOut: options.onSignedOut,
    });
    this.heartbeat = setInterval(() => void this.renewClaims(), options.heartbeatMs ?? HEARTBEAT_MS);
    this.heartbeat.unref?.();
  }

  statusView(refused: number): SyncStatusView {
    const status = this.engine.status();
    return {
      mode: 'central',
      state: status.state,
      pending: status.pending,
      refused,
      progress: status.state === 'syncing' ? { done: status.done, total: status.total } : null,
      reason: status.state === 'offline' ? status.reason : status.state === 'error' ? status.problem.reason : null,
      detail: status.state === 'error' && 'detail' in status.problem ? (status.problem.detail ?? null) : null,
      retryAt: status.state === 'offline' || status.state === 'error' ? status.retryAt : null,
      server: this.server,
      skipped: readSkippedRows(this.core.sqlite),
    };
  }

  /** Online only: the oldest complete, unclaimed case, claimed and assigned to me by the service. */
  async fetchNext(): Promise<FetchNextResult> {
    try {
      return await this.engine.online(async (service) => {
        const caseId = await service.fetchNext();
        if (caseId === null) throw new AppFailure({ code: 'queue.nothingToFetch' });
        if (readSyncState(this.core.sqlite).progress) {
          // A long pull (a first download) made room for this between its pages: the case alone, as it is now. The
          // pull, resumed after, brings nothing older of it: its pages are read after this, and its own row is past
          // the pull's target now (it comes with the pull after).
          storeCaseDetail(this.core, caseId, await service.caseDetail(caseId));
        } else {
          const pulled = await pullChanges(service, this.core);
          this.core.casesChanged(pulled.changedCases === 'all' ? 'all' : [...pulled.changedCases]);
        }
        const row = this.core.sqlite.prepare('SELECT case_number FROM cases WHERE id = ?').get(caseId) as
          | { case_number: string }
          | undefined;
        return { caseId, caseNumber: row?.case_number ?? String(caseId) };
      });
    } catch (error) {
      throw this.asAppFailure(error);
    }
  }

  /** Online, the service grants or refuses the claim at once; offline it waits as a request. */
  async claim(caseId: number): Promise<MutationResult> {
    const result = runMutation(this.core, requestClaim, { caseId });
    this.engine.nudge();
    return result;
  }

  private async renewClaims(): Promise<void> {
    const me = this.core.currentUser().id;
    const held = this.core.sqlite
      .prepare('SELECT id, claim_token FROM cases WHERE claimed_by = ? AND lease_until > ?')
      .all(me, new Date().toISOString()) as { id: number; claim_token: number }[];
    if (held.length === 0) return;
    await this.engine
      .online(async (service) => {
        const answer = await service.renew(held.map(({ id, claim_token }) => ({ caseId: id, claimToken: claim_token })));
        if (answer.lost.length > 0) this.showLostClaims(answer.lost, answer.rows ?? []);
      })
      .catch(() => undefined); // offline: the claims are renewed at the next beat, or lapse
    this.engine.nudge();
  }

  /**
   * A claim the service no longer grants (lapsed, or taken over) must not go on showing as held: the cases as the
   * service has them now (who holds them), with this desk's pending changes on top.
   */
  private showLostClaims(caseIds: number[], pages: PullTable[]): void {
    this.core.sqlite.transaction(() => {
      const writer = new RowWriter(this.core.sqlite, ({ table, key, problem }) => recordSkippedRow(this.core.sqlite, { table, key, problem }));
      for (const page of pages) writer.write(rowsOf(page));
      rebaseCases(this.core, new Set(caseIds));
    })();
    this.core.casesChanged(caseIds);
  }

  private asAppFailure(error: unknown): unknown {
    if (error instanceof AppFailure) return error;
    const problem = classifyServiceError(error);
    if (problem.kind === 'refused') return new AppFailure({ code: 'central.refused', params: { reason: problem.reason } });
    return new AppFailure({ code: 'central.offline', params: { reason: problem.reason } });
  }

  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
  }
}

// Central mode: the sync engine plus the operations that only the central database can grant — Fetch next
// and claims — and the heartbeat that keeps held claims alive.
import { AppFailure, type FetchNextResult, type MutationResult, type SyncStatusView } from '../../shared/contract';
import type { CoreContext } from '../context';
import { requestClaim } from '../mutations/claimMutations';
import { runMutation } from '../mutations/runMutation';
import type { QueueService } from '../queue/queueService';
import { classifyCentralError } from './centralErrors';
import { pullChanges } from './pullChanges';
import type { CentralCredentials } from './centralConnection';
import { SyncEngine, type SyncEngineOptions } from './syncEngine';

export interface CentralOptions {
  credentials: CentralCredentials | string;
  /** The person's login role name: their user id. */
  userId: string;
  engine?: Partial<Omit<SyncEngineOptions, 'credentials' | 'onCasesChanged'>>;
}

const HEARTBEAT_MS = 60_000;

function describeServer(credentials: CentralOptions['credentials']): string {
  if (typeof credentials !== 'string') return `${credentials.user}@${credentials.host}:${credentials.port}/${credentials.database}`;
  try {
    const url = new URL(credentials);
    return `${decodeURIComponent(url.username)}@${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'central';
  }
}

export class CentralSession {
  readonly engine: SyncEngine;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly server: string;

  constructor(
    private readonly core: CoreContext,
    options: CentralOptions,
    queue: QueueService,
  ) {
    this.server = describeServer(options.credentials);
    this.engine = new SyncEngine(core, {
      ...options.engine,
      credentials: options.credentials,
      onCasesChanged: (ids) => queue.casesChanged(ids),
    });
    this.heartbeat = setInterval(() => void this.renewClaims(), HEARTBEAT_MS);
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
    };
  }

  /** Online only: the oldest complete, unclaimed case, claimed and assigned to me by the central database. */
  async fetchNext(): Promise<FetchNextResult> {
    try {
      return await this.engine.online(async (client) => {
        const { rows } = await client.query<{ case_id: number }>('SELECT case_id FROM fetch_next_case()');
        if (rows.length === 0) throw new AppFailure({ code: 'queue.nothingToFetch' });
        const pulled = await pullChanges(client, this.core);
        this.core.casesChanged(pulled.changedCases === 'all' ? 'all' : [...pulled.changedCases]);
        const caseId = Number(rows[0].case_id);
        const row = this.core.sqlite.prepare('SELECT case_number FROM cases WHERE id = ?').get(caseId) as
          | { case_number: string }
          | undefined;
        return { caseId, caseNumber: row?.case_number ?? String(caseId) };
      });
    } catch (error) {
      throw this.asAppFailure(error);
    }
  }

  /** Online, the central database grants or refuses the claim at once; offline it waits as a request. */
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
      .online(async (client) => {
        for (const { id, claim_token } of held) await client.query('SELECT renew_claim($1, $2)', [id, claim_token]);
      })
      .catch(() => undefined); // a lapsed claim shows as lapsed after the next pull
    this.engine.nudge();
  }

  private asAppFailure(error: unknown): unknown {
    if (error instanceof AppFailure) return error;
    const problem = classifyCentralError(error);
    if (problem.kind === 'refused') return new AppFailure({ code: 'central.refused', params: { reason: problem.reason } });
    return new AppFailure({ code: 'central.offline', params: { reason: problem.reason } });
  }

  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
  }
}

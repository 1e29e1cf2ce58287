// Central mode: the sync engine plus the operations that only the central database can grant — Fetch next
// and claims — and the heartbeat that keeps held claims alive.
import type pg from 'pg';
import { AppFailure, type FetchNextResult, type MutationResult, type SyncStatusView } from '../../shared/contract';
import type { CoreContext } from '../context';
import { requestClaim } from '../mutations/claimMutations';
import { runMutation } from '../mutations/runMutation';
import type { QueueService } from '../queue/queueService';
import { RowWriter } from './applyRows';
import { classifyCentralError } from './centralErrors';
import { rebaseCases } from './rebase';
import { SYNCED_TABLES } from './syncedTables';
import { pullChanges } from './pullChanges';
import type { CentralCredentials } from './centralConnection';
import { SyncEngine, type SyncEngineOptions } from './syncEngine';

export interface CentralOptions {
  credentials: CentralCredentials | string;
  /** The person's login role name: their user id. */
  userId: string;
  engine?: Partial<Omit<SyncEngineOptions, 'credentials' | 'onCasesChanged'>>;
  /** How often held claims are renewed (a lease lasts 5 minutes). */
  heartbeatMs?: number;
}

const HEARTBEAT_MS = 60_000;
const CASES_TABLE = SYNCED_TABLES.find((t) => t.local === 'cases')!;

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
        const lost: number[] = [];
        // One claim that is gone must not keep the others from being renewed.
        for (const { id, claim_token } of held) {
          try {
            await client.query('SELECT renew_claim($1, $2)', [id, claim_token]);
          } catch (error) {
            if (classifyCentralError(error).kind !== 'refused') throw error;
            lost.push(id);
          }
        }
        if (lost.length > 0) await this.refreshCases(client, lost);
      })
      .catch(() => undefined); // offline: the claims are renewed at the next beat, or lapse
    this.engine.nudge();
  }

  /**
   * A claim the server no longer grants (lapsed, or taken over) must not go on showing as held until some later
   * pull happens to bring the case: its row as the server has it now, with this client's pending changes on top.
   */
  private async refreshCases(client: pg.Client, caseIds: number[]): Promise<void> {
    const { rows } = await client.query(`SELECT ${CASES_TABLE.columns.join(', ')} FROM cases WHERE id = ANY($1::bigint[])`, [caseIds]);
    this.core.sqlite.transaction(() => {
      new RowWriter(this.core.sqlite).write(CASES_TABLE, rows);
      rebaseCases(this.core, new Set(caseIds));
    })();
    this.core.casesChanged(caseIds);
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

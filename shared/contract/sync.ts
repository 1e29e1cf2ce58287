import { z } from 'zod';
import { call, type DomainCalls } from './call';
import { Empty } from './common';
import type { MutationResult } from './common';

export type SyncStatusView =
  | { mode: 'standalone' }
  | {
      mode: 'central';
      state: 'connecting' | 'syncing' | 'connected' | 'offline' | 'error';
      /** Changes made here that the central database has not yet recorded. */
      pending: number;
      /** Changes the central database refused, waiting for the person to apply again or dismiss. */
      refused: number;
      progress: { done: number; total: number } | null;
      /** Why it is offline or in error, as a code the renderer translates. */
      reason: string | null;
      detail: string | null;
      retryAt: string | null;
      server: string;
      /** Rows the service sent that could not be stored, skipped so that the rest still arrive. */
      skipped: { count: number; latest: Array<{ table: string; key: string; problem: string; at: string }> };
    };

export interface RefusedChange {
  seq: number;
  mutation: string;
  caseId: number | null;
  caseNumber: string | null;
  /** What the person wrote or chose, so it can be applied again: the note's text, the status, … */
  args: Record<string, unknown>;
  reason: string;
  createdAt: string;
  /** False for changes that belong to no case (a quarantined record, company practice): redo them on their screen. */
  canReapply: boolean;
}

export const OutboxSeqInput = z.object({ seq: z.number().int().positive() }).strict();

export interface ClaimView {
  state: 'none' | 'mine' | 'other' | 'requested';
  holderId: string | null;
  holderName: string | null;
  leaseUntil: string | null;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const syncCalls = {
  'sync.status': call<SyncStatusView>()(Empty),
  'outbox.refused': call<RefusedChange[]>()(Empty),
  'outbox.reapply': call<MutationResult>()(OutboxSeqInput),
  'outbox.dismiss': call<{ seq: number }>()(OutboxSeqInput),
} satisfies DomainCalls;

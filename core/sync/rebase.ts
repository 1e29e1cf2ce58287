// Local view = server rows + pending outbox replayed on top. After server rows for some cases arrive (or a
// change is refused), the optimistic rows of those cases are dropped and their pending entries replayed.
import type Database from 'better-sqlite3';
import type { UserRole } from '../../shared/rules';
import type { CoreContext } from '../context';
import { localMutationFor } from '../mutations/registry';
import { replayMutation } from '../mutations/runMutation';
import { SYNCED_TABLES } from './syncedTables';

interface PendingEntry {
  seq: number;
  mutation: string;
  args: string;
  actor_id: string;
  created_at: string;
}

const OFFER_COLUMNS = SYNCED_TABLES.find((t) => t.local === 'offers')!.columns;
/** The tables a local change adds optimistic rows to (marked with its outbox seq); offers are changed in place too. */
const ADDED_ROW_TABLES = ['case_events', 'notes', 'outgoing_messages', 'work_orders', 'billing_events', 'attachments'] as const;

/** Takes back what these outbox entries did locally; says which local tables changed. */
export function dropOptimisticRows(sqlite: Database.Database, seqs: readonly number[]): string[] {
  if (seqs.length === 0) return [];
  const list = JSON.stringify(seqs);
  const changed = ADDED_ROW_TABLES.filter(
    (table) => sqlite.prepare(`DELETE FROM ${table} WHERE pending_seq IN (SELECT value FROM json_each(?))`).run(list).changes > 0,
  );
  // An offer is changed in place, not only added: one the server never sent goes; one it did is put back as sent.
  const offersGone = sqlite.prepare('DELETE FROM offers WHERE server_row IS NULL AND pending_seq IN (SELECT value FROM json_each(?))').run(list);
  const offersBack = sqlite
    .prepare(
      // A column the stored copy lacks (kept before the column existed) keeps its value. Back to the server's row,
      // the copy is no longer needed (local 0025 takes it again when the next local change begins).
      `UPDATE offers SET ${OFFER_COLUMNS.map((c) => `${c} = CASE WHEN json_type(server_row, '$.${c}') IS NULL THEN ${c} ELSE json_extract(server_row, '$.${c}') END`).join(', ')},
         pending_seq = NULL, server_row = NULL
       WHERE pending_seq IN (SELECT value FROM json_each(?))`,
    )
    .run(list);
  return offersGone.changes + offersBack.changes > 0 ? [...changed, 'offers'] : changed;
}

/** Re-applies the still-pending changes of these cases on top of their current (server) rows. */
export function rebaseCases(core: CoreContext, caseIds: ReadonlySet<number>): void {
  if (caseIds.size === 0) return;
  const { sqlite } = core;
  const pending = sqlite
    .prepare(
      `SELECT seq, mutation, args, actor_id, created_at FROM outbox
       WHERE state = 'pending' AND case_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    )
    .all(JSON.stringify([...caseIds])) as PendingEntry[];
  if (pending.length === 0) return;
  dropOptimisticRows(sqlite, pending.map((entry) => entry.seq));
  const roleOf = sqlite.prepare('SELECT display_name, role FROM users WHERE id = ?');
  for (const entry of pending) {
    const mutation = localMutationFor(entry.mutation);
    if (!mutation) continue;
    const user = roleOf.get(entry.actor_id) as { display_name: string; role: UserRole } | undefined;
    replayMutation(core, mutation, {
      seq: entry.seq,
      args: entry.args,
      createdAt: entry.created_at,
      actor: { id: entry.actor_id, displayName: user?.display_name ?? entry.actor_id, role: user?.role ?? 'case_handler' },
    });
  }
}

/**
 * Optimistic rows of entries the central side has settled (applied or refused) are no longer needed once the cache
 * holds the central rows that replace them: called when a pull has reached its target. Says what it changed.
 */
export function dropSettledOptimisticRows(sqlite: Database.Database): { caseIds: number[]; tables: string[] } {
  const settled = (
    sqlite
      .prepare(
        // From the optimistic rows (a partial index each: a handful), not from the outbox, which keeps every entry.
        [...ADDED_ROW_TABLES, 'offers']
          .map((table) => `SELECT pending_seq AS seq FROM ${table} WHERE pending_seq IS NOT NULL
             AND EXISTS (SELECT 1 FROM outbox WHERE outbox.seq = ${table}.pending_seq AND outbox.state != 'pending')`)
          .join(' UNION '),
      )
      .all() as { seq: number }[]
  ).map((row) => row.seq);
  if (settled.length === 0) return { caseIds: [], tables: [] };
  const caseIds = sqlite
    .prepare('SELECT DISTINCT case_id FROM outbox WHERE case_id IS NOT NULL AND seq IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(settled)) as number[];
  return { caseIds, tables: dropOptimisticRows(sqlite, settled) };
}

// Local view = server rows + pending outbox replayed on top. After server rows for some cases arrive (or a
// change is refused), the optimistic rows of those cases are dropped and their pending entries replayed.
import type Database from 'better-sqlite3';
import type { UserRole } from '../../shared/rules';
import type { CoreContext } from '../context';
import { MUTATIONS } from '../mutations/registry';
import { replayMutation } from '../mutations/runMutation';

interface PendingEntry {
  seq: number;
  mutation: string;
  args: string;
  actor_id: string;
  created_at: string;
}

export function dropOptimisticRows(sqlite: Database.Database, seqs: readonly number[]): void {
  if (seqs.length === 0) return;
  const list = JSON.stringify(seqs);
  sqlite.prepare('DELETE FROM case_events WHERE pending_seq IN (SELECT value FROM json_each(?))').run(list);
  sqlite.prepare('DELETE FROM notes WHERE pending_seq IN (SELECT value FROM json_each(?))').run(list);
  sqlite.prepare('DELETE FROM outgoing_messages WHERE pending_seq IN (SELECT value FROM json_each(?))').run(list);
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
    const mutation = MUTATIONS[entry.mutation];
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

/** Optimistic rows of entries the central side has settled (applied or refused) are no longer needed. */
export function dropSettledOptimisticRows(sqlite: Database.Database): void {
  const settled = (
    sqlite
      .prepare(
        `SELECT DISTINCT pending_seq AS seq FROM case_events WHERE pending_seq IS NOT NULL
           AND pending_seq IN (SELECT seq FROM outbox WHERE state != 'pending')
         UNION SELECT DISTINCT pending_seq FROM notes WHERE pending_seq IS NOT NULL
           AND pending_seq IN (SELECT seq FROM outbox WHERE state != 'pending')
         UNION SELECT DISTINCT pending_seq FROM outgoing_messages WHERE pending_seq IS NOT NULL
           AND pending_seq IN (SELECT seq FROM outbox WHERE state != 'pending')`,
      )
      .all() as { seq: number }[]
  ).map((row) => row.seq);
  dropOptimisticRows(sqlite, settled);
}

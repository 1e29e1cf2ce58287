// Changes that belong to no case (a quarantined record, company practice). They never pass through runMutation,
// which records case history: each is one outbox row with case_id NULL — standalone the audit, made at once by
// `applyLocally`; with a central server shipped, and until the server has it, read with the change on top.
// After the server applies one, push writes the server's rows of what it changed (each domain's `rowsChanged`,
// registry.ts `rowsChangedBy`), so the view never shows the old values between the push and the next pull.
import type { CaselessMutationName } from '../../shared/rules';
import type { CoreContext } from '../context';

export interface CaselessChange<Args> {
  mutation: CaselessMutationName;
  args: Args;
  /** What the change found (e.g. the record's state); the central applier refuses it if that moved on. */
  precondition: Record<string, unknown>;
  /** Makes the change on the local database, the truth in standalone mode. */
  applyLocally(actorId: string, now: string): void;
}

/** Records the change (and, standalone, makes it) in one transaction; returns the outbox seq. */
export function recordCaselessChange<Args>(core: CoreContext, change: CaselessChange<Args>): number {
  const actor = core.currentUser();
  const now = core.clock.now().toISOString();
  const central = core.mode === 'central';
  const { sqlite } = core;
  return sqlite.transaction(() => {
    const seq = Number(
      sqlite
        .prepare(
          `INSERT INTO outbox (client_id, mutation, args, actor_id, created_at, state, case_id, precondition)
           VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
        )
        .run(core.clientId, change.mutation, JSON.stringify(change.args), actor.id, now, central ? 'pending' : 'applied',
          JSON.stringify(change.precondition))
        .lastInsertRowid,
    );
    if (!central) change.applyLocally(actor.id, now);
    return seq;
  })();
}

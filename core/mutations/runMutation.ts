// The one way to write casework data: a named mutation with validated arguments, applied in one SQLite
// transaction together with its case events and an outbox record. Nothing else writes to these tables.
//
// With a central server the local change is optimistic: events and notes it writes carry the outbox seq
// (`pending_seq`) until the central database has applied it, and `replayMutation` can apply a pending entry
// again on top of fresher server rows without recording it twice.
import type { z } from 'zod';
import type { CaseMutationName, EventKind } from '../../shared/rules';
import type { MutationResult, UserSummary } from '../../shared/contract';
import type { CoreContext } from '../context';

export interface MutationEvent {
  kind: EventKind;
  data: Record<string, unknown>;
}

export interface MutationApplyContext {
  core: CoreContext;
  actor: UserSummary;
  now: string;
  /** The outbox seq this change waits for in central mode; null when it is final (standalone). */
  pendingSeq: number | null;
}

export interface MutationOutcome {
  caseId: number;
  events: MutationEvent[];
  /**
   * The change wrote rows but records no history (an offer draft): it must still ship. Without events and without
   * this, nothing changed (assigning a case to the one who has it) and nothing is recorded or shipped.
   */
  changedWithoutHistory?: boolean;
  /** What the change assumed (e.g. the status it moved from); the central side refuses it if that changed. */
  precondition?: Record<string, unknown>;
}

export interface MutationDefinition<Schema extends z.ZodType> {
  name: CaseMutationName;
  args: Schema;
  /** Applies the change (throwing AppFailure when it may not be made) and says what happened. */
  apply(ctx: MutationApplyContext, args: z.output<Schema>): MutationOutcome;
}

export function defineMutation<Schema extends z.ZodType>(
  definition: MutationDefinition<Schema>,
): MutationDefinition<Schema> {
  return definition;
}

function recordEvents(
  core: CoreContext,
  caseId: number,
  events: MutationEvent[],
  actorId: string,
  now: string,
  pendingSeq: number | null,
): number | null {
  // Optimistic events take negative ids, so they can never collide with the central ids pulled later.
  const insert = core.sqlite.prepare(
    `INSERT INTO case_events (id, case_id, at, actor_id, kind, data, pending_seq)
     VALUES (CASE WHEN @pendingSeq IS NULL THEN NULL ELSE min(-1, (SELECT coalesce(min(id), 0) - 1 FROM case_events)) END,
             @caseId, @at, @actorId, @kind, @data, @pendingSeq)`,
  );
  let eventId: number | null = null;
  for (const event of events) {
    eventId = Number(
      insert.run({ caseId, at: now, actorId, kind: event.kind, data: JSON.stringify(event.data), pendingSeq })
        .lastInsertRowid,
    );
  }
  return eventId;
}

export function runMutation<Schema extends z.ZodType>(
  core: CoreContext,
  mutation: MutationDefinition<Schema>,
  rawArgs: unknown,
): MutationResult {
  // Validated here as well as at the boundary: mutations are also replayed from the outbox and from imports.
  const args = mutation.args.parse(rawArgs);
  const actor = core.currentUser();
  const now = core.clock.now().toISOString();
  const { sqlite } = core;
  const central = core.mode === 'central';
  const result = sqlite.transaction((): MutationResult => {
    // The outbox row comes first so that optimistic rows can name the seq they wait for.
    const outboxSeq = Number(
      sqlite
        .prepare(
          `INSERT INTO outbox (client_id, mutation, args, actor_id, created_at, state)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(core.clientId, mutation.name, JSON.stringify(args), actor.id, now, central ? 'pending' : 'applied')
        .lastInsertRowid,
    );
    const outcome = mutation.apply({ core, actor, now, pendingSeq: central ? outboxSeq : null }, args);
    if (outcome.events.length === 0 && !outcome.changedWithoutHistory) {
      // Nothing changed (e.g. assigning a case to the one who has it): nothing to record or to ship.
      sqlite.prepare('DELETE FROM outbox WHERE seq = ?').run(outboxSeq);
      return { caseId: outcome.caseId, eventId: null, outboxSeq: null };
    }
    const eventId = recordEvents(core, outcome.caseId, outcome.events, actor.id, now, central ? outboxSeq : null);
    // Standalone, this database keeps the case's clock; with a central server, the server does.
    if (!central) sqlite.prepare('UPDATE cases SET updated_at = ?, version = version + 1 WHERE id = ?').run(now, outcome.caseId);
    sqlite
      .prepare('UPDATE outbox SET case_id = ?, precondition = ? WHERE seq = ?')
      .run(outcome.caseId, JSON.stringify(outcome.precondition ?? {}), outboxSeq);
    return { caseId: outcome.caseId, eventId, outboxSeq };
  })();
  core.casesChanged([result.caseId]);
  return result;
}

/**
 * Applies a pending outbox entry again on top of the rows the server sent, as its author did, without a new
 * outbox record. Returns false when it no longer applies locally (the server's rows have moved on); the push
 * will then hear the central side's verdict.
 */
export function replayMutation<Schema extends z.ZodType>(
  core: CoreContext,
  mutation: MutationDefinition<Schema>,
  entry: { seq: number; args: string; actor: UserSummary; createdAt: string },
): boolean {
  const args = mutation.args.parse(JSON.parse(entry.args));
  try {
    core.sqlite.transaction(() => {
      const outcome = mutation.apply({ core, actor: entry.actor, now: entry.createdAt, pendingSeq: entry.seq }, args);
      recordEvents(core, outcome.caseId, outcome.events, entry.actor.id, entry.createdAt, entry.seq);
    })();
    return true;
  } catch {
    return false;
  }
}

// The one way to write casework data: a named mutation with validated arguments, applied in one SQLite
// transaction together with its case events and an outbox record. Nothing else writes to these tables.
import type { z } from 'zod';
import type { EventKind } from '../../shared/rules';
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
}

export interface MutationDefinition<Schema extends z.ZodType> {
  name: string;
  args: Schema;
  /** Applies the change (throwing AppFailure when it may not be made) and says what happened. */
  apply(ctx: MutationApplyContext, args: z.output<Schema>): { caseId: number; events: MutationEvent[] };
}

export function defineMutation<Schema extends z.ZodType>(
  definition: MutationDefinition<Schema>,
): MutationDefinition<Schema> {
  return definition;
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
  const insertEvent = sqlite.prepare(
    'INSERT INTO case_events (case_id, at, actor_id, kind, data) VALUES (?, ?, ?, ?, ?)',
  );
  const result = sqlite.transaction((): MutationResult => {
    const { caseId, events } = mutation.apply({ core, actor, now }, args);
    // Nothing changed (e.g. assigning a case to the one who has it): nothing to record or to ship.
    if (events.length === 0) return { caseId, eventId: null, outboxSeq: null };
    let eventId = 0;
    for (const event of events) {
      eventId = Number(insertEvent.run(caseId, now, actor.id, event.kind, JSON.stringify(event.data)).lastInsertRowid);
    }
    sqlite.prepare('UPDATE cases SET updated_at = ?, version = version + 1 WHERE id = ?').run(now, caseId);
    const outboxSeq = Number(
      sqlite
        .prepare(
          `INSERT INTO outbox (client_id, mutation, args, case_id, actor_id, created_at, state)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(core.clientId, mutation.name, JSON.stringify(args), caseId, actor.id, now,
          core.mode === 'standalone' ? 'applied' : 'pending').lastInsertRowid,
    );
    return { caseId, eventId, outboxSeq };
  })();
  core.casesChanged([result.caseId]);
  return result;
}

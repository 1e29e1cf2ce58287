// `quarantine.update`: a handler's change to a quarantined record (its fixed text, ready for the importer, or
// discarded with a reason). It belongs to no case, so it has no case history and never passes through
// runMutation: it is written to the outbox with case_id NULL — standalone as the audit (and applied to the
// local row at once), with a central server to be shipped. Push settles it without touching any case, and
// rebase never replays it (it selects by case); until the server has it, the quarantine reads it from the outbox.
import { z } from 'zod';
import { QuarantineId, fail } from '../../shared/contract';
import type { CoreContext } from '../context';
import { recordCaselessChange } from './caselessChange';
import { completionNoticeReference, referencedCaseSql, storeLocalCompletionRefusal } from '../import/completionRefusal';

export const QUARANTINE_UPDATE = 'quarantine.update';

export const QuarantineUpdateArgs = z
  .object({
    id: QuarantineId,
    /** The fixed text; absent when only the state changes (a discard keeps the text as it was). */
    raw: z.string().optional(),
    state: z.enum(['open', 'ready', 'discarded']),
    /** Why it was discarded. */
    reason: z.string().optional(),
  })
  .strict();
export type QuarantineUpdateArgs = z.infer<typeof QuarantineUpdateArgs>;

/** Records the change (and, standalone, makes it); returns the outbox seq. */
export function recordQuarantineUpdate(core: CoreContext, rawArgs: QuarantineUpdateArgs, precondition: { state: string }): number {
  const args = QuarantineUpdateArgs.parse(rawArgs);
  if (core.currentUser().role === 'reader') fail('permission.denied');
  return recordCaselessChange(core, {
    mutation: QUARANTINE_UPDATE,
    args,
    precondition,
    applyLocally: (actorId, now) => applyQuarantineUpdateLocally(core, args, actorId, now),
  });
}

/** The same change the central applier makes, on the local database (the truth in standalone mode). */
function applyQuarantineUpdateLocally(core: CoreContext, args: QuarantineUpdateArgs, actorId: string, now: string): void {
  // Marking it ready or discarded says who and when; saving a fix of an open record does not resolve it.
  core.sqlite
    .prepare(
      `UPDATE import_quarantine
       SET raw = coalesce(@raw, raw), state = @state,
           resolved_at = CASE WHEN @state = 'open' THEN resolved_at ELSE @now END,
           resolved_by = CASE WHEN @state = 'open' THEN resolved_by ELSE @actorId END,
           resolution_note = coalesce(@reason, resolution_note)
       WHERE id = @id`,
    )
    .run({ id: args.id, raw: args.raw ?? null, state: args.state, now, actorId, reason: args.reason ?? null });
  if (args.state === 'discarded') answerDiscardedCompletionLocally(core, args.id, args.reason, actorId, now);
}

/**
 * A discarded ferdigmelding is answered to its installer with the handler's reason, as a refused one is by the
 * importer (rules/completionNotice.ts); the central applier does the same through answer_discarded_completion (0033).
 */
function answerDiscardedCompletionLocally(core: CoreContext, id: string, reason: string | undefined, actorId: string, now: string): void {
  const { raw } = core.sqlite.prepare('SELECT raw FROM import_quarantine WHERE id = ?').get(id) as { raw: string };
  const reference = completionNoticeReference(raw);
  if (!reference || !reason?.trim()) return;
  const found = core.sqlite.prepare(referencedCaseSql('sqlite')).get(reference) as { id: number } | undefined;
  if (found) storeLocalCompletionRefusal(core.sqlite, found.id, [{ code: 'refusedByHandler', reason }], now, actorId);
}

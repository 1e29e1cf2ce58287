// Bulk assignment: one `case.assign` mutation per case, in one local transaction. Each case gets its own event
// and outbox entry, so each ships and can be refused centrally on its own; a case refused here (someone else's,
// gone) rolls back alone (its mutation runs in a savepoint) and is reported with why.
import type { AssignManyInput, AssignManyResult, AssignOutcome } from '../../shared/contract';
import { AppFailure, fail } from '../../shared/contract';
import type { CoreContext } from '../context';
import { assign } from '../mutations/caseMutations';
import { runMutation } from '../mutations/runMutation';

export function assignMany(core: CoreContext, { caseIds, assigneeId }: AssignManyInput): AssignManyResult {
  const { sqlite } = core;
  // A handler who is not there would refuse every case: say it once.
  if (!sqlite.prepare("SELECT 1 FROM users WHERE id = ? AND active = 1 AND role <> 'reader'").get(assigneeId)) {
    fail('user.notFound', { userId: assigneeId });
  }
  const results = sqlite.transaction((): AssignOutcome[] =>
    caseIds.map((caseId): AssignOutcome => {
      try {
        const { eventId } = runMutation(core, assign, { caseId, assigneeId });
        return { caseId, outcome: eventId === null ? 'unchanged' : 'assigned' };
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error;
        return { caseId, outcome: 'refused', reason: error.appError.code };
      }
    }),
  )();
  const count = (outcome: AssignOutcome['outcome']) => results.filter((result) => result.outcome === outcome).length;
  return { results, assigned: count('assigned'), unchanged: count('unchanged'), refused: count('refused') };
}

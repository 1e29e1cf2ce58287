// A handler declares a missing completeness item met, with a reason. If that makes the case complete for the
// first time, the completeness time is recorded and the due date set from it.
import { OverrideCompletenessItemInput, fail } from '../../shared/contract';
import { canWriteNotes } from '../../shared/rules';
import { caseCompleteness, dueDateFrom, type StoredOverride } from '../casework/completenessService';
import { loadCaseHead } from '../cases/caseRow';
import { detailOnServer } from '../sync/caseDetailMark';
import { defineMutation, type MutationEvent } from './runMutation';

export const overrideCompletenessItem = defineMutation({
  name: 'case.overrideCompletenessItem',
  args: OverrideCompletenessItemInput,
  apply({ core, actor, now }, { caseId, item, reason }) {
    const head = loadCaseHead(core.sqlite, caseId);
    if (!canWriteNotes(actor.role)) fail('permission.denied');
    // A closed case the first download left parts of (closedCaseDetail.ts): its owner's contact and when it became
    // complete are not here, so items would look missing and the case complete for the first time.
    if (detailOnServer(core.sqlite, caseId)) fail('case.detailOnServer');
    const before = caseCompleteness(core.sqlite, caseId);
    const checked = before.items.find((candidate) => candidate.code === item);
    if (!checked) fail('completeness.itemUnknown', { item });
    if (checked?.ok) fail('completeness.itemNotMissing', { item });
    if (before.overrides[item]?.reason === reason) return { caseId, events: [] };

    const overrides: Record<string, StoredOverride> = { ...before.overrides, [item]: { reason, by: actor.id, at: now } };
    const events: MutationEvent[] = [{ kind: 'completeness_overridden', data: { item, reason } }];
    const reachesCompleteness =
      before.completeAt === null && before.items.every((c) => c.ok || c.overridden || c.code === item);
    const dueDate = reachesCompleteness ? dueDateFrom(core.sqlite, now) : null;
    core.sqlite.prepare('UPDATE cases SET completeness_overrides = ? WHERE id = ?').run(JSON.stringify(overrides), caseId);
    if (dueDate !== null) {
      core.sqlite.prepare('UPDATE cases SET complete_at = ?, due_date = ? WHERE id = ?').run(now, dueDate, caseId);
    }
    if (dueDate !== null) events.push({ kind: 'completeness_reached', data: { dueDate } });
    return {
      caseId,
      events,
      // The central applier records completeness only if nothing else did first (the due date travels along).
      precondition: { claimToken: head.claim_token, ...(dueDate !== null ? { reachesCompleteness: { dueDate } } : {}) },
    };
  },
});

// The handler records the grid assessment (NEM-forskriften § 3-7): sound, sound with conditions, or not sound, with a
// note, before the decision. Who and when are the actor and the time of the mutation, never the input's.
import { RecordGridAssessmentInput, fail } from '../../shared/contract';
import { canWriteNotes, gridAssessmentNoteMissing, type CaseStatus, type GridAssessment } from '../../shared/rules';
import { loadCaseHead } from '../cases/caseRow';
import { defineMutation } from './runMutation';

/** The assessment belongs before the decision on the advance notice. */
export const GRID_ASSESSMENT_STATUSES: readonly CaseStatus[] = ['new', 'in_review', 'waiting_for_info'];

/** Why the assessment may not be recorded, or null; the same on the desk and at the service. */
export function gridAssessmentRefusal(status: CaseStatus, args: RecordGridAssessmentInput): { code: string; params?: Record<string, unknown> } | null {
  if (!GRID_ASSESSMENT_STATUSES.includes(status)) return { code: 'decision.notAllowed', params: { action: 'recordGridAssessment', status } };
  if (gridAssessmentNoteMissing(args.outcome, args.note)) return { code: 'gridAssessment.noteRequired' };
  return null;
}

export const recordGridAssessment = defineMutation({
  name: 'case.recordGridAssessment',
  args: RecordGridAssessmentInput,
  apply({ core, actor, now }, args) {
    const head = loadCaseHead(core.sqlite, args.caseId);
    if (!canWriteNotes(actor.role)) fail('permission.denied');
    const refusal = gridAssessmentRefusal(head.status, args);
    if (refusal) fail(refusal.code as never, refusal.params as never);
    const assessment: GridAssessment = { outcome: args.outcome, note: args.note, by: actor.id, at: now };
    core.sqlite.prepare('UPDATE cases SET grid_assessment = ? WHERE id = ?').run(JSON.stringify(assessment), args.caseId);
    return {
      caseId: args.caseId,
      events: [{ kind: 'grid_assessed', data: { outcome: args.outcome, note: args.note } }],
      precondition: { status: head.status, claimToken: head.claim_token },
    };
  },
});

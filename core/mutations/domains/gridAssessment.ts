// The grid assessment: is the grid sound for what the installer asks for.
import type pg from 'pg';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { gridAssessmentRefusal, recordGridAssessment } from '../gridAssessmentRecord';
import { RefusedByCentral } from '../../sync/centralErrors';
import { lockCase, presentClaim, refusalOf } from '../../sync/centralCase';
import { RecordGridAssessmentInput } from '../../../shared/contract';
import type { CaseStatus, MutationName } from '../../../shared/rules';
import { runMutation } from '../runMutation';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  // trigger (0036) writes grid_assessed.
  async 'case.recordGridAssessment'(client: pg.ClientBase, { args, precondition }: OutboxEntry) {
    const parsed = RecordGridAssessmentInput.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'grid assessment');
    const state = await lockCase(client, parsed.data.caseId);
    if (precondition.status !== undefined && state.status !== precondition.status) throw new RefusedByCentral('statusChanged', state.status);
    const refusal = gridAssessmentRefusal(state.status as CaseStatus, parsed.data);
    if (refusal) throw refusalOf(refusal.code, state.status);
    await presentClaim(client, state, precondition.claimToken);
    await client.query(
      `UPDATE cases SET grid_assessment = jsonb_build_object('outcome', $2::text, 'note', $3::text, 'by', desk_actor(),
         'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
       WHERE id = $1`,
      [parsed.data.caseId, parsed.data.outcome, parsed.data.note],
    );
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const gridAssessmentMutations = {
  'case.recordGridAssessment': { local: recordGridAssessment, central: central['case.recordGridAssessment'] },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const gridAssessmentMutationHandlers = ({ context, mutate }: MutationCallServices) => ({
  'case.recordGridAssessment': (input) => mutate(() => runMutation(context, recordGridAssessment, input)),
}) satisfies DomainHandlers;

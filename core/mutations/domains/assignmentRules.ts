// Assignment rules: who gets new cases of a municipality or a kind (case-less, a supervisor's).
import type { DomainMutations } from '../definition';
import { ASSIGNMENT_RULE_SET, AssignmentRuleArgs, recordAssignmentRule } from '../assignmentRuleUpdate';
import { ASSIGNMENT_APPLIERS } from '../../sync/assignmentAppliers';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

export const assignmentRuleMutations = {
  [ASSIGNMENT_RULE_SET]: {
    args: AssignmentRuleArgs,
    record: recordAssignmentRule,
    central: ASSIGNMENT_APPLIERS['assignmentRule.set'],
    rowsChanged: (args) => ({ table: 'assignment_rules', where: 'criterion = $1 AND value = $2', params: [args.criterion, args.value] }),
  },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const assignmentRuleMutationHandlers = ({ mutate, assignmentRules }: MutationCallServices) => ({
  'assignmentRules.save': (input) => mutate(() => assignmentRules.save(input)),
}) satisfies DomainHandlers;

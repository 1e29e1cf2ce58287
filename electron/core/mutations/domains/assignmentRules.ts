// Assignment rules: who gets new cases of a municipality or a kind (case-less, a supervisor's).
import type { DomainMutations } from '../definition';
import { ASSIGNMENT_RULE_SET, AssignmentRuleArgs, recordAssignmentRule } from '../assignmentRuleUpdate';
import { ASSIGNMENT_APPLIERS } from '../../sync/assignmentAppliers';

export const assignmentRuleMutations = {
  [ASSIGNMENT_RULE_SET]: {
    args: AssignmentRuleArgs,
    record: recordAssignmentRule,
    central: ASSIGNMENT_APPLIERS['assignmentRule.set'],
    rowsChanged: (args) => ({ table: 'assignment_rules', where: 'criterion = $1 AND value = $2', params: [args.criterion, args.value] }),
  },
} satisfies DomainMutations;

// `assignmentRule.set`: a supervisor names (or clears, with null) the handler suggested for a municipality or a
// request type. It belongs to no case: one outbox row with case_id NULL — standalone the audit, made at once; with
// a central server shipped, where only a supervisor may write assignment_rules (0013_assignment).
import { z } from 'zod';
import { AssignmentRuleSaveInput, fail } from '../../shared/contract';
import type { CoreContext } from '../context';
import { recordCaselessChange } from './caselessChange';

export const ASSIGNMENT_RULE_SET = 'assignmentRule.set';

/** Checked again by the central applier: an outbox can be forged. */
export const AssignmentRuleArgs = AssignmentRuleSaveInput;
export type AssignmentRuleArgs = z.infer<typeof AssignmentRuleArgs>;

export function recordAssignmentRule(core: CoreContext, rawArgs: AssignmentRuleArgs): number {
  const args = AssignmentRuleArgs.parse(rawArgs);
  if (core.currentUser().role !== 'supervisor') fail('permission.denied');
  if (args.assigneeId !== null) {
    const known = core.sqlite.prepare("SELECT 1 FROM users WHERE id = ? AND active = 1 AND role <> 'reader'").get(args.assigneeId);
    if (!known) fail('user.notFound', { userId: args.assigneeId });
  }
  const previous = core.sqlite
    .prepare('SELECT assignee_id FROM assignment_rules WHERE criterion = ? AND value = ?')
    .get(args.criterion, args.value) as { assignee_id: string | null } | undefined;
  return recordCaselessChange(core, {
    mutation: ASSIGNMENT_RULE_SET,
    args,
    precondition: { previous: previous?.assignee_id ?? null },
    applyLocally: (actorId, now) => {
      core.sqlite
        .prepare(
          `INSERT INTO assignment_rules (criterion, value, assignee_id, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (criterion, value) DO UPDATE SET assignee_id = excluded.assignee_id,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(args.criterion, args.value, args.assigneeId, now, actorId);
    },
  });
}

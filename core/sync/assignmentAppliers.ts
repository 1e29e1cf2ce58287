// The central side of assignment rules (mutations/assignmentRuleUpdate.ts), carried out as the person: only a
// supervisor holds INSERT and UPDATE on assignment_rules (0013_assignment), so PostgreSQL refuses anyone else
// (42501); a trigger stamps who changed the rule and when. (`case.assign` itself is in centralAppliers.ts.)
import type pg from 'pg';
import { AssignmentRuleArgs } from '../mutations/assignmentRuleUpdate';
import { RefusedByCentral } from './centralErrors';

/** What of an outbox entry these appliers read (a structural part of mutations/definition.ts' OutboxEntry, without a cycle). */
type AssignmentApplier = (client: pg.ClientBase, entry: { args: Record<string, unknown> }) => Promise<void>;

export const ASSIGNMENT_APPLIERS = {
  async 'assignmentRule.set'(client, { args }) {
    const parsed = AssignmentRuleArgs.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'assignment rule');
    const { criterion, value, assigneeId } = parsed.data;
    await client.query(
      `INSERT INTO assignment_rules (criterion, value, assignee_id) VALUES ($1, $2, $3)
       ON CONFLICT (criterion, value) DO UPDATE SET assignee_id = EXCLUDED.assignee_id`,
      [criterion, value, assigneeId],
    );
  },
} satisfies Record<string, AssignmentApplier>;

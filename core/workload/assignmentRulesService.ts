// The assignment rules in effect here: the stored rows with this client's unsent changes on top (as company
// practice is read), named for the screen, and as a lookup for the workload lists' suggestions.
import type Database from 'better-sqlite3';
import type { AssignmentRuleSaveInput, AssignmentRulesView } from '../../shared/contract';
import { ruleLookup, type AssignmentCriterion, type AssignmentRule, type RuleLookup } from '../../shared/rules';
import type { CoreContext } from '../context';
import { ASSIGNMENT_RULE_SET, recordAssignmentRule } from '../mutations/assignmentRuleUpdate';

function pendingRules(sqlite: Database.Database): AssignmentRuleSaveInput[] {
  return (
    sqlite.prepare("SELECT args FROM outbox WHERE state = 'pending' AND mutation = ? ORDER BY seq").all(ASSIGNMENT_RULE_SET) as {
      args: string;
    }[]
  ).map((row) => JSON.parse(row.args) as AssignmentRuleSaveInput);
}

/** The rules in effect (cleared ones left out), pending changes winning. */
export function assignmentRulesInEffect(sqlite: Database.Database): AssignmentRule[] {
  const byKey = new Map<string, { criterion: AssignmentCriterion; value: string; assigneeId: string | null }>();
  const stored = sqlite.prepare('SELECT criterion, value, assignee_id FROM assignment_rules').all() as {
    criterion: AssignmentCriterion;
    value: string;
    assignee_id: string | null;
  }[];
  for (const row of stored) byKey.set(`${row.criterion}:${row.value}`, { criterion: row.criterion, value: row.value, assigneeId: row.assignee_id });
  for (const rule of pendingRules(sqlite)) byKey.set(`${rule.criterion}:${rule.value}`, rule);
  return [...byKey.values()].filter((rule): rule is AssignmentRule => rule.assigneeId !== null);
}

export class AssignmentRulesService {
  constructor(private readonly core: CoreContext) {}

  lookup(): RuleLookup {
    return ruleLookup(assignmentRulesInEffect(this.core.sqlite));
  }

  get(): AssignmentRulesView {
    const { sqlite } = this.core;
    const names = new Map(
      (sqlite.prepare('SELECT id, display_name FROM users').all() as { id: string; display_name: string }[]).map((user) => [
        user.id,
        user.display_name,
      ]),
    );
    const rules = assignmentRulesInEffect(sqlite)
      .map((rule) => ({ ...rule, assigneeName: names.get(rule.assigneeId) ?? rule.assigneeId }))
      .sort((a, b) => a.criterion.localeCompare(b.criterion) || a.value.localeCompare(b.value));
    return { rules, canEdit: this.core.currentUser().role === 'supervisor', pending: pendingRules(sqlite).length > 0 };
  }

  save(input: AssignmentRuleSaveInput): AssignmentRulesView {
    recordAssignmentRule(this.core, input);
    return this.get();
  }
}

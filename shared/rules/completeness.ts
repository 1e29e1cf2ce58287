// Completeness: is everything there to process a request? A rule set per request type lists required fields and
// attachments, each perhaps under a condition; the grid company keeps them as data (completeness_rules), and
// docs/completeness-rules.md describes the format. Evaluation is pure: facts + rules + overrides → a checklist.
import { DEFAULT_COMPLETENESS_RULE_SETS } from './completenessDefaults';
import type { RequestType } from './domain';
import type {
  CaseFacts,
  CompletenessEvaluation,
  CompletenessItemResult,
  CompletenessItemRule,
  CompletenessReason,
  CompletenessRuleSet,
  Condition,
  FactField,
  FieldCondition,
  Scalar,
} from './completenessTypes';

export * from './completenessTypes';
export { DEFAULT_COMPLETENESS_RULE_SETS, OPTIONAL_COMPLETENESS_ITEMS } from './completenessDefaults';

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function fieldHolds(test: FieldCondition, facts: CaseFacts): boolean {
  const value = facts[test.field];
  if (test.present !== undefined && hasValue(value) !== test.present) return false;
  const compares = [test.eq, test.ne, test.gt, test.gte, test.lt, test.lte, test.in, test.notIn];
  if (compares.every((c) => c === undefined)) return true;
  if (!hasValue(value)) return false;
  const number = typeof value === 'number' ? value : NaN;
  if (test.eq !== undefined && value !== test.eq) return false;
  if (test.ne !== undefined && value === test.ne) return false;
  if (test.gt !== undefined && !(number > test.gt)) return false;
  if (test.gte !== undefined && !(number >= test.gte)) return false;
  if (test.lt !== undefined && !(number < test.lt)) return false;
  if (test.lte !== undefined && !(number <= test.lte)) return false;
  if (test.in !== undefined && !test.in.includes(value as Scalar)) return false;
  if (test.notIn !== undefined && test.notIn.includes(value as Scalar)) return false;
  return true;
}

export function conditionHolds(condition: Condition, facts: CaseFacts): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, facts));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, facts));
  if ('not' in condition) return !conditionHolds(condition.not, facts);
  return fieldHolds(condition, facts);
}

function fieldsNamedIn(condition: Condition, into: Set<FactField>): Set<FactField> {
  if ('all' in condition) condition.all.forEach((c) => fieldsNamedIn(c, into));
  else if ('any' in condition) condition.any.forEach((c) => fieldsNamedIn(c, into));
  else if ('not' in condition) fieldsNamedIn(condition.not, into);
  else into.add(condition.field);
  return into;
}

function missingReason(rule: CompletenessItemRule, facts: CaseFacts): CompletenessReason | undefined {
  const because: Record<string, unknown> = {};
  if (rule.when) for (const field of fieldsNamedIn(rule.when, new Set())) because[field] = facts[field];
  if ('attachment' in rule.requires) {
    if (facts.attachmentKinds.includes(rule.requires.attachment)) return undefined;
    return { code: 'attachment.missing', params: { attachment: rule.requires.attachment, facts: because } };
  }
  const missing = rule.requires.fields.filter((field) => !hasValue(facts[field]));
  if (missing.length === 0) return undefined;
  return { code: 'field.missing', params: { fields: missing, facts: because } };
}

/** The checklist of a case: the items its rule set requires for these facts, each met, overridden or missing. */
export function evaluateCompleteness(
  facts: CaseFacts,
  rules: CompletenessRuleSet,
  overrides: Record<string, { reason: string }>,
): CompletenessEvaluation {
  const items: CompletenessItemResult[] = [];
  for (const rule of rules.items) {
    if (rule.when && !conditionHolds(rule.when, facts)) continue;
    const reason = missingReason(rule, facts);
    const ok = reason === undefined;
    items.push({
      code: rule.code,
      label: rule.label,
      ok,
      overridden: !ok && Object.hasOwn(overrides, rule.code),
      ...(reason ? { reason } : {}),
    });
  }
  return { complete: items.every((item) => item.ok || item.overridden), items };
}

/** The rule set shipped for a request type (used when the grid company has stored none for it). */
export function defaultCompletenessRules(requestType: RequestType): CompletenessRuleSet {
  return DEFAULT_COMPLETENESS_RULE_SETS[requestType];
}

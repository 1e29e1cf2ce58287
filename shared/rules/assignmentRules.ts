// Assignment rules: a supervisor names the handler for a municipality or a request type, and the workload view
// suggests that handler for the cases it matches. A municipality rule wins over a request-type rule: areas are how
// grid companies usually split the work, and a type rule is the fallback for the rest.
import type { RequestType } from './domain';

export const ASSIGNMENT_CRITERIA = ['municipality', 'request_type'] as const;
export type AssignmentCriterion = (typeof ASSIGNMENT_CRITERIA)[number];

export interface AssignmentRule {
  criterion: AssignmentCriterion;
  /** A kommunenummer or a request type code. */
  value: string;
  assigneeId: string;
}

export interface RuleSubject {
  municipalityNumber: string;
  requestType: RequestType;
}

export type RuleLookup = (criterion: AssignmentCriterion, value: string) => string | undefined;

/** A lookup over the rules, made once for many cases. */
export function ruleLookup(rules: readonly AssignmentRule[]): RuleLookup {
  const byKey = new Map(rules.map((rule) => [`${rule.criterion}:${rule.value}`, rule.assigneeId]));
  return (criterion, value) => byKey.get(`${criterion}:${value}`);
}

/** The handler the rules suggest for a case, or null when none matches. */
export function suggestedAssignee(lookup: RuleLookup, subject: RuleSubject): string | null {
  return lookup('municipality', subject.municipalityNumber) ?? lookup('request_type', subject.requestType) ?? null;
}

/** The suggestion for a selection: the one handler every case has as its suggestion, else null. */
export function commonSuggestion(suggestions: ReadonlyArray<string | null>): string | null {
  if (suggestions.length === 0) return null;
  const first = suggestions[0];
  return first !== null && suggestions.every((suggestion) => suggestion === first) ? first : null;
}

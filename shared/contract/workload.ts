// The supervisors' workload view (Arbeidsfordeling): counts per handler, the unassigned open cases and a handler's
// own, bulk assignment, and the assignment rules that suggest a handler.
import { z } from 'zod';
import { ASSIGNMENT_CRITERIA, REQUEST_TYPES, type AssignmentCriterion } from '../rules';
import type { UserRole } from '../rules/domain';
import { CaseId, MunicipalityNumber, UserId } from './common';
import type { ErrorCode } from './errors';
import type { QueueRow } from './queue';
import { call, type DomainCalls } from './call';
import { Empty } from './common';

/** At most this many cases in one bulk assignment (and in one list of the view). */
export const ASSIGN_MANY_MAX = 500;

export const AssignManyInput = z
  .object({
    caseIds: z
      .array(CaseId)
      .min(1)
      .max(ASSIGN_MANY_MAX)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate case ids' }),
    assigneeId: UserId,
  })
  .strict();
export type AssignManyInput = z.infer<typeof AssignManyInput>;

export type AssignOutcome =
  | { caseId: number; outcome: 'assigned' | 'unchanged' }
  | { caseId: number; outcome: 'refused'; reason: ErrorCode };

export interface AssignManyResult {
  results: AssignOutcome[];
  assigned: number;
  unchanged: number;
  refused: number;
}

/** A list of the view: the unassigned open cases (assigneeId null) or one handler's. */
export const WorkloadCasesInput = z.object({ assigneeId: UserId.nullable() }).strict();

export interface HandlerWorkload {
  id: string;
  displayName: string;
  role: UserRole;
  /** False for someone who has left but still holds open cases (to be handed on). */
  active: boolean;
  held: number;
  dueThisWeek: number;
  overdue: number;
}

export interface WorkloadView {
  today: string;
  lastWorkingDayOfWeek: string;
  handlers: HandlerWorkload[];
  unassigned: { held: number; dueThisWeek: number; overdue: number };
  /** Only a supervisor assigns other people's work (and sees the screen). */
  canAssign: boolean;
}

export interface WorkloadRow extends QueueRow {
  /** The handler the assignment rules suggest, or null. */
  suggestedAssigneeId: string | null;
}

export interface WorkloadCases {
  /** All open cases of the list; `rows` holds the first ASSIGN_MANY_MAX, oldest due first. */
  total: number;
  rows: WorkloadRow[];
}

const RuleValue = z.union([MunicipalityNumber, z.enum(REQUEST_TYPES)]);

export const AssignmentRuleSaveInput = z
  .object({ criterion: z.enum(ASSIGNMENT_CRITERIA), value: RuleValue, assigneeId: UserId.nullable() })
  .strict()
  .refine((rule) => (rule.criterion === 'municipality') === MunicipalityNumber.safeParse(rule.value).success, {
    path: ['value'],
    message: 'value does not fit the criterion',
  });
export type AssignmentRuleSaveInput = z.infer<typeof AssignmentRuleSaveInput>;

export interface AssignmentRuleView {
  criterion: AssignmentCriterion;
  value: string;
  assigneeId: string;
  assigneeName: string;
}

export interface AssignmentRulesView {
  rules: AssignmentRuleView[];
  canEdit: boolean;
  /** A change made here that the central database has not yet recorded. */
  pending: boolean;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const workloadCalls = {
  'workload.get': call<WorkloadView>()(Empty),
  'workload.cases': call<WorkloadCases>()(WorkloadCasesInput),
  'case.assignMany': call<AssignManyResult>()(AssignManyInput),
  'assignmentRules.get': call<AssignmentRulesView>()(Empty),
  'assignmentRules.save': call<AssignmentRulesView>()(AssignmentRuleSaveInput),
} satisfies DomainCalls;

// Completeness calls (checklist, override, request for information) and the schema of a grid company's rules.
import { z } from 'zod';
import { ATTACHMENT_KINDS, FACT_FIELDS, REQUEST_TYPES } from '../rules';
import type { CompletenessItemResult, CompletenessRuleSet, Condition, RequestType } from '../rules';
import { CaseId } from './common';
import { call, type DomainCalls } from './call';
import type { MutationResult } from './common';

export const COMPLETENESS_REASON_MAX_LENGTH = 2_000;
export const INFORMATION_REQUEST_SUBJECT_MAX_LENGTH = 200;
export const INFORMATION_REQUEST_BODY_MAX_LENGTH = 20_000;

const ItemCode = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lowercase letters, digits and _');

export const CompletenessInput = z.object({ caseId: CaseId }).strict();

export const OverrideCompletenessItemInput = z
  .object({ caseId: CaseId, item: ItemCode, reason: z.string().trim().min(1).max(COMPLETENESS_REASON_MAX_LENGTH) })
  .strict();
export type OverrideCompletenessItemInput = z.infer<typeof OverrideCompletenessItemInput>;

export const InformationRequestDraftInput = z
  .object({ caseId: CaseId, items: z.array(ItemCode).min(1).max(50) })
  .strict();

export const RequestInformationInput = z
  .object({
    caseId: CaseId,
    items: z.array(ItemCode).min(1).max(50),
    subject: z.string().trim().min(1).max(INFORMATION_REQUEST_SUBJECT_MAX_LENGTH),
    body: z.string().trim().min(1).max(INFORMATION_REQUEST_BODY_MAX_LENGTH),
  })
  .strict();
export type RequestInformationInput = z.infer<typeof RequestInformationInput>;

export interface CompletenessOverrideView {
  reason: string;
  by: string;
  byName: string | null;
  at: string;
}

export interface CompletenessItemView extends CompletenessItemResult {
  override: CompletenessOverrideView | null;
}

export interface CompletenessView {
  caseId: number;
  requestType: RequestType;
  complete: boolean;
  items: CompletenessItemView[];
  completeAt: string | null;
  dueDate: string | null;
  clockPausedOn: string | null;
  /** Where the rules came from: the grid company's stored set, or the shipped default for this type. */
  rulesSource: 'company' | 'default';
}

export interface InformationRequestDraft {
  subject: string;
  body: string;
  recipient: string | null;
}

// The rules' own schema: a grid company's edit is checked whole, and refused with the offending path.
const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const FieldConditionSchema = z
  .object({
    field: z.enum(FACT_FIELDS),
    eq: Scalar.optional(),
    ne: Scalar.optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    in: z.array(Scalar).min(1).optional(),
    notIn: z.array(Scalar).min(1).optional(),
    present: z.boolean().optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 1, 'a field condition needs at least one comparison');

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    FieldConditionSchema,
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

const ItemRuleSchema = z
  .object({
    code: ItemCode,
    label: z.object({ nb: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200).optional() }).strict(),
    requires: z.union([
      z.object({ fields: z.array(z.enum(FACT_FIELDS)).min(1) }).strict(),
      z.object({ attachment: z.enum(ATTACHMENT_KINDS) }).strict(),
    ]),
    when: ConditionSchema.optional(),
  })
  .strict();

export const CompletenessRuleSetSchema: z.ZodType<CompletenessRuleSet> = z
  .object({ items: z.array(ItemRuleSchema).max(100) })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.items.forEach((item, index) => {
      if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: ['items', index, 'code'], message: `duplicate item code ${item.code}` });
      seen.add(item.code);
    });
  });

/** resources/rules/completeness.json: a rule set for some or all request types. */
export const CompletenessRulesFileSchema = z
  .object({
    $schema: z.string().optional(),
    ruleSets: z.partialRecord(z.enum(REQUEST_TYPES), CompletenessRuleSetSchema),
  })
  .strict();
export type CompletenessRulesFile = z.infer<typeof CompletenessRulesFileSchema>;

/** This domain's calls (merged into the one contract in index.ts). */
export const completenessCalls = {
  'case.completeness': call<CompletenessView>()(CompletenessInput),
  'case.overrideCompletenessItem': call<MutationResult>()(OverrideCompletenessItemInput),
  'case.informationRequestDraft': call<InformationRequestDraft>()(InformationRequestDraftInput),
  'case.requestInformation': call<MutationResult>()(RequestInformationInput),
} satisfies DomainCalls;

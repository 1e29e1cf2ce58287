import { z } from 'zod';
import { CASE_STATUSES, REQUEST_TYPES } from '../rules/domain';

export const CaseId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/**
 * Positive for attachments the server (or a standalone database) numbered; negative for a file this desk stored
 * while its change waits for the server (an issued letter in central mode) — it can be opened meanwhile.
 */
export const AttachmentId = z
  .number()
  .int()
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER)
  .refine((id) => id !== 0, 'no attachment has id 0');
export const UserId = z.string().min(1).max(64);
export const MunicipalityNumber = z.string().regex(/^\d{4}$/);
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const RequestTypeSchema = z.enum(REQUEST_TYPES);
export const Empty = z.object({}).strict();

/** What a call that makes a mutation answers. */
export interface MutationResult {
  caseId: number;
  /** Null when the mutation changed nothing and so recorded nothing. */
  eventId: number | null;
  outboxSeq: number | null;
}

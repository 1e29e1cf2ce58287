import { z } from 'zod';
import { CASE_STATUSES, REQUEST_TYPES } from '../rules/domain';

export const CaseId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const AttachmentId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const UserId = z.string().min(1).max(64);
export const MunicipalityNumber = z.string().regex(/^\d{4}$/);
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const RequestTypeSchema = z.enum(REQUEST_TYPES);
export const Empty = z.object({}).strict();

import { z } from 'zod';
import type { CaseStatus, RequestType } from '../rules/domain';
import { CLOSURE_REASONS, type ClosureReason } from '../rules/caseClosure';
import { CaseStatusSchema, MunicipalityNumber, RequestTypeSchema } from './common';
import { call, type DomainCalls } from './call';
import { Empty } from './common';

export const SEARCH_MAX_LENGTH = 200;

export const QUEUE_SORT_KEYS = ['received', 'type', 'address', 'installer', 'status', 'due', 'assignee'] as const;
export type QueueSortKey = (typeof QUEUE_SORT_KEYS)[number];

export const QueueFilters = z
  .object({
    statuses: z.array(CaseStatusSchema).max(20).default([]),
    types: z.array(RequestTypeSchema).max(20).default([]),
    /** Closed cases that ended for these reasons (rules/caseClosure.ts); empty: no such filter. */
    closureReasons: z.array(z.enum(CLOSURE_REASONS)).max(CLOSURE_REASONS.length).default([]),
    municipalities: z.array(MunicipalityNumber).max(30).default([]),
    assignment: z.enum(['all', 'mine', 'unassigned']).default('all'),
    overdueOnly: z.boolean().default(false),
    /** Cases waiting for the installer (the service clock paused); never overdue. */
    waitingOnly: z.boolean().default(false),
    /** Offers sent to the owner but not accepted whose validity has run out. */
    offersExpiredOnly: z.boolean().default(false),
    /** Cases with a row from the billing file flagged for a person and not yet resolved. */
    billingFlaggedOnly: z.boolean().default(false),
    search: z.string().max(SEARCH_MAX_LENGTH).default(''),
  })
  .strict();
export type QueueFilters = z.infer<typeof QueueFilters>;


export const QueueListInput = z
  .object({
    filters: QueueFilters,
    sort: z
      .object({ key: z.enum(QUEUE_SORT_KEYS), direction: z.enum(['asc', 'desc']) })
      .strict()
      .default({ key: 'received', direction: 'asc' }),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type QueueListInput = z.input<typeof QueueListInput>;

export const QueueCountsInput = z.object({ filters: QueueFilters }).strict();

export interface QueueRow {
  id: number;
  caseNumber: string;
  receivedAt: string;
  requestType: RequestType;
  hasProduction: boolean;
  address: string;
  postcode: string;
  postTown: string;
  municipalityNumber: string;
  municipalityName: string;
  installerName: string;
  status: CaseStatus;
  dueDate: string | null;
  overdue: boolean;
  /**
   * Working days from today to the due date while the service clock runs: 3 = due in three working days, 0 = due
   * today, -2 = two working days over. Null without a due date or while the clock does not run.
   */
  workingDaysLeft: number | null;
  /** Waiting for the installer's answer: the clock is paused, the case is shown apart from the overdue ones. */
  waitingForInstaller: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Why a closed case ended (rules/caseClosure.ts); null for any other status. */
  closureReason: ClosureReason | null;
}

export interface QueuePage {
  total: number;
  offset: number;
  rows: QueueRow[];
}

export interface QueueCounts {
  /** Counts per status under every filter but the status filter, so the chips say what choosing them gives. */
  byStatus: Record<CaseStatus, number>;
  total: number;
  /**
   * Overdue cases and cases waiting for the installer, under every filter but these two and the status filter:
   * choosing one of them clears the status filter, so these say what choosing it gives.
   */
  overdue: number;
  waiting: number;
  /** Offers past their validity, and cases with open billing flags, counted as overdue and waiting are. */
  offersExpired: number;
  billingFlagged: number;
}

export interface FetchNextResult {
  caseId: number;
  caseNumber: string;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const queueCalls = {
  'queue.list': call<QueuePage>()(QueueListInput),
  'queue.counts': call<QueueCounts>()(QueueCountsInput),
  'queue.fetchNext': call<FetchNextResult>()(Empty),
} satisfies DomainCalls;

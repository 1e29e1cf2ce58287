// The supervisors' overview: figures over the whole local cache, computed in SQL (core/overview).
// Plain data and types, without zod, so that the renderer can use them too.
import type { CaseStatus, RequestType, UserRole } from '../rules/domain';

/**
 * Who sees the overview: supervisors, who plan the work, and readers (management). Not case handlers: it names
 * colleagues' throughput week by week, and a handler's own cases are in the queue.
 */
export const OVERVIEW_ROLES: readonly UserRole[] = ['supervisor', 'reader'];

/** How many ISO weeks back the lead times and the throughput look, this week included. */
export const OVERVIEW_PERIODS = [4, 13, 52] as const;
export type OverviewWeeks = (typeof OVERVIEW_PERIODS)[number];

/** How far past the due date an overdue case is, in working days. */
export const BREACH_BUCKETS = ['upTo5', '6to10', '11to20', 'over20'] as const;
export type BreachBucket = (typeof BREACH_BUCKETS)[number];

export interface StatusCount {
  status: CaseStatus;
  count: number;
}

export interface TypeCounts {
  requestType: RequestType;
  /** Not closed. */
  open: number;
  /** Past the due date with the clock running, as the queue counts "overdue". */
  overdue: number;
  /** Waiting for the installer: the clock stands still. */
  waiting: number;
  closed: number;
  total: number;
}

export interface BreachesByType {
  requestType: RequestType;
  count: number;
  /** Working days past the due date: the median (may end in .5) and the largest. */
  medianDaysPast: number;
  maxDaysPast: number;
}

export interface Breaches {
  total: number;
  /** Not breaches: the clock stands still while the installer is asked for more. */
  waitingForInstaller: number;
  byBucket: Array<{ bucket: BreachBucket; count: number }>;
  byType: BreachesByType[];
}

export interface LeadTime {
  /** Median working days; null when no case finished this step in the period. */
  median: number | null;
  /** How many cases the median is taken over. */
  count: number;
}

export interface LeadTimes {
  overall: LeadTime;
  byType: Array<LeadTime & { requestType: RequestType }>;
}

export interface ThroughputRow {
  /** ISO week, `2026-W48`. */
  week: string;
  userId: string;
  displayName: string;
  /** Distinct cases this person approved or rejected in the week. */
  decided: number;
  /** Distinct cases this person closed in the week. */
  closed: number;
  /** Distinct cases decided or closed (a case both decided and closed in the week counts once). */
  cases: number;
}

export interface Overview {
  /** Today in Norway, the day overdue is measured against. */
  today: string;
  weeks: OverviewWeeks;
  /** The Monday the period starts (the first of its ISO weeks). */
  from: string;
  /** Every case by its status now. */
  byStatus: StatusCount[];
  byType: TypeCounts[];
  breaches: Breaches;
  /**
   * Cases whose lead times and throughput are still being worked out in the background after many arrived at once
   * (a first download, a large import). While any are left those figures are not given (empty), so that no
   * half-counted median is shown; the counts and breaches are always whole. 0 when every figure is whole.
   */
  factsPending: number;
  /** From completeness to the first offer issued, without the working days the case waited for the installer. */
  completenessToOffer: LeadTimes;
  /** From the completion notice to the meter mounted. */
  completionToMeter: LeadTimes;
  /** The period's ISO weeks, oldest first, and the rows of the weeks where someone decided or closed a case. */
  throughputWeeks: string[];
  throughput: ThroughputRow[];
}

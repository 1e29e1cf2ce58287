// A supervisor's view of who holds what: the cases a handler holds, those due this week and those overdue, by the
// same working-day rules the queue uses (a due date counts only while the service clock runs). The core counts in
// SQL with the bounds made here; `countWorkload` is the same definition over plain rows, for tests and checks.
import { CLOCK_RUNNING_STATUSES, type CaseStatus } from './domain';
import { addCalendarDays, mondayOf } from './isoWeek';
import { addWorkingDays } from './workingDays';

/** A case is held (and, without an assignee, waiting to be handed out) until it is closed or rejected. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['closed', 'rejected'];

export const isOpenStatus = (status: CaseStatus): boolean => !FINISHED_STATUSES.includes(status);

export interface WorkloadWindow {
  today: string;
  /** The last working day of today's week (Monday to Sunday); before today when no working day is left. */
  lastWorkingDayOfWeek: string;
  /** The day after it: "due this week" is today ≤ due date < this (bounds a SQL range can use). */
  dueThisWeekBefore: string;
}

/** The working-day bounds of "this week", seen from `today` (ISO date). */
export function workloadWindow(today: string): WorkloadWindow {
  const nextMonday = addCalendarDays(mondayOf(today), 7);
  const lastWorkingDayOfWeek = addWorkingDays(nextMonday, -1);
  return { today, lastWorkingDayOfWeek, dueThisWeekBefore: addCalendarDays(lastWorkingDayOfWeek, 1) };
}

export interface WorkloadCase {
  assigneeId: string | null;
  status: CaseStatus;
  /** ISO date, or null before the case is complete. */
  dueDate: string | null;
}

export type DueState = 'overdue' | 'dueThisWeek' | null;

const clockRunning = new Set<CaseStatus>(CLOCK_RUNNING_STATUSES);

/** Where a case stands against its due date this week; null when the clock is stopped or the date is later. */
export function dueStateOf(item: Pick<WorkloadCase, 'status' | 'dueDate'>, window: WorkloadWindow): DueState {
  if (item.dueDate === null || !clockRunning.has(item.status)) return null;
  const due = item.dueDate.slice(0, 10);
  if (due < window.today) return 'overdue';
  if (due < window.dueThisWeekBefore) return 'dueThisWeek';
  return null;
}

export interface HandlerCounts {
  held: number;
  dueThisWeek: number;
  overdue: number;
}

/** Counts per assignee over open cases (unassigned ones under the key null). */
export function countWorkload(cases: readonly WorkloadCase[], today: string): Map<string | null, HandlerCounts> {
  const window = workloadWindow(today);
  const counts = new Map<string | null, HandlerCounts>();
  for (const item of cases) {
    if (!isOpenStatus(item.status)) continue;
    const entry = counts.get(item.assigneeId) ?? { held: 0, dueThisWeek: 0, overdue: 0 };
    entry.held++;
    const state = dueStateOf(item, window);
    if (state) entry[state]++;
    counts.set(item.assigneeId, entry);
  }
  return counts;
}

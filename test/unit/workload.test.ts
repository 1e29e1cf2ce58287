// The workload figures as pure rules: "this week" in working days (holidays and weekends excluded), and the counts
// per handler over a fixed set of cases, with exact expected numbers.
import { describe, expect, it } from 'vitest';
import { countWorkload, dueStateOf, workloadWindow, type WorkloadCase } from '../../shared/rules';

describe('workloadWindow', () => {
  it('ends the week on its last working day', () => {
    // Friday 27 November 2026 is a working day: the week ends today.
    expect(workloadWindow('2026-11-25')).toEqual({
      today: '2026-11-25',
      lastWorkingDayOfWeek: '2026-11-27',
      dueThisWeekBefore: '2026-11-28',
    });
  });

  it('ends Easter week on Wednesday (Maundy Thursday and Good Friday are holidays)', () => {
    expect(workloadWindow('2026-03-30').lastWorkingDayOfWeek).toBe('2026-04-01');
  });

  it('leaves no working day this week on a Saturday', () => {
    const window = workloadWindow('2026-11-28');
    expect(window.lastWorkingDayOfWeek).toBe('2026-11-27');
    expect(dueStateOf({ status: 'in_review', dueDate: '2026-11-30' }, window)).toBeNull();
    expect(dueStateOf({ status: 'in_review', dueDate: '2026-11-27' }, window)).toBe('overdue');
  });
});

describe('dueStateOf', () => {
  const window = workloadWindow('2026-11-25'); // a Wednesday
  it.each([
    ['in_review', '2026-11-24', 'overdue'],
    ['new', '2026-11-25', 'dueThisWeek'],
    ['completion_reported', '2026-11-27', 'dueThisWeek'],
    ['in_review', '2026-11-30', null],
    // The clock is stopped while the case waits for the installer, and after the decision.
    ['waiting_for_info', '2026-11-20', null],
    ['approved', '2026-11-20', null],
    ['in_review', null, null],
  ] as const)('%s due %s is %s', (status, dueDate, expected) => {
    expect(dueStateOf({ status, dueDate }, window)).toBe(expected);
  });
});

describe('countWorkload', () => {
  const today = '2026-11-25';
  const cases: WorkloadCase[] = [
    { assigneeId: 'kari', status: 'in_review', dueDate: '2026-11-20' }, // overdue
    { assigneeId: 'kari', status: 'in_review', dueDate: '2026-11-24' }, // overdue
    { assigneeId: 'kari', status: 'new', dueDate: '2026-11-25' }, // due this week (today)
    { assigneeId: 'kari', status: 'in_review', dueDate: '2026-11-27' }, // due this week (Friday)
    { assigneeId: 'kari', status: 'in_review', dueDate: '2026-11-30' }, // next week
    { assigneeId: 'kari', status: 'waiting_for_info', dueDate: '2026-11-10' }, // clock stopped: held only
    { assigneeId: 'kari', status: 'closed', dueDate: '2026-11-10' }, // finished: not held
    { assigneeId: 'kari', status: 'rejected', dueDate: null }, // finished: not held
    { assigneeId: 'per', status: 'approved', dueDate: '2026-11-01' }, // clock stopped: held only
    { assigneeId: 'per', status: 'completion_reported', dueDate: '2026-11-26' }, // due this week
    { assigneeId: null, status: 'new', dueDate: '2026-11-23' }, // unassigned, overdue
    { assigneeId: null, status: 'new', dueDate: null }, // unassigned, not yet complete
    { assigneeId: null, status: 'closed', dueDate: null }, // finished
  ];

  it('counts held, due this week and overdue per assignee', () => {
    const counts = countWorkload(cases, today);
    expect(Object.fromEntries(counts)).toEqual({
      kari: { held: 6, dueThisWeek: 2, overdue: 2 },
      per: { held: 2, dueThisWeek: 1, overdue: 0 },
      null: { held: 2, dueThisWeek: 0, overdue: 1 },
    });
  });
});

// The clock after the ferdigmelding (completion notice): once the installer reports the work done, the grid company
// mounts the meter, and the case's due date becomes the company's target for that instead of the handling deadline.
//
// No regulation sets the time: the meter is the grid company's to buy and mount (NVE, "Individuell måling":
// "Nettselskapet bekoster anskaffelse og montering av måler"), it is mounted once the ferdigmelding naming the grid
// customer is in (Troms Kraft Nett, "Målermontering"), and the installation is not to be used before it is up (Lede,
// "Plassering av måler"). The target is company practice — 5 working days after the notice is common
// (/work/shared/domain.md, "Service targets") — so it is a company setting (meter_mounting_working_days).
import { addWorkingDays } from './workingDays';
import type { CaseStatus } from './domain';

/**
 * The date the meter is to be mounted by: `targetWorkingDays` working days (weekends and Norwegian public holidays
 * excluded, as addWorkingDays counts them) after the day the ferdigmelding arrived, that day not counted.
 */
export function meterMountingDueDate(noticeArrivedOn: string, targetWorkingDays: number): string {
  if (!Number.isInteger(targetWorkingDays) || targetWorkingDays < 1) {
    throw new RangeError(`The meter mounting target must be a whole number of working days ≥ 1: ${targetWorkingDays}`);
  }
  return addWorkingDays(noticeArrivedOn, targetWorkingDays);
}

/**
 * What a case's due date is a deadline for in a status: the decision (from completeness), mounting the meter (from
 * the ferdigmelding), or null where the UI says only "due" (another clock, or none running).
 */
export type DueDateMeaning = 'handling' | 'meterMounting' | null;

export function dueDateMeaning(status: CaseStatus): DueDateMeaning {
  if (status === 'new' || status === 'in_review') return 'handling';
  if (status === 'completion_reported') return 'meterMounting';
  return null;
}

/** Time comes from here, so tests and the demo can fix "today". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

/** Today's calendar date in Norway: due dates and "overdue" are Norwegian working days. */
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });

export function osloDate(date: Date): string {
  // One formatter for all calls: making one costs more than a hundred formats (the import calls this per record).
  return OSLO_DATE.format(date);
}

// Company practice the casework follows (company_settings), with the ranges a supervisor may set them within.
// Pure data: the contract validates with these, the renderer shows them as the inputs' limits.

export const COMPANY_PRACTICE_LIMITS = {
  /** Working days from a complete request to its due date. */
  dueWorkingDays: { min: 1, max: 60 },
  /** Working days from the ferdigmelding to the meter mounted. */
  meterMountingWorkingDays: { min: 1, max: 60 },
  /** A request with at least this many units is a developer's project. */
  developerProjectMinUnits: { min: 2, max: 1000 },
} as const;

// Company practice the import follows (company_settings), read from the rows either store holds.
import { COMPANY_SETTING_DEFAULTS, settingFromText, workingDaysFromText } from '../casework/companySettings';

export interface ImportSettings {
  /** Working days from completeness to the due date. */
  dueWorkingDays: number;
  /** Working days from the ferdigmelding to the meter mounted: the due date of a case in completion_reported. */
  meterMountingWorkingDays: number;
  /** A request for this many units or more is a developer's project, routed out of the normal flow. */
  developerProjectMinUnits: number;
  /** Complete "work at metering point" requests by an active, prequalified installer are approved by rule. */
  autoApproveMeteringPointWork: boolean;
}

/** From `{key: JSON text}` as company_settings holds them; a value of the wrong type falls back to the default. */
export function importSettingsFrom(stored: ReadonlyMap<string, string>): ImportSettings {
  const defaults: ImportSettings = {
    dueWorkingDays: COMPANY_SETTING_DEFAULTS.due_working_days,
    meterMountingWorkingDays: COMPANY_SETTING_DEFAULTS.meter_mounting_working_days,
    developerProjectMinUnits: COMPANY_SETTING_DEFAULTS.developer_project_min_units,
    autoApproveMeteringPointWork: COMPANY_SETTING_DEFAULTS.auto_approve_metering_point_work,
  };
  return {
    dueWorkingDays: workingDaysFromText(stored.get('due_working_days'), defaults.dueWorkingDays),
    meterMountingWorkingDays: workingDaysFromText(stored.get('meter_mounting_working_days'), defaults.meterMountingWorkingDays),
    developerProjectMinUnits: settingFromText(stored.get('developer_project_min_units'), defaults.developerProjectMinUnits),
    autoApproveMeteringPointWork: settingFromText(stored.get('auto_approve_metering_point_work'),
      defaults.autoApproveMeteringPointWork),
  };
}

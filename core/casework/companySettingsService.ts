// Company practice as Innstillinger shows it: the values the casework uses now (a pending change on top of the
// stored rows, else the shipped defaults), the defaults, and whether this person may change them (a supervisor).
import type { CompanySettingsValues, CompanySettingsView } from '../../shared/contract';
import { COMPANY_PRACTICE_LIMITS } from '../../shared/rules/companyPractice';
import type { CoreContext } from '../context';
import { recordCompanySettingsUpdate } from '../mutations/companySettingsUpdate';
import { COMPANY_SETTING_DEFAULTS, meterMountingWorkingDays, pendingCompanySettings, readCompanySetting } from './companySettings';

const DEFAULTS: CompanySettingsValues = {
  dueWorkingDays: COMPANY_SETTING_DEFAULTS.due_working_days,
  meterMountingWorkingDays: COMPANY_SETTING_DEFAULTS.meter_mounting_working_days,
  autoApproveMeteringPointWork: COMPANY_SETTING_DEFAULTS.auto_approve_metering_point_work,
  developerProjectMinUnits: COMPANY_SETTING_DEFAULTS.developer_project_min_units,
  releaseOnAcceptance: COMPANY_SETTING_DEFAULTS.release_on_acceptance,
};

/** A stored whole number outside the range the form allows is shown as the default (as the casework treats it). */
const wholeIn = (value: number, range: { min: number; max: number }, fallback: number) =>
  Number.isInteger(value) && value >= range.min && value <= range.max ? value : fallback;

export class CompanySettingsService {
  constructor(private readonly core: CoreContext) {}

  get(): CompanySettingsView {
    const { sqlite } = this.core;
    const values: CompanySettingsValues = {
      dueWorkingDays: wholeIn(
        readCompanySetting(sqlite, 'due_working_days', DEFAULTS.dueWorkingDays),
        COMPANY_PRACTICE_LIMITS.dueWorkingDays,
        DEFAULTS.dueWorkingDays,
      ),
      meterMountingWorkingDays: meterMountingWorkingDays(sqlite),
      autoApproveMeteringPointWork: readCompanySetting(sqlite, 'auto_approve_metering_point_work', DEFAULTS.autoApproveMeteringPointWork),
      developerProjectMinUnits: wholeIn(
        readCompanySetting(sqlite, 'developer_project_min_units', DEFAULTS.developerProjectMinUnits),
        COMPANY_PRACTICE_LIMITS.developerProjectMinUnits,
        DEFAULTS.developerProjectMinUnits,
      ),
      releaseOnAcceptance: readCompanySetting(sqlite, 'release_on_acceptance', DEFAULTS.releaseOnAcceptance!),
    };
    return {
      values,
      defaults: { ...DEFAULTS },
      canEdit: this.core.currentUser().role === 'supervisor',
      pending: pendingCompanySettings(sqlite).size > 0,
    };
  }

  save(input: CompanySettingsValues): CompanySettingsView {
    const previous = Object.fromEntries(
      (this.core.sqlite.prepare('SELECT key, value FROM company_settings').all() as { key: string; value: string }[]).map((row) => [
        row.key,
        row.value,
      ]),
    );
    recordCompanySettingsUpdate(
      this.core,
      {
        values: {
          due_working_days: input.dueWorkingDays,
          ...(input.meterMountingWorkingDays === undefined ? {} : { meter_mounting_working_days: input.meterMountingWorkingDays }),
          auto_approve_metering_point_work: input.autoApproveMeteringPointWork,
          developer_project_min_units: input.developerProjectMinUnits,
          ...(input.releaseOnAcceptance === undefined ? {} : { release_on_acceptance: input.releaseOnAcceptance }),
        },
      },
      previous,
    );
    return this.get();
  }
}

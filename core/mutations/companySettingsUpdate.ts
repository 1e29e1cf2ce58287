// `companySettings.update`: a supervisor's change to company practice (company_settings, by key). Like
// `quarantine.update` it belongs to no case: it is written to the outbox with case_id NULL — standalone as the
// audit (and applied to the local table at once), with a central server to be shipped, where the applier writes
// it as the person and PostgreSQL refuses anyone but a supervisor. Until the server has it, the settings are
// read with the pending change on top (casework/companySettings.ts).
import { z } from 'zod';
import { fail } from '../../shared/contract';
import { COMPANY_PRACTICE_LIMITS } from '../../shared/rules/companyPractice';
import type { CoreContext } from '../context';
import { recordCaselessChange } from './caselessChange';

export const COMPANY_SETTINGS_UPDATE = 'companySettings.update';

const { dueWorkingDays, meterMountingWorkingDays, developerProjectMinUnits } = COMPANY_PRACTICE_LIMITS;

/** The values by their company_settings keys; checked again by the central applier (an outbox can be forged). */
export const CompanySettingsUpdateArgs = z
  .object({
    values: z
      .object({
        due_working_days: z.number().int().min(dueWorkingDays.min).max(dueWorkingDays.max),
        meter_mounting_working_days: z.number().int().min(meterMountingWorkingDays.min).max(meterMountingWorkingDays.max),
        auto_approve_metering_point_work: z.boolean(),
        developer_project_min_units: z.number().int().min(developerProjectMinUnits.min).max(developerProjectMinUnits.max),
        release_on_acceptance: z.boolean(),
      })
      .partial()
      .strict(),
  })
  .strict();
export type CompanySettingsUpdateArgs = z.infer<typeof CompanySettingsUpdateArgs>;

/** Records the change (and, standalone, makes it); returns the outbox seq. Only a supervisor may. */
export function recordCompanySettingsUpdate(core: CoreContext, rawArgs: CompanySettingsUpdateArgs, previous: Record<string, string | null>): number {
  const args = CompanySettingsUpdateArgs.parse(rawArgs);
  if (core.currentUser().role !== 'supervisor') fail('permission.denied');
  return recordCaselessChange(core, {
    mutation: COMPANY_SETTINGS_UPDATE,
    args,
    precondition: { previous },
    applyLocally: () => {
      const upsert = core.sqlite.prepare(
        'INSERT INTO company_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      for (const [key, value] of Object.entries(args.values)) upsert.run(key, JSON.stringify(value));
    },
  });
}

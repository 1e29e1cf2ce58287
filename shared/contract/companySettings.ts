// Company practice (Innstillinger → "Selskapets praksis"): the company settings the casework uses, read by
// everyone and changed by supervisors only. Stored in company_settings by key; here under the names the UI uses.
import { z } from 'zod';
import { COMPANY_PRACTICE_LIMITS } from '../rules/companyPractice';
import { call, type DomainCalls } from './call';
import { Empty } from './common';

const { dueWorkingDays, meterMountingWorkingDays, developerProjectMinUnits } = COMPANY_PRACTICE_LIMITS;

export const CompanySettingsSaveInput = z
  .object({
    dueWorkingDays: z.number().int().min(dueWorkingDays.min).max(dueWorkingDays.max),
    /** The meter mounted within this many working days of the ferdigmelding; left out = unchanged. */
    meterMountingWorkingDays: z.number().int().min(meterMountingWorkingDays.min).max(meterMountingWorkingDays.max).optional(),
    autoApproveMeteringPointWork: z.boolean(),
    developerProjectMinUnits: z.number().int().min(developerProjectMinUnits.min).max(developerProjectMinUnits.max),
    /** Release the work (the installer's start approval) on acceptance instead of on payment; left out = unchanged. */
    releaseOnAcceptance: z.boolean().optional(),
  })
  .strict();
export type CompanySettingsValues = z.infer<typeof CompanySettingsSaveInput>;

export interface CompanySettingsView {
  /** What the casework uses now: the stored values (with this client's unsent change on top), else the defaults. */
  values: CompanySettingsValues;
  /** The shipped defaults, for keys the company never set. */
  defaults: CompanySettingsValues;
  /** Only a supervisor may change company practice. */
  canEdit: boolean;
  /** A change made here that the central database has not yet recorded. */
  pending: boolean;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const companySettingsCalls = {
  'companySettings.get': call<CompanySettingsView>()(Empty),
  'companySettings.save': call<CompanySettingsView>()(CompanySettingsSaveInput),
} satisfies DomainCalls;

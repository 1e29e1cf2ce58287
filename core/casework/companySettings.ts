// Company practice kept as data in company_settings (values are JSON texts), read with a fallback so a company
// that never set a key gets the shipped default.
import type Database from 'better-sqlite3';
import { COMPANY_SETTINGS_UPDATE } from '../mutations/companySettingsUpdate';

export const COMPANY_SETTING_DEFAULTS = {
  /** Case handling within N working days of completeness (domain.md, "Service targets"). */
  due_working_days: 15,
  /** The meter mounted within N working days of the ferdigmelding (domain.md, "Service targets"; rules/meterClock.ts). */
  meter_mounting_working_days: 5,
  /** Simple work at a metering point that passes every check is approved by a rule. */
  auto_approve_metering_point_work: false,
  /** A request with at least this many units is a developer's project, routed out of the normal flow. */
  developer_project_min_units: 10,
  /** The installer's start approval goes out when the owner accepts the offer (else only once it is paid). */
  release_on_acceptance: false,
} as const;

export type CompanySettingKey = keyof typeof COMPANY_SETTING_DEFAULTS;

/**
 * This client's changes to company practice that the central database has not yet recorded, by key (JSON texts),
 * the latest winning: the local view is "server rows + pending outbox", as for cases. Standalone: none.
 */
export function pendingCompanySettings(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite
    .prepare(`SELECT args FROM outbox WHERE state = 'pending' AND mutation = ? ORDER BY seq`)
    .all(COMPANY_SETTINGS_UPDATE) as { args: string }[];
  const pending = new Map<string, string>();
  for (const row of rows) {
    const values = (JSON.parse(row.args) as { values?: Record<string, unknown> }).values ?? {};
    for (const [key, value] of Object.entries(values)) pending.set(key, JSON.stringify(value));
  }
  return pending;
}

/**
 * The value of `key` in effect here (a pending change on top of the stored row), or `fallback` when there is none
 * or it is not valid JSON of the fallback's type.
 */
export function readCompanySetting<T>(sqlite: Database.Database, key: string, fallback: T): T {
  const pending = pendingCompanySettings(sqlite).get(key);
  if (pending !== undefined) return settingFromText(pending, fallback);
  const row = sqlite.prepare('SELECT value FROM company_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return settingFromText(row?.value, fallback);
}

/** A stored value (JSON text), or `fallback` when there is none or it is not valid JSON of the fallback's type. */
export function settingFromText<T>(text: string | undefined, fallback: T): T {
  if (text === undefined) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === typeof fallback && value !== null ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

/** A count of working days as stored (JSON text): a whole number ≥ 1, else `fallback` (as if never set). */
export function workingDaysFromText(text: string | undefined, fallback: number): number {
  const days = settingFromText(text, fallback);
  return Number.isInteger(days) && days >= 1 ? days : fallback;
}

type WorkingDaysKey = 'due_working_days' | 'meter_mounting_working_days';

function workingDaysSetting(sqlite: Database.Database, key: WorkingDaysKey): number {
  const fallback = COMPANY_SETTING_DEFAULTS[key];
  const days = readCompanySetting<number>(sqlite, key, fallback);
  return Number.isInteger(days) && days >= 1 ? days : fallback;
}

/** The working days from completeness to the due date, as the company set it (a whole number ≥ 1). */
export const dueWorkingDays = (sqlite: Database.Database): number => workingDaysSetting(sqlite, 'due_working_days');

/** The working days from the ferdigmelding to the meter mounted, as the company set it (rules/meterClock.ts). */
export const meterMountingWorkingDays = (sqlite: Database.Database): number =>
  workingDaysSetting(sqlite, 'meter_mounting_working_days');

/** Writes the shipped defaults for keys the company has not set (a new or demo database). */
export function storeCompanySettingDefaults(sqlite: Database.Database): void {
  const insert = sqlite.prepare('INSERT INTO company_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  for (const [key, value] of Object.entries(COMPANY_SETTING_DEFAULTS)) insert.run(key, JSON.stringify(value));
}

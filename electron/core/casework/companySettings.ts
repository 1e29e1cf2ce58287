// Company practice kept as data in company_settings (values are JSON texts), read with a fallback so a company
// that never set a key gets the shipped default.
import type Database from 'better-sqlite3';

export const COMPANY_SETTING_DEFAULTS = {
  /** Case handling within N working days of completeness (domain.md, "Service targets"). */
  due_working_days: 15,
  /** Simple work at a metering point that passes every check is approved by a rule. */
  auto_approve_metering_point_work: false,
  /** A request with at least this many units is a developer's project, routed out of the normal flow. */
  developer_project_min_units: 10,
} as const;

export type CompanySettingKey = keyof typeof COMPANY_SETTING_DEFAULTS;

/** The stored value of `key`, or `fallback` when there is none or it is not valid JSON of the fallback's type. */
export function readCompanySetting<T>(sqlite: Database.Database, key: string, fallback: T): T {
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

/** The working days from completeness to the due date, as the company set it (a whole number ≥ 1). */
export function dueWorkingDays(sqlite: Database.Database): number {
  const days = readCompanySetting(sqlite, 'due_working_days', COMPANY_SETTING_DEFAULTS.due_working_days);
  return Number.isInteger(days) && days >= 1 ? days : COMPANY_SETTING_DEFAULTS.due_working_days;
}

/** Writes the shipped defaults for keys the company has not set (a new or demo database). */
export function storeCompanySettingDefaults(sqlite: Database.Database): void {
  const insert = sqlite.prepare('INSERT INTO company_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  for (const [key, value] of Object.entries(COMPANY_SETTING_DEFAULTS)) insert.run(key, JSON.stringify(value));
}

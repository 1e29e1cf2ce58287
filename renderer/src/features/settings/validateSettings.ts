// The central server's settings as the form holds them, checked before they go anywhere: the same limits the
// contract's schema enforces, said beside the field in words.
import type { TFunction } from 'i18next';
import type { CentralSettingsInput, CentralSettingsView } from '../../api/contract';

export type SettingsField = 'host' | 'port' | 'database' | 'user';
export const SETTINGS_FIELDS: readonly SettingsField[] = ['host', 'port', 'database', 'user'];

export interface SettingsValues {
  host: string;
  /** A number once typed; '' while empty (as Mantine's NumberInput gives it). */
  port: number | string;
  database: string;
  user: string;
  /** Empty: keep the stored password (or use none). */
  password: string;
}

export type SettingsErrors = Partial<Record<SettingsField, string>>;

const HOST = /^[A-Za-z0-9.\-:[\]]+$/;
const MAX = { host: 255, database: 63, user: 63 } as const;
export const DEFAULT_PORT = 5432;

export function initialValues(central: CentralSettingsView['central']): SettingsValues {
  return central
    ? { host: central.host, port: central.port, database: central.database, user: central.user, password: '' }
    : { host: '', port: DEFAULT_PORT, database: '', user: '', password: '' };
}

export function validateSettings(t: TFunction, values: SettingsValues): SettingsErrors {
  const errors: SettingsErrors = {};
  const host = values.host.trim();
  if (host === '') errors.host = t('settings.validation.hostRequired');
  else if (host.length > MAX.host) errors.host = t('settings.validation.tooLong', { field: t('settings.central.host'), maximum: MAX.host });
  else if (!HOST.test(host)) errors.host = t('settings.validation.host');

  const port = typeof values.port === 'number' ? values.port : Number(values.port);
  if (values.port === '' || !Number.isInteger(port) || port < 1 || port > 65_535) errors.port = t('settings.validation.port');

  for (const field of ['database', 'user'] as const) {
    const value = values[field].trim();
    if (value === '') errors[field] = t(`settings.validation.${field}Required`);
    else if (value.length > MAX[field]) {
      errors[field] = t('settings.validation.tooLong', { field: t(`settings.central.${field}`), maximum: MAX[field] });
    }
  }
  return errors;
}

/** What the core gets: trimmed, the port a number, and no password at all when the field was left empty. */
export function toSettingsInput(values: SettingsValues): CentralSettingsInput {
  return {
    host: values.host.trim(),
    port: Number(values.port),
    database: values.database.trim(),
    user: values.user.trim(),
    ...(values.password === '' ? {} : { password: values.password }),
  };
}

export function describeServer(settings: { host: string; port: number; database: string; user: string }): string {
  return `${settings.user}@${settings.host}:${settings.port}/${settings.database}`;
}

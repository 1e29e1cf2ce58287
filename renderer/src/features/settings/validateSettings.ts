// The central service's settings as the form holds them, checked before they go anywhere: the address must be
// https (plain http only to this machine), a sign-in needs a user name and a password. The core checks again
// with the same rule (checkServiceUrl) and says why it refuses; these are the same words, beside the field.
import type { TFunction } from 'i18next';
import type { CentralSettingsView, CentralSignInInput, CentralTestInput } from '../../api/contract';

export type SettingsField = 'url' | 'username' | 'password';
export const SETTINGS_FIELDS: readonly SettingsField[] = ['url', 'username', 'password'];

export interface SettingsValues {
  url: string;
  username: string;
  /** Never prefilled: the password is not stored anywhere. */
  password: string;
}

export type SettingsErrors = Partial<Record<SettingsField, string>>;

const MAX = { url: 2_048, username: 63, password: 1_024 } as const;
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function initialValues(central: CentralSettingsView['central']): SettingsValues {
  return { url: central?.url ?? '', username: central?.username ?? '', password: '' };
}

/** The address's problem as the core would name it: invalidUrl, insecureUrl, or null when it can be used. */
export function urlProblem(raw: string): 'invalidUrl' | 'insecureUrl' | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'invalidUrl';
  }
  if (url.username || url.password || url.search || url.hash) return 'invalidUrl';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return LOOPBACK.test(url.hostname) ? null : 'insecureUrl';
  return 'invalidUrl';
}

/** `what`: a test needs only the address (and a user name with a password); signing in needs all three. */
export function validateSettings(t: TFunction, values: SettingsValues, what: 'test' | 'save'): SettingsErrors {
  const errors: SettingsErrors = {};
  const url = values.url.trim();
  if (url === '') errors.url = t('settings.validation.urlRequired');
  else if (url.length > MAX.url) errors.url = t('settings.validation.tooLong', { field: t('settings.central.url'), maximum: MAX.url });
  else {
    const problem = urlProblem(url);
    if (problem) errors.url = t(`settings.reason.${problem}`);
  }

  const username = values.username.trim();
  if (username === '' && what === 'save') errors.username = t('settings.validation.userRequired');
  else if (username === '' && values.password !== '') errors.username = t('settings.validation.userForPassword');
  else if (username.length > MAX.username) {
    errors.username = t('settings.validation.tooLong', { field: t('settings.central.user'), maximum: MAX.username });
  }

  if (values.password === '' && what === 'save') errors.password = t('settings.validation.passwordRequired');
  else if (values.password.length > MAX.password) {
    errors.password = t('settings.validation.tooLong', { field: t('settings.central.password'), maximum: MAX.password });
  }
  return errors;
}

/** What "Test tilkobling" sends: the address, and the user name and password only when both are typed. */
export function toTestInput(values: SettingsValues): CentralTestInput {
  const username = values.username.trim();
  return {
    url: values.url.trim(),
    ...(username !== '' && values.password !== '' ? { username, password: values.password } : {}),
  };
}

export function toSignInInput(values: SettingsValues): CentralSignInInput {
  return { url: values.url.trim(), username: values.username.trim(), password: values.password };
}

import type { CentralSettings } from '../sync/centralConnection';

/**
 * Where the central server's settings live, provided by the shell: Electron keeps the password with the
 * operating system's keychain (safeStorage), never in a plain file; the browser harness keeps it in memory.
 */
export interface SettingsHost {
  load(): CentralSettings | null;
  password(): string | null;
  /** `password` undefined keeps the stored one; null removes it. */
  save(settings: CentralSettings, password: string | null | undefined): void;
  clear(): void;
  passwordStorage: 'keychain' | 'session-only';
  /** Reopens the core with the saved settings (a new cache for a new server), then reloads the window. */
  requestRestart(): void;
}

/** Settings kept in memory only: for tests, and the harness when no shell stores them. */
export function memorySettingsHost(initial: { settings: CentralSettings | null; password: string | null } = { settings: null, password: null }): SettingsHost {
  let settings = initial.settings;
  let password = initial.password;
  return {
    load: () => settings,
    password: () => password,
    save(next, nextPassword) {
      settings = next;
      if (nextPassword !== undefined) password = nextPassword;
    },
    clear() {
      settings = null;
      password = null;
    },
    passwordStorage: 'session-only',
    requestRestart: () => undefined,
  };
}

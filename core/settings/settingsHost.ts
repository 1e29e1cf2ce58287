// Where the central service's settings live, provided by the shell. What is kept: the service's URL, who signs
// in there, and the bearer token the service gave at sign-in — never the password. Electron keeps the token
// with the operating system's keychain (safeStorage), never in a plain file; where there is no keychain, and in
// the browser harness, it is kept in memory for the session only.

/** The service the desk works against and the person signed in there (their user id). */
export interface CentralSettings {
  /** The service's base URL, as checkServiceUrl normalised it (https, or http to loopback only). */
  url: string;
  /** The person's user name at the service (= their user id in the desk). */
  username: string;
  /** PEM of a company certificate authority to trust for this URL (set by an administrator, not the form). */
  ca?: string;
}

/** A token from the service's sign-in, with the moment the service stops accepting it. */
export interface SavedToken {
  value: string;
  /** ISO timestamp. */
  expiresAt: string;
}

export interface SettingsHost {
  load(): CentralSettings | null;
  /** The stored token, or null (none, signed out, or session-only storage after a restart). */
  token(): string | null;
  /** When the stored token expires (ISO), or null without a token. */
  tokenExpiresAt(): string | null;
  /** `token` undefined keeps the stored one; null removes it (signed out). */
  save(settings: CentralSettings, token: SavedToken | null | undefined): void;
  /** Forgets the settings and the token: standalone. */
  clear(): void;
  tokenStorage: 'keychain' | 'session-only';
  /** Reopens the core with the saved settings (a new cache for a new service or person), then reloads the window. */
  requestRestart(): void;
}

/** Settings kept in memory only: for tests, and the harness when no shell stores them. */
export function memorySettingsHost(
  initial: { settings: CentralSettings | null; token: SavedToken | null } = { settings: null, token: null },
  requestRestart: () => void = () => undefined,
): SettingsHost {
  let settings = initial.settings;
  let token = initial.token;
  return {
    load: () => settings,
    token: () => token?.value ?? null,
    tokenExpiresAt: () => token?.expiresAt ?? null,
    save(next, nextToken) {
      const sameAccount = settings?.url === next.url && settings.username === next.username;
      settings = next;
      // A token belongs to its service and person: never carried over to another.
      if (nextToken !== undefined) token = nextToken;
      else if (!sameAccount) token = null;
    },
    clear() {
      settings = null;
      token = null;
    },
    tokenStorage: 'session-only',
    requestRestart,
  };
}

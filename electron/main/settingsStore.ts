// The central service's settings in the user's data folder: its URL and who signs in there, in plain JSON, and
// the bearer token from sign-in encrypted by the operating system's keychain through safeStorage — never in
// plain text. Where no keychain exists (some Linux desktops), the token is kept in memory for this session only
// and the person signs in again next time. The password is never stored anywhere.
import { app, safeStorage } from 'electron';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CentralSettings, SavedToken, SettingsHost } from '../../core/settings/settingsHost';

interface StoredFile {
  settings: CentralSettings;
  /** safeStorage's ciphertext of the token, base64. */
  encryptedToken?: string;
  tokenExpiresAt?: string;
}

function isStoredFile(value: unknown): value is StoredFile {
  if (typeof value !== 'object' || value === null) return false;
  const settings = (value as { settings?: unknown }).settings as Partial<CentralSettings> | undefined;
  return typeof settings?.url === 'string' && typeof settings.username === 'string';
}

export function electronSettingsHost(requestRestart: () => void): SettingsHost {
  const file = path.join(app.getPath('userData'), 'central-service.json');
  // The PostgreSQL-era file kept the database password (encrypted); nothing reads it now, so it goes.
  rmSync(path.join(app.getPath('userData'), 'central-server.json'), { force: true });
  const keychain = safeStorage.isEncryptionAvailable();
  let sessionToken: SavedToken | null = null;
  const read = (): StoredFile | null => {
    if (!existsSync(file)) return null;
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return isStoredFile(parsed) ? parsed : null;
    } catch {
      return null;
    }
  };
  const storedToken = (): SavedToken | null => {
    const stored = read();
    if (stored?.encryptedToken && keychain) {
      try {
        return { value: safeStorage.decryptString(Buffer.from(stored.encryptedToken, 'base64')), expiresAt: stored.tokenExpiresAt ?? '' };
      } catch {
        return null; // another user's or another machine's keychain: sign in again
      }
    }
    return sessionToken;
  };
  return {
    load: () => read()?.settings ?? null,
    token: () => storedToken()?.value ?? null,
    tokenExpiresAt: () => storedToken()?.expiresAt || null,
    save(settings, token) {
      const previous = read();
      const sameAccount = previous?.settings.url === settings.url && previous.settings.username === settings.username;
      let next: StoredFile = { settings };
      if (token === undefined && sameAccount) {
        next = { ...previous, settings };
      } else if (token === undefined) {
        sessionToken = null; // a token belongs to its service and person: never carried over to others
      } else {
        sessionToken = null;
        if (token !== null && keychain) {
          next = { settings, encryptedToken: safeStorage.encryptString(token.value).toString('base64'), tokenExpiresAt: token.expiresAt };
        } else if (token !== null) {
          sessionToken = token;
        }
      }
      writeFileSync(file, JSON.stringify(next, null, 2), { mode: 0o600 });
    },
    clear() {
      sessionToken = null;
      rmSync(file, { force: true });
    },
    tokenStorage: keychain ? 'keychain' : 'session-only',
    requestRestart,
  };
}

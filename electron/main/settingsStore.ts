// The central server's settings in the user's data folder; the password encrypted by the operating system's
// keychain through safeStorage, never in plain text. Where no keychain exists (some Linux desktops), the
// password is kept for this session only and asked for again next time.
import { app, safeStorage } from 'electron';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SettingsHost } from '../core/settings/settingsHost';
import type { CentralSettings } from '../core/sync/centralConnection';

interface StoredFile {
  settings: CentralSettings;
  encryptedPassword?: string;
}

export function electronSettingsHost(requestRestart: () => void): SettingsHost {
  const file = path.join(app.getPath('userData'), 'central-server.json');
  const keychain = safeStorage.isEncryptionAvailable();
  let sessionPassword: string | null = null;
  const read = (): StoredFile | null => {
    if (!existsSync(file)) return null;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as StoredFile;
    } catch {
      return null;
    }
  };
  return {
    load: () => read()?.settings ?? null,
    password() {
      const stored = read()?.encryptedPassword;
      if (stored && keychain) return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      return sessionPassword;
    },
    save(settings, password) {
      const previous = read();
      let encryptedPassword = previous?.encryptedPassword;
      if (password !== undefined) {
        encryptedPassword = undefined;
        sessionPassword = null;
        if (password !== null && keychain) encryptedPassword = safeStorage.encryptString(password).toString('base64');
        else if (password !== null) sessionPassword = password;
      }
      writeFileSync(file, JSON.stringify({ settings, encryptedPassword } satisfies StoredFile, null, 2), { mode: 0o600 });
    },
    clear() {
      sessionPassword = null;
      rmSync(file, { force: true });
    },
    passwordStorage: keychain ? 'keychain' : 'session-only',
    requestRestart,
  };
}

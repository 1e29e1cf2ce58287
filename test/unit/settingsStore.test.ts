// The Electron settings store with a stand-in for Electron: the file holds the URL and user name in plain JSON
// and the token only as the keychain's ciphertext; without a keychain the token lives in memory only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ userData: '', keychain: true }));

vi.mock('electron', () => ({
  app: { getPath: () => state.userData },
  safeStorage: {
    isEncryptionAvailable: () => state.keychain,
    encryptString: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
    decryptString: (data: Buffer) => Buffer.from(data.toString().replace(/^enc:/, ''), 'hex').toString(),
  },
}));

const { electronSettingsHost } = await import('../../electron/main/settingsStore');

const SETTINGS = { url: 'https://nett.example.no', username: 'anne' };
const TOKEN = { value: 'secret-token-value', expiresAt: '2099-01-01T00:00:00.000Z' };
const file = () => path.join(state.userData, 'central-service.json');

beforeEach(() => {
  state.userData = mkdtempSync(path.join(tmpdir(), 'settings-store-'));
  state.keychain = true;
});
afterEach(() => rmSync(state.userData, { recursive: true, force: true }));

describe('electronSettingsHost', () => {
  it('keeps the token with the keychain, never in plain text, and across a restart', () => {
    const host = electronSettingsHost(() => undefined);
    expect(host.tokenStorage).toBe('keychain');
    host.save(SETTINGS, TOKEN);
    expect(readFileSync(file(), 'utf8')).not.toContain(TOKEN.value);
    const restarted = electronSettingsHost(() => undefined);
    expect(restarted.load()).toEqual(SETTINGS);
    expect(restarted.token()).toBe(TOKEN.value);
    expect(restarted.tokenExpiresAt()).toBe(TOKEN.expiresAt);
    restarted.save(SETTINGS, null);
    expect(restarted.token()).toBeNull();
    expect(restarted.load()).toEqual(SETTINGS);
  });

  it('without a keychain keeps the token for the session only', () => {
    state.keychain = false;
    const host = electronSettingsHost(() => undefined);
    expect(host.tokenStorage).toBe('session-only');
    host.save(SETTINGS, TOKEN);
    expect(host.token()).toBe(TOKEN.value);
    expect(readFileSync(file(), 'utf8')).not.toContain(TOKEN.value);
    expect(electronSettingsHost(() => undefined).token()).toBeNull();
  });

  it('never carries a token over to another service or person', () => {
    const host = electronSettingsHost(() => undefined);
    host.save(SETTINGS, TOKEN);
    host.save(SETTINGS, undefined);
    expect(host.token()).toBe(TOKEN.value);
    host.save({ ...SETTINGS, url: 'https://other.example.no' }, undefined);
    expect(host.token()).toBeNull();
  });

  it('removes the old PostgreSQL-era file with its stored password', () => {
    const legacy = path.join(state.userData, 'central-server.json');
    writeFileSync(legacy, JSON.stringify({ settings: { host: 'db', port: 5432 }, encryptedPassword: 'x' }));
    electronSettingsHost(() => undefined);
    expect(existsSync(legacy)).toBe(false);
  });

  it('clear forgets everything', () => {
    const host = electronSettingsHost(() => undefined);
    host.save(SETTINGS, TOKEN);
    host.clear();
    expect(host.load()).toBeNull();
    expect(host.token()).toBeNull();
  });
});

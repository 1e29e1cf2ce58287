// Opens the core the way the settings say: standalone on the seeded demo database, or as a cache of the
// central service (one cache file per service and person, so switching never mixes their data) — but only with
// a token to work with. Saved settings without a usable token (signed out, expired, or a session-only token
// after a restart) open a signed-out desk instead: it answers the settings screen and says everywhere else that
// the person must sign in again; signing in restarts the core on the cache.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { osloDate, systemClock } from './clock';
import { createCore, type Core } from './createCore';
import { contract, type ApiName, type AppError, type SyncStatusView } from '../shared/contract';
import { CentralSettingsService, isTokenUsable } from './settings/centralSettingsService';
import type { CentralSettings, SettingsHost } from './settings/settingsHost';
import { openStandaloneCore, type StandaloneOptions } from './standalone';
import type { RunningCore } from './runningCore';

export function cacheFileFor(dataDirectory: string, settings: { url: string; username: string }): string {
  const identity = `${settings.username}@${settings.url}`;
  return path.join(dataDirectory, `cache-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}.sqlite`);
}

/** What the shell needs of a core: calls in, change batches out, and closing. */
export type Desk = RunningCore;

export class NotSignedIn extends Error {
  constructor(readonly settings: CentralSettings) {
    super(`Not signed in to ${settings.url} as ${settings.username}: sign in again in the settings`);
    this.name = 'NotSignedIn';
  }
}

/** Where the settings say, as a full core; saved settings without a usable token throw NotSignedIn. */
export function openConfiguredCore(options: StandaloneOptions): Core {
  const host = options.host.settings;
  const settings = host?.load() ?? null;
  if (!host || !settings) return openStandaloneCore(options);
  const token = host.token();
  if (token === null || !isTokenUsable(token, host.tokenExpiresAt(), (options.clock ?? systemClock).now())) throw new NotSignedIn(settings);
  const databaseFile = cacheFileFor(options.dataDirectory, settings);
  options.log?.(`Working against ${settings.url} as ${settings.username}; cache ${databaseFile}`);
  let signedOut = false;
  return createCore({
    databaseFile,
    migrationsFolder: options.migrationsFolder,
    attachmentsDirectory: path.join(options.dataDirectory, 'attachments'),
    host: options.host,
    clock: options.clock,
    nativeBinding: options.nativeBinding,
    pdfRenderer: options.pdfRenderer,
    central: {
      service: settings.ca ? { url: settings.url, ca: settings.ca } : { url: settings.url },
      token,
      userId: settings.username,
      // The service refused the token (expired, revoked, account disabled): forget it and reopen signed out.
      onSignedOut() {
        if (signedOut) return;
        signedOut = true;
        options.log?.(`The service at ${settings.url} refused the token of ${settings.username}: signed out`);
        const current = host.load();
        if (current && current.url === settings.url && current.username === settings.username && host.token() === token) {
          host.save(current, null);
          host.requestRestart();
        }
      },
    },
  });
}

/** The shell's entry: the configured core, or the signed-out desk when settings are saved but no token is. */
export function openConfiguredDesk(options: StandaloneOptions): Desk {
  try {
    return openConfiguredCore(options);
  } catch (error) {
    if (!(error instanceof NotSignedIn) || !options.host.settings) throw error;
    options.log?.(error.message);
    return signedOutDesk(options.host.settings, error.settings, () => (options.clock ?? systemClock).now(), options.host.openExternal);
  }
}

/**
 * A desk with no core behind it: the settings calls work (to sign in again), the app's frame gets who is
 * meant to sign in and empty lists, the connection indicator says "signed out", and every other call is
 * answered with central.offline / signedOut, which the renderer says in words with where to sign in.
 */
export function signedOutDesk(
  host: SettingsHost, settings: CentralSettings, now: () => Date = () => new Date(), openExternal?: (url: string) => Promise<void>,
): Desk {
  const settingsCalls = new CentralSettingsService(host, now, { openExternal }).handlers();
  const status: SyncStatusView = {
    mode: 'central',
    state: 'error',
    pending: 0,
    refused: 0,
    progress: null,
    reason: 'signedOut',
    detail: null,
    retryAt: null,
    server: `${settings.username} @ ${settings.url}`,
    skipped: { count: 0, latest: [] },
  };
  const answers: Partial<Record<ApiName, (input: never) => unknown>> = {
    ...settingsCalls,
    'session.get': () => ({ user: { id: settings.username, displayName: settings.username, role: 'reader' }, mode: 'central', today: osloDate(now()) }),
    'reference.get': () => ({ municipalities: [], users: [] }),
    'sync.status': () => status,
    'outbox.refused': () => [],
  };
  const signedOutError: AppError = { code: 'central.offline', params: { reason: 'signedOut' } };
  return {
    async dispatch(name, rawInput) {
      if (!Object.hasOwn(contract, name)) return { ok: false, error: { code: 'call.unknown', params: { name } } };
      const answer = answers[name as ApiName];
      if (!answer) return { ok: false, error: signedOutError };
      const parsed = contract[name as ApiName].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'input.invalid', issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })) },
        };
      }
      try {
        return { ok: true, value: await answer(parsed.data as never) };
      } catch (error) {
        console.error(`[signed-out desk] ${name} failed`, error);
        return { ok: false, error: { code: 'internal' } };
      }
    },
    // Nothing changes while signed out: signing in restarts the core.
    onChange: () => () => undefined,
    async close() {},
  };
}

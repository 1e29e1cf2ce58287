// Opens the core the way the settings say: standalone on the seeded demo database, or as a cache of the
// central server (one cache file per server and login, so switching servers never mixes their data).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createCore, type Core } from './createCore';
import { openStandaloneCore, type StandaloneOptions } from './standalone';

export function cacheFileFor(dataDirectory: string, settings: { host: string; port: number; database: string; user: string }): string {
  const identity = `${settings.user}@${settings.host}:${settings.port}/${settings.database}`;
  return path.join(dataDirectory, `cache-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}.sqlite`);
}

export function openConfiguredCore(options: StandaloneOptions): Core {
  const settings = options.host.settings?.load() ?? null;
  if (!settings) return openStandaloneCore(options);
  const databaseFile = cacheFileFor(options.dataDirectory, settings);
  options.log?.(`Connecting to ${settings.user}@${settings.host}:${settings.port}/${settings.database}; cache ${databaseFile}`);
  return createCore({
    databaseFile,
    migrationsFolder: options.migrationsFolder,
    attachmentsDirectory: path.join(options.dataDirectory, 'attachments'),
    host: options.host,
    clock: options.clock,
    nativeBinding: options.nativeBinding,
    pdfRenderer: options.pdfRenderer,
    central: {
      credentials: { ...settings, password: options.host.settings?.password() ?? null },
      userId: settings.user,
    },
  });
}

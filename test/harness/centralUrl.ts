import type { CentralSettings } from '../../electron/core/sync/centralConnection';

/** `postgres://user:password@host:port/database` as the settings screen would hold it. */
export function settingsFromUrl(url: string): { settings: CentralSettings; password: string | null } {
  const parsed = new URL(url);
  return {
    settings: {
      host: parsed.hostname,
      port: Number(parsed.port || 5432),
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
      user: decodeURIComponent(parsed.username),
    },
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
  };
}

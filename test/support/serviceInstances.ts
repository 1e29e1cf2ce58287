// The central service for tests: real instances (buildService) on loopback ports in front of a test database, as
// desk_service. One shared instance per database for the desks of a test file; more where a test needs several
// instances (two on one database) or other settings (short leases, fast heartbeats).
import type { AddressInfo } from 'node:net';
import { buildService, type Service, type ServiceOptions } from '../../service/buildService';
import type { TestDatabase } from './postgres';

export interface RunningService {
  service: Service;
  url: string;
  close(): Promise<void>;
}

const shared = new Map<string, Promise<RunningService>>();
const started = new Map<string, Set<RunningService>>();

/** A new service instance for the database, listening on 127.0.0.1 at a free port (or `port`). */
export async function startService(
  db: TestDatabase, options: Partial<Omit<ServiceOptions, 'databaseUrl'>> = {}, port = 0,
): Promise<RunningService> {
  const service = await buildService({ databaseUrl: db.serviceUrl, heartbeatMs: 1_000, loginAttemptsPerMinute: 1_000, ...options });
  await service.app.listen({ host: '127.0.0.1', port });
  const address = service.app.server.address() as AddressInfo;
  const running: RunningService = {
    service,
    url: `${options.https ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    async close() {
      started.get(db.databaseName)?.delete(running);
      await service.close();
    },
  };
  if (!started.has(db.databaseName)) started.set(db.databaseName, new Set());
  started.get(db.databaseName)!.add(running);
  return running;
}

/** The instance the desks of this database share, started on first use. */
export function serviceFor(db: TestDatabase): Promise<RunningService> {
  if (!shared.has(db.databaseName)) shared.set(db.databaseName, startService(db));
  return shared.get(db.databaseName)!;
}

/** Closes every instance started for the database (before it is dropped). */
export async function closeServices(db: TestDatabase): Promise<void> {
  shared.delete(db.databaseName);
  await Promise.all([...(started.get(db.databaseName) ?? [])].map((running) => running.close().catch(() => undefined)));
  started.delete(db.databaseName);
}

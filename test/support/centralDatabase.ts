// The setup every central integration test repeats, written once: a fresh migrated test database (seeded with the
// demo generator if asked), an admin connection, connections as logins, desk clients — all closed, the clients'
// files removed and the database dropped after the file (or the describe block) that called it.
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { GroupRole } from '../../service/accounts/staffAccounts';
import { connectCentral } from '../../core/sync/centralConnection';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './postgres';
import { removeClientFiles, seedCentral, startClient, type Client } from './syncClients';
import { closeServices } from './serviceInstances';

export interface CentralDatabase {
  /** The test database (from the first beforeAll on). */
  readonly db: TestDatabase;
  /** A connection as the owner, closed after all. */
  readonly admin: pg.Client;
  /** A plain connection, closed after all. */
  connect(url: string): Promise<pg.Client>;
  /**
   * A new staff account in `group`, and a connection as desk_service acting for it for the whole session
   * (`SET ROLE <group>`, `SET desk.actor = '<username>'`: what the service does per transaction), closed after all.
   * What PostgreSQL refuses on it is what it would refuse even if the service were wrong.
   */
  connectAs(name: string, group: GroupRole): Promise<pg.Client>;
  /** The desk clients started so far, oldest first; push one started otherwise to have it closed and removed too. */
  readonly clients: Client[];
  /** A desk client (see startClient) on this database, closed and its files removed after all. */
  startClient(...args: Tail<Parameters<typeof startClient>>): Promise<Client>;
}

type Tail<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

export interface CentralDatabaseOptions extends TestDatabaseOptions {
  /** Fill the database with this many demo cases (seedCentral). */
  seedCases?: number;
  /** The demo generator's seed. */
  seed?: number;
  /** The admin connection: node-postgres' defaults ('plain') or the desk's own (its type parsers and UTC, 'desk'). */
  admin?: 'plain' | 'desk';
  /** The rest of the file's setup, in the same beforeAll. */
  setup?: (central: CentralDatabase) => Promise<void>;
  /** The beforeAll's timeout (the project's hookTimeout unless given). */
  timeout?: number;
}

/** Registers beforeAll/afterAll for a central test database; the accessors work from the beforeAll on. */
export function useCentralDatabase(prefix: string, options: CentralDatabaseOptions = {}): CentralDatabase {
  let db: TestDatabase | undefined;
  let admin: pg.Client | undefined;
  const connections: pg.Client[] = [];
  const clients: Client[] = [];
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useCentralDatabase: the ${what} is there only from beforeAll on`);
    return value;
  };

  const connect = async (url: string): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: url });
    // A server-side termination (drop with FORCE) must not crash the test process.
    client.on('error', () => undefined);
    await client.connect();
    connections.push(client);
    return client;
  };

  const central: CentralDatabase = {
    get db() {
      return ready(db, 'database');
    },
    get admin() {
      return ready(admin, 'admin connection');
    },
    clients,
    connect,
    async connectAs(name, group) {
      const database = ready(db, 'database');
      const login = await database.createLogin(name, group);
      const client = await connect(database.serviceUrl);
      await client.query(`SET ROLE ${client.escapeIdentifier(group)}`);
      await client.query("SELECT set_config('desk.actor', $1, false)", [login]);
      return client;
    },
    async startClient(...args) {
      const client = await startClient(ready(db, 'database'), ...args);
      clients.push(client);
      return client;
    },
  };

  beforeAll(async () => {
    db = await createTestDatabase(prefix, { migrate: options.migrate });
    if (options.seedCases !== undefined) await seedCentral(db, options.seedCases, options.seed);
    if (options.admin === 'desk') {
      admin = await connectCentral(db.adminUrl);
      connections.push(admin);
    } else {
      admin = await connect(db.adminUrl);
    }
    await options.setup?.(central);
  }, options.timeout);

  afterAll(async () => {
    // A client may have been closed already (a restart): closing it again must not fail the file.
    for (const client of clients) await client.close().catch(() => undefined);
    for (const client of clients) removeClientFiles(client);
    await Promise.all(connections.splice(0).map((client) => client.end().catch(() => undefined)));
    if (db) await closeServices(db);
    await db?.drop();
  });

  return central;
}

// A real PostgreSQL server for tests, whatever the machine offers: DATABASE_URL if set; else the usual local server
// (postgres@127.0.0.1:5432, trust auth) if it answers; else a throwaway cluster started from the system's binaries
// and stopped when this process exits. Each test file then makes its own database with createTestDatabase.
//
// The admin connection must be allowed to CREATE DATABASE and CREATE ROLE (a superuser in practice): the
// migrations create the cluster-wide group roles and desk_service. People are staff accounts of the central service
// (service/accounts/staffAccounts.ts), named after their test database so that test files sharing a cluster never
// collide; they live in the database and go with it.
//
// Connections "as a person" are what the central service opens: desk_service, in the person's group (role) and
// naming them (desk.actor). The test cluster lets desk_service in by trust; a server whose DATABASE_URL needs a
// password needs one for desk_service too: ALTER ROLE desk_service PASSWORD '…' and DESK_SERVICE_PASSWORD=….
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateCentral } from '../../db/central/migrate';
import { upsertStaffAccount, type GroupRole } from '../../service/accounts/staffAccounts';

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Every test account gets this password unless told otherwise. */
export const TEST_PASSWORD = 'desk-test-password';
/** The role the central service logs in as (migration 0015). */
export const SERVICE_ROLE = 'desk_service';

let obtained: Promise<string> | undefined;

/** An admin connection string to a server that runs; the same one for the whole test process. */
export function obtainPostgres(): Promise<string> {
  obtained ??= locateServer();
  return obtained;
}

async function locateServer(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (process.env.DESK_TEST_THROWAWAY_PG !== '1' && (await answers(LOCAL_SERVER))) return LOCAL_SERVER;
  return startThrowawayCluster();
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Debian keeps the server binaries out of PATH, one directory per major version; take the newest. */
function binary(name: string): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const candidate = path.join(root, version, 'bin', name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return name;
}

/** A loopback port nothing listens on just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startThrowawayCluster(): Promise<string> {
  const directory = mkdtempSync(path.join(tmpdir(), 'desk-pg-'));
  const data = path.join(directory, 'data');
  // initdb and the server refuse to run as root: run them as the postgres system user, who must own the directory.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(directory, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', binary(tool), ...args], { stdio: 'pipe' })
      : execFileSync(binary(tool), args, { stdio: 'pipe' });
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // Not running (any more): nothing to stop.
    }
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-A', 'trust', '-U', 'postgres', '-D', data, '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    run('pg_ctl', ['-D', data, '-l', path.join(directory, 'server.log'), '-o', options, '-w', 'start']);
    process.once('exit', stop);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stop();
        process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
      });
    }
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  } catch (error) {
    stop();
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`No PostgreSQL server to test against, and starting a throwaway one failed${detail ? `: ${detail}` : ''}`, { cause: error });
  }
}

function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  if (user !== undefined) {
    parsed.username = encodeURIComponent(user);
    parsed.password = password === undefined ? '' : encodeURIComponent(password);
  }
  return parsed.toString();
}

/** desk_service's connection to a database, optionally already in a group and naming a person (startup options). */
function serviceUrlOf(serverUrl: string, database: string, actAs?: { group: GroupRole; actor: string }): string {
  const url = new URL(withDatabase(serverUrl, database, SERVICE_ROLE, process.env.DESK_SERVICE_PASSWORD));
  if (actAs) url.searchParams.set('options', `-c role=${actAs.group} -c desk.actor=${actAs.actor}`);
  return url.toString();
}

export interface TestDatabase {
  /** Connection as the admin (the owner of everything the migrations made). */
  adminUrl: string;
  databaseName: string;
  /** Connection as desk_service, the central service's login, to this database (no group taken, no actor). */
  serviceUrl: string;
  /**
   * For an account made with createLogin: desk_service already in the account's group and naming it (session-level
   * role and desk.actor, what the service sets per transaction). Any other name: a plain login of that name.
   */
  urlFor(login: string, password?: string): string;
  /** A staff account (app_users + password) in a group; returns its (database-specific) username. */
  createLogin(name: string, group: GroupRole, password?: string): Promise<string>;
  /** The group of an account made with createLogin. */
  groupOf(login: string): GroupRole | undefined;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Leave the database empty (to test the migrations themselves). */
  migrate?: boolean;
}

/** A fresh database with a unique name, migrated with the central migrations unless told otherwise. */
export async function createTestDatabase(prefix: string, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = await obtainPostgres();
  const databaseName = `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 24)}_${randomBytes(4).toString('hex')}`;
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  try {
    await server.query(`CREATE DATABASE ${server.escapeIdentifier(databaseName)}`);
  } finally {
    await server.end();
  }
  const adminUrl = withDatabase(serverUrl, databaseName);
  const groups = new Map<string, GroupRole>();
  const asAdmin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  if (options.migrate !== false) await asAdmin((client) => migrateCentral(client));

  return {
    adminUrl,
    databaseName,
    serviceUrl: serviceUrlOf(serverUrl, databaseName),
    urlFor(login, password = TEST_PASSWORD) {
      const group = groups.get(login);
      return group === undefined
        ? withDatabase(serverUrl, databaseName, login, password)
        : serviceUrlOf(serverUrl, databaseName, { group, actor: login });
    },
    groupOf: (login) => groups.get(login),
    async createLogin(name, group, password = TEST_PASSWORD) {
      const login = `${databaseName}.${name}`;
      if (login.length > 63) throw new Error(`Username too long: ${login}`);
      await asAdmin((client) => upsertStaffAccount(client, { username: login, role: group, password }));
      groups.set(login, group);
      return login;
    },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        // FORCE: a test that failed half-way may leave connections open.
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseName)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

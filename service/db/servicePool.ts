// The service's one way into PostgreSQL: a pool of connections as `desk_service`, with the value shapes the desks'
// caches store (ISO timestamps, numbers, dates as text), and every piece of work done as a person — inside a
// transaction that has taken on their group role and names them as the actor for the triggers and policies.
import pg from 'pg';
import { connectionConfig } from '../../core/sync/centralConnection';
import type { SessionUser } from '../../shared/serviceApi';

export function createServicePool(databaseUrl: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ ...connectionConfig(databaseUrl), application_name: 'desk-service', max });
  // A connection that breaks while idle must not take the service down; the next query gets a fresh one.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Runs `work` in one transaction with the given settings made local to it (`role` switches the role the grants and
 * row-level security see; `desk.actor`, `portal.firm`, … are what the triggers and policies read). Rolled back when
 * `work` throws; a connection whose rollback failed is not handed out again.
 */
export async function inTransaction<T>(
  pool: pg.Pool, settings: Record<string, string>, work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const names = Object.keys(settings);
    if (names.length > 0) {
      await client.query(`SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
        names.flatMap((name) => [name, settings[name]]));
    }
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Runs `work` in one transaction as `user`: SET LOCAL ROLE to their group (so PostgreSQL's grants and row-level
 * security apply as the second line) and `desk.actor` to their id (so the history names them, not the service).
 */
export function asPerson<T>(pool: pg.Pool, user: SessionUser, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, { role: user.role, 'desk.actor': user.id }, work);
}

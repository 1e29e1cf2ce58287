// The service's one way into PostgreSQL: a pool of connections as `desk_service`, with the value shapes the desks'
// caches store (ISO timestamps, numbers, dates as text), and every piece of work done as a person — inside a
// transaction that has taken on their group role and names them as the actor for the triggers and policies.
import pg from 'pg';
import { connectionConfig } from '../../electron/core/sync/centralConnection';
import type { SessionUser } from '../../electron/shared/serviceApi';

export function createServicePool(databaseUrl: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ ...connectionConfig(databaseUrl), application_name: 'desk-service', max });
  // A connection that breaks while idle must not take the service down; the next query gets a fresh one.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Runs `work` in one transaction as `user`: SET LOCAL ROLE to their group (so PostgreSQL's grants and row-level
 * security apply as the second line) and `desk.actor` to their id (so the history names them, not the service).
 */
export async function asPerson<T>(pool: pg.Pool, user: SessionUser, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('role', $1, true), set_config('desk.actor', $2, true)", [user.role, user.id]);
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

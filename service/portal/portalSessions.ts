// Portal sessions: a random bearer token handed to the user once and kept only as its SHA-256 (portal_sessions,
// migration 0017), like the staff's sessions. Every piece of work for a signed-in user runs in one transaction as
// the group role portal_user with portal.firm and portal.user set, so row-level security keeps it to the firm.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { unauthorized } from '../http/errors';

export const PORTAL_SESSION_HOURS = 8;

export const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');
export const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

export interface PortalSession {
  tokenSha256: string;
  userId: string;
  firmId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  firmName: string;
  organisationNumber: string;
  expiresAt: string;
}

/** Who acts in a portal transaction. */
export interface PortalActor {
  userId: string;
  firmId: string;
}

/** Runs `work` in one transaction as portal_user for the firm (and user): the policies of 0017 apply. */
export async function asFirm<T>(pool: pg.Pool, actor: PortalActor, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query(
      "SELECT set_config('role', 'portal_user', true), set_config('portal.firm', $1, true), set_config('portal.user', $2, true)",
      [actor.firmId, actor.userId],
    );
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

export async function issuePortalSession(pool: pg.Pool, actor: PortalActor, hours = PORTAL_SESSION_HOURS): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = await asFirm(pool, actor, async (client) => {
    const { rows } = await client.query<{ expires_at: unknown }>(
      `INSERT INTO portal_sessions (token_sha256, user_id, firm_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
      [sha256(token), actor.userId, actor.firmId, hours],
    );
    return iso(rows[0].expires_at);
  });
  return { token, expiresAt };
}

/** The session a token names, if it is live, its user enabled and its firm approved; null otherwise. */
export async function portalSessionOf(pool: pg.Pool, token: string): Promise<PortalSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenSha256 = sha256(token);
  const { rows: [row] } = await pool.query<{
    user_id: string; firm_id: string; email: string; name: string; is_admin: boolean; must_change_password: boolean;
    firm_name: string; organisation_number: string; expires_at: unknown;
  }>('SELECT * FROM portal_session_of($1)', [tokenSha256]);
  if (!row) return null;
  return {
    tokenSha256,
    userId: row.user_id,
    firmId: row.firm_id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin,
    mustChangePassword: row.must_change_password,
    firmName: row.firm_name,
    organisationNumber: row.organisation_number,
    expiresAt: iso(row.expires_at),
  };
}

const sessions = new WeakMap<FastifyRequest, PortalSession>();

export function portalBearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]+)$/.exec(header) : null;
  return match ? match[1] : null;
}

/** A route's preValidation: refuses the call (401) without a live portal session. */
export function requirePortalSession(pool: pg.Pool) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = portalBearer(request);
    const session = token ? await portalSessionOf(pool, token) : null;
    if (!session) throw unauthorized();
    sessions.set(request, session);
  };
}

export function portalSession(request: FastifyRequest): PortalSession {
  const session = sessions.get(request);
  if (!session) throw unauthorized();
  return session;
}

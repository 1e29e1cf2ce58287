// Portal sessions: a random token handed out once and kept only as its SHA-256 (portal_sessions, migration 0017),
// like the staff's sessions. Every piece of work for a signed-in user runs in one transaction as the group role
// portal_user with portal.firm and portal.user set, so row-level security keeps it to the firm.
// The token reaches the service in one of two ways:
//   * the browser's cookie (PORTAL_COOKIE: HttpOnly, Secure, SameSite=Strict) — the portal web app never sees the
//     token. Because a browser sends a cookie on its own, every unsafe request (not GET/HEAD) on a cookie session
//     must also carry the session's CSRF token in the `x-csrf-token` header: SHA-256 of "csrf:" and the session
//     token, given to the app in the login answer and by /me, readable only by script of the portal's own origin
//     (a derived token, so nothing more is stored; knowing it does not reveal the session token);
//   * `Authorization: Bearer <token>` — installers' own software. A browser never adds that header on its own, so a
//     bearer request needs no CSRF token; a request that carries both is taken as a bearer request.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { inTransaction } from '../db/servicePool';
import { ServiceError, unauthorized } from '../http/errors';

/** `__Host-`: the browser keeps it only if Secure, Path=/ and no Domain — no subdomain can set or shadow it. */
export const PORTAL_COOKIE = '__Host-portal-session';
export const CSRF_HEADER = 'x-csrf-token';

export const PORTAL_SESSION_HOURS = 8;

export const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');
export const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

export interface PortalSession {
  tokenSha256: string;
  /** What an unsafe request on the cookie session must carry in `x-csrf-token`. */
  csrfToken: string;
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
export function asFirm<T>(pool: pg.Pool, actor: PortalActor, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, { role: 'portal_user', 'portal.firm': actor.firmId, 'portal.user': actor.userId }, work);
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
    csrfToken: csrfTokenFor(token),
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

export const csrfTokenFor = (token: string): string => createHash('sha256').update(`csrf:${token}`).digest('base64url');

const sessions = new WeakMap<FastifyRequest, PortalSession>();

export function portalBearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]+)$/.exec(header) : null;
  return match ? match[1] : null;
}

/** The session token a request carries, and how: the bearer header first, else the cookie. */
export function portalTokenOf(request: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | null {
  const bearer = portalBearer(request);
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = request.cookies[PORTAL_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function csrfHolds(request: FastifyRequest, expected: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

/**
 * A route's preValidation: refuses the call (401) without a live portal session, and (403 csrf.missing) an unsafe
 * request on a cookie session without the session's CSRF token.
 */
export function requirePortalSession(pool: pg.Pool) {
  return async (request: FastifyRequest): Promise<void> => {
    const carried = portalTokenOf(request);
    const session = carried ? await portalSessionOf(pool, carried.token) : null;
    if (!session || !carried) throw unauthorized();
    if (carried.via === 'cookie' && !SAFE_METHODS.has(request.method) && !csrfHolds(request, session.csrfToken)) {
      throw new ServiceError(403, 'csrf.missing', 'The request lacks the session\'s CSRF token (x-csrf-token).');
    }
    sessions.set(request, session);
  };
}

const COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' } as const;

/** Sets the session cookie after a login: as long as the session, for the whole origin, never sent cross-site. */
export function setPortalCookie(reply: FastifyReply, token: string, expiresAt: string): void {
  void reply.setCookie(PORTAL_COOKIE, token, { ...COOKIE_OPTIONS, expires: new Date(expiresAt) });
}

export function clearPortalCookie(reply: FastifyReply): void {
  void reply.clearCookie(PORTAL_COOKIE, COOKIE_OPTIONS);
}

export function portalSession(request: FastifyRequest): PortalSession {
  const session = sessions.get(request);
  if (!session) throw unauthorized();
  return session;
}

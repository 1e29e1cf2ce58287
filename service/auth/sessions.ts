// Bearer sessions: a random token handed to the person once, kept centrally only as its SHA-256 with the person,
// their role and an expiry — so any instance of the service can check it, and disabling an account ends it.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { LoginOutput, SessionUser, StaffRole } from '../../shared/serviceApi';

export const SESSION_HOURS = 12;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session for someone already authenticated (by password or by the identity provider). */
export async function issueSession(db: pg.ClientBase | pg.Pool, user: SessionUser, hours = SESSION_HOURS): Promise<LoginOutput> {
  const token = randomBytes(32).toString('base64url');
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO service_sessions (token_sha256, user_id, role, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
    [sha256(token), user.id, user.role, hours],
  );
  return { token, expiresAt: new Date(rows[0].expires_at).toISOString(), user };
}

/** The person a token names, if the session is live and their account active; null otherwise. */
export async function authenticate(db: pg.ClientBase | pg.Pool, token: string): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const { rows } = await db.query<{ id: string; role: StaffRole; display_name: string }>(
    `SELECT u.id, s.role, u.display_name
       FROM service_sessions s JOIN app_users u ON u.id = s.user_id
      WHERE s.token_sha256 = $1 AND s.expires_at > now() AND u.active AND u.role = s.role`,
    [sha256(token)],
  );
  const row = rows[0];
  return row ? { id: row.id, role: row.role, displayName: row.display_name } : null;
}

export async function endSession(db: pg.ClientBase | pg.Pool, token: string): Promise<void> {
  await db.query('DELETE FROM service_sessions WHERE token_sha256 = $1', [sha256(token)]);
}

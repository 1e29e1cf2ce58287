// People are accounts of the central service, not PostgreSQL logins (migration 0015): an app_users row whose id is
// the username, in one group (app_users.role), and an argon2id password hash in staff_credentials, which only
// desk_service and the owner can read. upsertStaffAccount and disableStaffAccount run as the owner
// (`npm run central:user`); verifyStaffPassword runs as the owner or as desk_service (the service's login).
import { hash, verify } from '@node-rs/argon2';
import type pg from 'pg';

export const GROUP_ROLES = ['case_handler', 'supervisor', 'reader'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export interface StaffAccountSpec {
  username: string;
  role: GroupRole;
  /** Omitted: an existing password stays; a new account without one cannot log in until it gets one. */
  password?: string;
  displayName?: string;
  email?: string | null;
}

/** Lower-case letters, digits, dot, underscore and hyphen: safe in a URL and the same everywhere. */
const USERNAME = /^[a-z][a-z0-9._-]{0,62}$/;

/** Names that are PostgreSQL roles of the model, never a person's username. */
const RESERVED = new Set<string>([...GROUP_ROLES, 'desk_service']);

/** 'kari.nordmann' → 'Kari Nordmann', for when no display name is given. */
export function displayNameOf(username: string): string {
  return username
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

function checkUsername(username: string): void {
  if (!USERNAME.test(username)) {
    throw new Error(`Username "${username}": use lower-case letters, digits, '.', '_' or '-' (at most 63).`);
  }
  if (RESERVED.has(username)) throw new Error(`"${username}" is a role of the database, not a person.`);
}

/** Creates the person's account, or updates it (role, name, email; password when given); makes it active. */
export async function upsertStaffAccount(
  client: pg.ClientBase,
  spec: { username: string; role: 'case_handler' | 'supervisor' | 'reader'; password?: string; displayName?: string; email?: string | null },
): Promise<'created' | 'updated'> {
  checkUsername(spec.username);
  if (!GROUP_ROLES.includes(spec.role)) throw new Error(`Role must be one of ${GROUP_ROLES.join(', ')}: ${spec.role}`);
  if (spec.password !== undefined && spec.password.length < 8) throw new Error('A password needs at least 8 characters.');
  // Hashed before the transaction: argon2id takes a while on purpose.
  const passwordHash = spec.password === undefined ? undefined : await hash(spec.password);
  await client.query('BEGIN');
  try {
    const { rows: [row] } = await client.query<{ created: boolean }>(
      `INSERT INTO app_users (id, display_name, role, email, active) VALUES ($1, $2, $3, $4, true)
       ON CONFLICT (id) DO UPDATE SET display_name = coalesce($5, app_users.display_name), role = excluded.role,
         email = coalesce(excluded.email, app_users.email), active = true
       RETURNING (xmax = 0) AS created`,
      [spec.username, spec.displayName ?? displayNameOf(spec.username), spec.role, spec.email ?? null, spec.displayName ?? null],
    );
    if (passwordHash !== undefined) {
      await client.query(
        `INSERT INTO staff_credentials (user_id, password_hash) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, changed_at = now()`,
        [spec.username, passwordHash],
      );
    }
    // A changed role must not live on in sessions the service granted with the old one.
    if (!row.created) {
      await client.query('DELETE FROM service_sessions WHERE user_id = $1 AND role <> $2', [spec.username, spec.role]);
    }
    await client.query('COMMIT');
    return row.created ? 'created' : 'updated';
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The person can no longer log in, and the sessions they have end now. Their history keeps their name. */
export async function disableStaffAccount(client: pg.ClientBase, username: string): Promise<void> {
  checkUsername(username);
  await client.query('BEGIN');
  try {
    const { rowCount } = await client.query('UPDATE app_users SET active = false WHERE id = $1', [username]);
    if (rowCount !== 1) throw new Error(`No user "${username}".`);
    await client.query('DELETE FROM service_sessions WHERE user_id = $1', [username]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Verified against when the user is unknown, so that an unknown name costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

/** The person, when the username is an active account and the password is theirs; null otherwise. */
export async function verifyStaffPassword(
  client: pg.ClientBase,
  username: string,
  password: string,
): Promise<{ id: string; role: 'case_handler' | 'supervisor' | 'reader'; displayName: string } | null> {
  const { rows: [account] } = await client.query<{ id: string; role: GroupRole; display_name: string; active: boolean; password_hash: string }>(
    `SELECT u.id, u.role, u.display_name, u.active, s.password_hash
       FROM app_users u JOIN staff_credentials s ON s.user_id = u.id
      WHERE u.id = $1`,
    [username],
  );
  if (account === undefined) {
    dummyHash ??= hash('not a password of anyone');
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  const matches = await verify(account.password_hash, password).catch(() => false);
  if (!matches || !account.active || !GROUP_ROLES.includes(account.role)) return null;
  return { id: account.id, role: account.role, displayName: account.display_name };
}

// One login role per person, member of exactly one group role, with the matching app_users row (whose id is
// the login's name, so session_user names the person everywhere). Creating again updates: group, password,
// display name. Runs as a role with CREATEROLE (the migration owner).
import type pg from 'pg';
import { scramSha256Verifier } from './scramVerifier';

export const GROUP_ROLES = ['case_handler', 'supervisor', 'reader'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export interface LoginSpec {
  user: string;
  role: GroupRole;
  /** Omit for single sign-on (GSSAPI/LDAP), where the server checks no password of its own. */
  password?: string;
  displayName?: string;
  email?: string | null;
}

/** Lower-case letters, digits, dot, underscore and hyphen: safe in a URL and the same everywhere. */
const LOGIN_NAME = /^[a-z][a-z0-9._-]{0,62}$/;

/** 'kari.nordmann' → 'Kari Nordmann', for when no display name is given. */
export function displayNameOf(user: string): string {
  return user
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

export async function upsertLogin(client: pg.ClientBase, spec: LoginSpec): Promise<'created' | 'updated'> {
  if (!LOGIN_NAME.test(spec.user)) {
    throw new Error(`Login name "${spec.user}": use lower-case letters, digits, '.', '_' or '-' (at most 63).`);
  }
  if (!GROUP_ROLES.includes(spec.role)) throw new Error(`Role must be one of ${GROUP_ROLES.join(', ')}: ${spec.role}`);
  if ((GROUP_ROLES as readonly string[]).includes(spec.user)) throw new Error(`"${spec.user}" is a group role, not a person.`);
  const ident = (name: string) => client.escapeIdentifier(name);
  const password = spec.password === undefined ? '' : ` PASSWORD ${client.escapeLiteral(scramSha256Verifier(spec.password))}`;
  await client.query('BEGIN');
  try {
    const { rows: [existing] } = await client.query<{ rolsuper: boolean }>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = $1',
      [spec.user],
    );
    // A superuser would bypass every check the groups exist for.
    if (existing?.rolsuper) throw new Error(`"${spec.user}" is a superuser; give each person an ordinary login.`);
    const existed = existing !== undefined;
    if (existed) {
      await client.query(`ALTER ROLE ${ident(spec.user)} WITH LOGIN${password}`);
      for (const other of GROUP_ROLES.filter((g) => g !== spec.role)) {
        await client.query(`REVOKE ${ident(other)} FROM ${ident(spec.user)}`);
      }
      await client.query(`GRANT ${ident(spec.role)} TO ${ident(spec.user)}`);
    } else {
      await client.query(`CREATE ROLE ${ident(spec.user)} WITH LOGIN${password} IN ROLE ${ident(spec.role)}`);
    }
    await client.query(
      `INSERT INTO app_users (id, display_name, role, email, active) VALUES ($1, $2, $3, $4, true)
       ON CONFLICT (id) DO UPDATE SET display_name = coalesce($5, app_users.display_name), role = excluded.role,
         email = coalesce(excluded.email, app_users.email), active = true`,
      [spec.user, spec.displayName ?? displayNameOf(spec.user), spec.role, spec.email ?? null, spec.displayName ?? null],
    );
    await client.query('COMMIT');
    return existed ? 'updated' : 'created';
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

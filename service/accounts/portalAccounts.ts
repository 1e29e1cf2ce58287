// Portal firms and users (migration 0017) for the owner's script, `npm run portal:user`: registers and approves a
// firm that is not there yet (a valid organisation number, active in DSB's register) and adds or updates a user of
// it. The service's own paths (applications, login, the firm's administration) are in service/portal/.
import { hash } from '@node-rs/argon2';
import type pg from 'pg';
import { checkOrganisationNumber } from '../../shared/rules/identifiers';

export const PORTAL_PASSWORD_MIN = 10;

/** argon2id with the library's defaults (the house pattern of staffAccounts.ts). */
export function hashPortalPassword(password: string): Promise<string> {
  return hash(password);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface PortalUserSpec {
  organisationNumber: string;
  email: string;
  password: string;
  admin: boolean;
  name?: string;
}

export interface PortalUserOutcome {
  firm: { id: string; name: string; state: string; created: boolean };
  user: { id: string; created: boolean };
}

/** Runs as the owner (row-level security does not bind it). One transaction: firm and user, or nothing. */
export async function registerPortalUser(client: pg.ClientBase, spec: PortalUserSpec): Promise<PortalUserOutcome> {
  const org = checkOrganisationNumber(spec.organisationNumber);
  if (!org.valid) throw new Error(`Organisation number "${spec.organisationNumber}" is not valid (${org.problem}).`);
  const email = normaliseEmail(spec.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`"${spec.email}" is not an e-mail address.`);
  if (spec.password.length < PORTAL_PASSWORD_MIN) throw new Error(`A password needs at least ${PORTAL_PASSWORD_MIN} characters.`);
  const passwordHash = await hashPortalPassword(spec.password);
  await client.query('BEGIN');
  try {
    const { rows: [registered] } = await client.query<{ name: string; status: string }>(
      'SELECT name, status FROM dsb_register WHERE organisation_number = $1', [org.normalized]);
    if (!registered) throw new Error(`${org.normalized} is not in the DSB register (npm run import-dsb).`);
    if (registered.status !== 'active') throw new Error(`${org.normalized} is ${registered.status} in the DSB register, not active.`);

    let { rows: [firm] } = await client.query<{ id: string; name: string; state: string }>(
      'SELECT id, name, state FROM portal_firms WHERE organisation_number = $1 FOR UPDATE', [org.normalized]);
    const firmCreated = firm === undefined;
    if (firmCreated) {
      ({ rows: [firm] } = await client.query<{ id: string; name: string; state: string }>(
        `INSERT INTO portal_firms (organisation_number, name, contact_email, state, decided_at, decided_by)
         VALUES ($1, $2, $3, 'approved', now(), 'portal:user ' || session_user) RETURNING id, name, state`,
        [org.normalized, registered.name, email]));
    } else if (firm.state === 'refused') {
      throw new Error(`The application of ${firm.name} (${org.normalized}) was refused; no users are added to it.`);
    }

    const { rows: [existing] } = await client.query<{ id: string; firm_id: string }>(
      'SELECT id, firm_id FROM portal_users WHERE email = $1 FOR UPDATE', [email]);
    let user: { id: string; created: boolean };
    if (existing) {
      if (existing.firm_id !== firm.id) throw new Error(`${email} is a user of another firm.`);
      await client.query(
        `UPDATE portal_users SET password_hash = $2, must_change_password = false, is_admin = $3, disabled = false,
           name = coalesce($4, name) WHERE id = $1`,
        [existing.id, passwordHash, spec.admin, spec.name ?? null]);
      user = { id: existing.id, created: false };
    } else {
      const { rows: [row] } = await client.query<{ id: string }>(
        `INSERT INTO portal_users (firm_id, email, name, password_hash, is_admin) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [firm.id, email, spec.name ?? '', passwordHash, spec.admin]);
      user = { id: row.id, created: true };
    }
    await client.query('COMMIT');
    return { firm: { ...firm, created: firmCreated }, user };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

// What every central applier of casework needs: the case locked with what the server knows of it and the person,
// the claim presented, and the status table's refusals in the reasons the desk knows. The appliers themselves live
// with their mutations (mutations/domains/*); the service finds them through the one registry (mutations/registry.ts).
import type pg from 'pg';
import type { UserRole } from '../../shared/rules';
import { RefusedByCentral } from './centralErrors';

export interface CaseState {
  status: string;
  /** The group the service acts in for the person (SET LOCAL ROLE); 'none' for the owner's own tools. */
  role: string;
  assignee_id: string | null;
  claimed_by: string | null;
  claim_live: boolean;
  claim_token: number;
  me: string;
}

export async function lockCase(client: pg.ClientBase, caseId: number): Promise<CaseState> {
  const { rows } = await client.query<CaseState>(
    `SELECT status, current_setting('role') AS role, assignee_id, claimed_by, coalesce(lease_until > now(), false) AS claim_live, claim_token,
            desk_actor() AS me
     FROM cases WHERE id = $1 FOR UPDATE`,
    [caseId],
  );
  if (rows.length === 0) throw new RefusedByCentral('caseMissing');
  return rows[0];
}

/**
 * Writes to a case present the claim token this client saw when the change was made: if the lease ran out and
 * someone else claimed the case since, the token is stale and PostgreSQL (cases_guard) refuses the write.
 */
export async function presentClaim(client: pg.ClientBase, state: CaseState, token: unknown): Promise<void> {
  if (state.claimed_by !== state.me || !state.claim_live) {
    throw new RefusedByCentral(state.claimed_by && state.claim_live ? 'claimedByOther' : 'notClaimed', state.claimed_by ?? undefined);
  }
  await client.query("SELECT set_config('desk.claim_token', $1, true)", [String(token ?? '')]);
}


const USER_ROLES: readonly string[] = ['case_handler', 'supervisor', 'reader'];
export const isUserRole = (role: string): role is UserRole => USER_ROLES.includes(role);

/** A refusal of the status table or its blockers, in the reasons the desk knows. */
export function refusalOf(code: string, status: string): RefusedByCentral {
  if (code === 'permission.denied') return new RefusedByCentral('notPermitted');
  if (code === 'decision.notAllowed') return new RefusedByCentral('statusChanged', status);
  return new RefusedByCentral('invalid', code);
}

// How each outbox mutation is carried out on the central database, as the person who made it (their own
// login role, so PostgreSQL's privileges and row-level security decide). Preconditions recorded with the
// mutation are checked first, so a refusal can say what changed instead of "0 rows updated".
import type pg from 'pg';
import { RefusedByCentral } from './centralErrors';

export interface OutboxEntry {
  seq: number;
  mutation: string;
  args: Record<string, unknown>;
  precondition: Record<string, unknown>;
  caseId: number | null;
  createdAt: string;
}

type Applier = (client: pg.ClientBase, entry: OutboxEntry) => Promise<void>;

interface CaseState {
  status: string;
  assignee_id: string | null;
  claimed_by: string | null;
  claim_live: boolean;
  claim_token: number;
  me: string;
}

async function lockCase(client: pg.ClientBase, caseId: number): Promise<CaseState> {
  const { rows } = await client.query<CaseState>(
    `SELECT status, assignee_id, claimed_by, coalesce(lease_until > now(), false) AS claim_live, claim_token,
            session_user AS me
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
async function presentClaim(client: pg.ClientBase, state: CaseState, token: unknown): Promise<void> {
  if (state.claimed_by !== state.me || !state.claim_live) {
    throw new RefusedByCentral(state.claimed_by && state.claim_live ? 'claimedByOther' : 'notClaimed', state.claimed_by ?? undefined);
  }
  await client.query("SELECT set_config('desk.claim_token', $1, true)", [String(token ?? '')]);
}

const appliers: Record<string, Applier> = {
  async 'case.addNote'(client, { args, createdAt }) {
    // The note's UUID makes a retry a no-op; the author is whoever the server says we are.
    await client.query(
      `INSERT INTO notes (id, case_id, author_id, at, body) VALUES ($1, $2, session_user, $3, $4)
       ON CONFLICT (id) DO NOTHING`,
      [args.noteId, args.caseId, createdAt, args.body],
    );
  },

  async 'case.setStatus'(client, { args, precondition }) {
    const state = await lockCase(client, Number(args.caseId));
    if (precondition.status !== undefined && state.status !== precondition.status) {
      throw new RefusedByCentral('statusChanged', state.status);
    }
    await presentClaim(client, state, precondition.claimToken);
    if (args.reason) await client.query("SELECT set_config('desk.status_reason', $1, true)", [String(args.reason)]);
    await client.query('UPDATE cases SET status = $2 WHERE id = $1', [args.caseId, args.status]);
  },

  async 'case.assign'(client, { args, precondition }) {
    const state = await lockCase(client, Number(args.caseId));
    if ('assigneeId' in precondition && state.assignee_id !== precondition.assigneeId) {
      throw new RefusedByCentral('assigneeChanged', state.assignee_id ?? undefined);
    }
    await client.query('UPDATE cases SET assignee_id = $2 WHERE id = $1', [args.caseId, args.assigneeId]);
  },
};

Object.assign(appliers, {
  async 'case.claim'(client: pg.ClientBase, { args }: OutboxEntry) {
    await client.query('SELECT claim_case($1)', [args.caseId]);
  },
  async 'case.release'(client: pg.ClientBase, { args, precondition }: OutboxEntry) {
    // Releasing a claim that has since lapsed or passed to someone else has nothing left to do.
    const { rows } = await client.query<{ mine: boolean }>(
      'SELECT claimed_by = session_user AND claim_token = $2 AS mine FROM cases WHERE id = $1',
      [args.caseId, precondition.claimToken],
    );
    if (rows[0]?.mine) await client.query('SELECT release_case($1, $2)', [args.caseId, precondition.claimToken]);
  },
} satisfies Record<string, Applier>);

export function centralApplierFor(mutation: string): Applier | null {
  return appliers[mutation] ?? null;
}

// How the central database says no. The SQLSTATEs are what a client should branch on; the message starts with
// the `desk:` reason so that logs read well too. See README.md for what the user should be told.
export const CENTRAL_REFUSALS = {
  /** The claim token presented is not the case's current one, or the caller's claim was released or ran out. */
  stale_claim: 'DK001',
  /** Someone else holds a live claim on the case. */
  claimed_by_other: 'DK002',
  /** A casework write without `SET LOCAL desk.claim_token` — a client bug, not a user's mistake. */
  claim_token_missing: 'DK003',
  /** Anyone, even the owner, trying to update, delete or truncate case events. */
  audit_immutable: 'DK004',
  case_not_found: 'DK005',
  /** Changing or deleting an issued offer (only issued → superseded is allowed). */
  offer_issued_immutable: 'DK006',
  /** Changing or deleting a loaded price list version. */
  price_list_immutable: 'DK007',
  /** Changing or deleting a recorded billing step (only an open flag may be marked resolved, once). */
  billing_event_immutable: 'DK008',
  /** No privilege (reader writing, a case handler assigning, a note in another's name, RLS). */
  permission_denied: '42501',
  /** A lease outside (0, 1 hour]. */
  invalid_lease: '22023',
} as const;

export type CentralRefusal = keyof typeof CENTRAL_REFUSALS;

const BY_SQLSTATE = new Map<string, CentralRefusal>(
  Object.entries(CENTRAL_REFUSALS).map(([reason, sqlstate]) => [sqlstate, reason as CentralRefusal]),
);

/** The refusal a pg error stands for, or null for anything else (lost connection, bug, …). */
export function centralRefusalOf(error: unknown): CentralRefusal | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (BY_SQLSTATE.get(code) ?? null) : null;
}

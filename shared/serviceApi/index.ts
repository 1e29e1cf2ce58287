// The central service's HTTP API, declared once: the service validates every request with these schemas and
// generates its OpenAPI document from them; the desk's client takes its types from the same declarations.
import { z } from 'zod';

export const StaffRole = z.enum(['case_handler', 'supervisor', 'reader']);
export type StaffRole = z.infer<typeof StaffRole>;

export const LoginInput = z.object({
  username: z.string().min(1).max(63),
  password: z.string().min(1).max(1024),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionUser = z.object({ id: z.string(), role: StaffRole, displayName: z.string() });
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginOutput = z.object({
  token: z.string(),
  /** ISO timestamp after which the token is refused. */
  expiresAt: z.string(),
  user: SessionUser,
});
export type LoginOutput = z.infer<typeof LoginOutput>;

export const ErrorOutput = z.object({ code: z.string(), message: z.string() });
export type ErrorOutput = z.infer<typeof ErrorOutput>;

export const PullQuery = z.object({
  /** The highest version the desk has fully applied. */
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(50_000).default(10_000),
  /** From the previous page's answer while `more` is true: where to go on. */
  resume: z.string().max(4096).optional(),
  /** Ask for the number of rows still to come (for a progress bar) on the first page. */
  count: z.enum(['0', '1']).optional(),
});
export type PullQuery = z.infer<typeof PullQuery>;

/** One table's rows in a pull page: values in the order of `columns`. */
export const PullTable = z.object({
  table: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.unknown())),
});
export type PullTable = z.infer<typeof PullTable>;

export const PullOutput = z.object({
  /** The version the desk has reached once it applied this page (its new cursor when `more` is false). */
  version: z.number().int(),
  /** The version this pull is heading to. */
  target: z.number().int(),
  more: z.boolean(),
  resume: z.string().nullable(),
  /** Rows still to come including this page; only when asked for with count=1. */
  remaining: z.number().int().nullable(),
  /**
   * What the desk's cache is filled from: the central schema's identity and, after a slash, the shape of a first
   * download for the person's role (service/sync/closedCaseDetail.ts). When it changes, the cache is dropped and
   * filled again.
   */
  schema: z.string(),
  /** A first download that leaves closed cases' detail out (service/sync/closedCaseDetail.ts says what stays). */
  closedDetailLeftOut: z.boolean().default(false),
  tables: z.array(PullTable),
});
export type PullOutput = z.infer<typeof PullOutput>;

/** One case's detail as it is now (GET /api/cases/:caseId/detail): its rows of every detail table, shaped as a pull's. */
export const CaseDetailOutput = z.object({
  caseId: z.number().int(),
  tables: z.array(PullTable),
});
export type CaseDetailOutput = z.infer<typeof CaseDetailOutput>;

const JsonObject = z.record(z.string(), z.unknown());

export const PushMutation = z.object({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  name: z.string().min(1).max(100),
  args: JsonObject,
  /** What the desk assumed when it made the change (the status it saw, its claim token, …). */
  precondition: JsonObject.optional(),
  /** The case the change is about, where its arguments do not name it (a revision names the offer); checked there. */
  caseId: z.number().int().positive().nullable().optional(),
});
export type PushMutation = z.infer<typeof PushMutation>;

export const PushInput = z.object({
  /** The desk's own id (a UUID made when its cache was created); with `seq`, what makes a retry a no-op. */
  clientId: z.uuid(),
  mutations: z.array(z.unknown()).max(500),
  /** Files a mutation sends along (an issued offer's letter), base64 by SHA-256; checked against the hash. */
  files: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string()).optional(),
});
export type PushInput = z.infer<typeof PushInput>;

export const PushOutcome = z.object({
  seq: z.number().int(),
  outcome: z.enum(['applied', 'refused', 'duplicate']),
  code: z.string().optional(),
  message: z.string().optional(),
  /** The version the change was committed at (applied). */
  version: z.number().int().optional(),
  /**
   * The server's rows the change touched as they are now (its case; a case-less change's rows): the desk settles
   * the change on them at once — an applied change may have done less centrally than locally, a refused one nothing.
   */
  rows: z.array(PullTable).optional(),
});
export type PushOutcome = z.infer<typeof PushOutcome>;

export const PushOutput = z.object({ results: z.array(PushOutcome) });
export type PushOutput = z.infer<typeof PushOutput>;

export const CaseIdParams = z.object({ caseId: z.coerce.number().int().positive() });

export const ClaimOutput = z.object({
  caseId: z.number().int(),
  claimToken: z.number().int(),
  leaseUntil: z.string(),
});
export type ClaimOutput = z.infer<typeof ClaimOutput>;

export const ReleaseInput = z.object({ claimToken: z.number().int() });

export const RenewInput = z.object({
  claims: z.array(z.object({ caseId: z.number().int().positive(), claimToken: z.number().int() })).max(1000),
});
export const RenewOutput = z.object({
  renewed: z.array(z.number().int()),
  lost: z.array(z.number().int()),
  /** The lost cases' rows as they are now: who holds them instead. */
  rows: z.array(PullTable).optional(),
});
export type RenewOutput = z.infer<typeof RenewOutput>;

export const FetchNextOutput = z.object({ caseId: z.number().int().nullable() });

export const HealthOutput = z.object({ ok: z.literal(true), service: z.string(), version: z.number().int() });

/** Live notices on the WebSocket at /api/live: the newest committed version, and heartbeats. */
export type LiveNotice = { type: 'version'; version: number } | { type: 'heartbeat'; at: string };

export const SERVICE_API_PREFIX = '/api';

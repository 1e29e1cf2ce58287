// Push, the service's side: each named mutation checked and applied on its own (a savepoint each, in one PostgreSQL
// transaction per push) as the person who sent it, recording (client id, seq) in applied_mutations with it — so a
// retry after a lost answer finds its record and changes nothing, and a refusal is recorded as the verdict too. The
// actor comes from the session and every time from the server's clock; nothing the desk sends decides either.
import type pg from 'pg';
import type { z } from 'zod';
import { classifyCentralError } from '../../core/sync/centralErrors';
import type { StoredFiles } from '../../core/sync/letterToSend';
import { centralApplierFor, localMutationFor, rowsChangedBy } from '../../core/mutations/registry';
import type { OutboxEntry } from '../../core/mutations/definition';
import { mayRunMutation } from '../../shared/rules';
import { PushMutation, type PullTable, type PushOutcome, type SessionUser } from '../../shared/serviceApi';
import { SYNCED_TABLES, type SyncedTable } from '../../core/sync/syncedTables';
import { pulledColumn } from './pullPage';

const CASES_TABLE = SYNCED_TABLES.find((t) => t.local === 'cases')!;

type Verdict = { outcome: 'applied' | 'duplicate'; version?: number } | { outcome: 'refused'; code: string; message?: string };

/** Text PostgreSQL cannot store (it would be refused as an encoding error, and look like an outage). */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
  return false;
}

async function recordedOutcome(client: pg.ClientBase, clientId: string, seq: number) {
  const { rows } = await client.query<{ outcome: 'applied' | 'rejected'; reason: string | null }>(
    'SELECT outcome, reason FROM applied_mutations WHERE client_id = $1 AND seq = $2',
    [clientId, seq],
  );
  return rows[0] ?? null;
}

/** The checks that need no database: is it a mutation, may this person send it, are its arguments well formed. */
function precheck(raw: unknown, user: SessionUser): { entry: PushMutation } | { refusal: PushOutcome } {
  const parsed = PushMutation.safeParse(raw);
  const given = (raw as { seq?: unknown } | null)?.seq;
  // Answered with the seq as given only where it is one (a whole number the answer's own schema accepts).
  const seq = typeof given === 'number' && Number.isSafeInteger(given) && given >= 1 ? given : -1;
  if (!parsed.success) return { refusal: { seq, outcome: 'refused', code: 'invalid', message: 'malformed mutation' } };
  const entry = parsed.data;
  if (!centralApplierFor(entry.name)) return { refusal: { seq, outcome: 'refused', code: 'invalid', message: `unknown mutation ${entry.name}` } };
  if (!mayRunMutation(entry.name, user.role)) {
    return { refusal: { seq, outcome: 'refused', code: 'notPermitted', message: `${user.role} may not ${entry.name}` } };
  }
  if (containsNul(entry.args) || containsNul(entry.precondition ?? {})) {
    return { refusal: { seq, outcome: 'refused', code: 'invalid', message: 'text contains the character U+0000' } };
  }
  const definition: { args: z.ZodType } | null = localMutationFor(entry.name);
  if (definition && !definition.args.safeParse(entry.args).success) {
    return { refusal: { seq, outcome: 'refused', code: 'invalid', message: `arguments of ${entry.name}` } };
  }
  return { entry };
}

function caseIdOf(entry: PushMutation): number | null {
  const id = entry.args.caseId;
  if (typeof id === 'number' && Number.isInteger(id)) return id;
  return entry.caseId ?? null;
}

/** Runs `work` with a savepoint: undone alone when it throws, the transaction around it carrying on. */
async function inSavepoint<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('SAVEPOINT mutation');
  try {
    const result = await work();
    await client.query('RELEASE SAVEPOINT mutation');
    return result;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT mutation');
    throw error;
  }
}

/**
 * Applies a push: every mutation on its own (a savepoint each: applied, refused or a duplicate), all in one
 * transaction as the person — one take of the version clock and one commit for the batch, so desks pushing at once
 * queue once per push, not once per change. Throws only for an outage (the database unreachable, a timeout): nothing
 * is committed then, the desk sends the batch again and the records in applied_mutations make that safe.
 */
export async function applyPush(
  pool: pg.Pool,
  user: SessionUser,
  clientId: string,
  raws: readonly unknown[],
  files: StoredFiles,
  leaseSeconds: number,
): Promise<PushOutcome[]> {
  const checked = raws.map((raw) => precheck(raw, user));
  if (checked.every((c) => 'refusal' in c)) return checked.map((c) => (c).refusal);
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    // The lease a claim made by these changes gets: the service's, not the function's default.
    await client.query(
      "SELECT set_config('role', $1, true), set_config('desk.actor', $2, true), set_config('desk.lease', $3, true)",
      [user.role, user.id, `${leaseSeconds} seconds`],
    );
    await client.query('SAVEPOINT batch');
    const { rows: [{ now }] } = await client.query<{ now: string }>(
      `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`,
    );
    const batch: Batch = { clientId, files, now, version: null, applied: false, refusals: [] };
    const results: PushOutcome[] = [];
    for (const item of checked) {
      if ('refusal' in item) {
        results.push(item.refusal);
        continue;
      }
      const verdict = await applyOne(client, batch, item.entry);
      const rows = await rowsTouched(client, item.entry, verdict);
      results.push({ seq: item.entry.seq, ...verdict, ...(rows.length > 0 ? { rows } : {}) });
    }
    // Nothing applied: the clock goes back untouched (no empty version for every desk to pull), the verdicts stay.
    if (!batch.applied) await client.query('ROLLBACK TO SAVEPOINT batch');
    await recordRefusals(client, batch);
    await client.query('COMMIT');
    return results;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    if (isConnectionError(error)) broken = true;
    throw error;
  } finally {
    client.release(broken);
  }
}

interface Batch {
  clientId: string;
  files: StoredFiles;
  /** The server's time for every change of the push. */
  now: string;
  /** The version the push's changes get, taken before the first one is tried. */
  version: number | null;
  applied: boolean;
  refusals: Array<{ seq: number; reason: string }>;
}

/** The refusals recorded as the verdicts, so a retry hears the same; a role that may record nothing (a reader) still got them. */
async function recordRefusals(client: pg.ClientBase, batch: Batch): Promise<void> {
  for (const { seq, reason } of batch.refusals) {
    await inSavepoint(client, () =>
      client.query(
        `INSERT INTO applied_mutations (client_id, seq, outcome, reason) VALUES ($1, $2, 'rejected', $3)
         ON CONFLICT (client_id, seq) DO NOTHING`,
        [batch.clientId, seq, reason],
      ),
    ).catch((recording: unknown) => {
      if (classifyCentralError(recording).kind !== 'refused') throw recording;
    });
  }
}

async function applyOne(client: pg.ClientBase, batch: Batch, entry: PushMutation): Promise<Verdict> {
  const earlier = await recordedOutcome(client, batch.clientId, entry.seq);
  if (earlier) return earlier.outcome === 'applied' ? { outcome: 'duplicate' } : { outcome: 'refused', code: earlier.reason ?? 'invalid' };
  const outboxEntry: OutboxEntry = {
    seq: entry.seq,
    mutation: entry.name,
    args: entry.args,
    precondition: entry.precondition ?? {},
    caseId: caseIdOf(entry),
    // The server's time, never the desk's: a note cannot be backdated by its sender.
    createdAt: batch.now,
  };
  // The version clock before any row lock, as every central writer takes it: taking a case's row lock first could
  // deadlock with a concurrent claim_case, which takes them the other way round. Once per push.
  if (batch.version === null) {
    const { rows: [clock] } = await client.query<{ version: number }>('SELECT desk_next_version() AS version');
    batch.version = Number(clock.version);
  }
  try {
    await inSavepoint(client, async () => {
      await centralApplierFor(entry.name)!(client, outboxEntry, batch.files);
      await client.query("INSERT INTO applied_mutations (client_id, seq, outcome) VALUES ($1, $2, 'applied')", [batch.clientId, entry.seq]);
    });
    batch.applied = true;
    return { outcome: 'applied', version: batch.version };
  } catch (error) {
    const problem = verdictOf(error);
    if (problem.kind !== 'refused') throw error;
    batch.refusals.push({ seq: entry.seq, reason: problem.reason });
    return { outcome: 'refused', code: problem.reason, message: problem.detail };
  }
}

/**
 * A refusal from the rules or PostgreSQL; a plain program error on arguments the schemas let through (a TypeError,
 * a JSON text that does not parse) refuses that mutation alone rather than failing the push for ever. Only an
 * outage (no SQLSTATE of a refusal, a network error) fails the push, to be sent again.
 */
function verdictOf(error: unknown): ReturnType<typeof classifyCentralError> {
  const problem = classifyCentralError(error);
  if (problem.kind === 'refused') return problem;
  const plainError = (error instanceof TypeError || error instanceof SyntaxError || error instanceof RangeError) && !('code' in error);
  return plainError ? { kind: 'refused', reason: 'invalid', detail: (error).message } : problem;
}

function isConnectionError(error: unknown): boolean {
  return classifyCentralError(error).kind === 'offline';
}

const OFFERS_TABLE = SYNCED_TABLES.find((t) => t.local === 'offers')!;

/** The server's rows a settled mutation touched, as the person sees them now: its case and its offers, or a case-less change's rows. */
async function rowsTouched(client: pg.ClientBase, entry: PushMutation, verdict: Verdict): Promise<PullTable[]> {
  const caseId = caseIdOf(entry);
  const wanted: Array<{ table: SyncedTable; where: string; params: unknown[] }> = [];
  if (caseId !== null) {
    wanted.push({ table: CASES_TABLE, where: 'id = $1', params: [caseId] });
    // Offers are changed in place, not only added: the desk settles its draft on the server's copy at once, so that
    // replaying a later pending edit of the same draft finds it (it would otherwise vanish until the next pull).
    wanted.push({ table: OFFERS_TABLE, where: 'case_id = $1', params: [caseId] });
  }
  else if (verdict.outcome !== 'refused') {
    const changed = rowsChangedBy({ mutation: entry.name, args: entry.args });
    const table = changed && SYNCED_TABLES.find((t) => t.local === changed.table);
    if (changed && table) wanted.push({ table, where: changed.where, params: changed.params });
  }
  const tables: PullTable[] = [];
  for (const { table, where, params } of wanted) {
    const columns = [...table.columns];
    // As the pull sends them (an offer's calculation as its figures as issued).
    const selected = columns.map((c) => pulledColumn(table, c)).join(', ');
    const { rows } = await client.query<Record<string, unknown>>(`SELECT ${selected} FROM ${table.central} WHERE ${where}`, params);
    tables.push({ table: table.local, columns, rows: rows.map((row) => columns.map((c) => row[c] ?? null)) });
  }
  return tables;
}

/** Cases as the person sees them now, in the pull's shape. */
export async function caseRows(client: pg.ClientBase, caseIds: readonly number[]): Promise<PullTable> {
  const columns = [...CASES_TABLE.columns];
  const { rows } = await client.query<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM cases WHERE id = ANY($1::bigint[])`, [caseIds]);
  return { table: CASES_TABLE.local, columns, rows: rows.map((row) => columns.map((c) => row[c] ?? null)) };
}

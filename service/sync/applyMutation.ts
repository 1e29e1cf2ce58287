// Push, the service's side: each named mutation checked and applied on its own, as the person who sent it, in one
// PostgreSQL transaction that also records (client id, seq) in applied_mutations — so a retry after a lost answer
// finds its record and changes nothing, and a refusal is recorded as the verdict too. The actor comes from the
// session and every time from the server's clock; nothing the desk sends decides either.
import type pg from 'pg';
import type { z } from 'zod';
import { centralApplierFor, type OutboxEntry } from '../../electron/core/sync/centralAppliers';
import { classifyCentralError, RefusedByCentral } from '../../electron/core/sync/centralErrors';
import type { StoredFiles } from '../../electron/core/sync/letterToSend';
import { MUTATIONS } from '../../electron/core/mutations/registry';
import { mayRunMutation } from '../../electron/shared/rules';
import { PushMutation, type PullTable, type PushOutcome, type SessionUser } from '../../electron/shared/serviceApi';
import { ROWS_CHANGED_BY } from '../../electron/core/mutations/caselessChange';
import { SYNCED_TABLES, type SyncedTable } from '../../electron/core/sync/syncedTables';
import { asPerson } from '../db/servicePool';

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
  const definition: { args: z.ZodType } | undefined = Object.hasOwn(MUTATIONS, entry.name) ? MUTATIONS[entry.name] : undefined;
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

/**
 * Applies one pushed mutation. Throws only for an outage (the database unreachable, a timeout): the desk then
 * sends it again and the record in applied_mutations makes that safe.
 */
export async function applyMutation(
  pool: pg.Pool,
  user: SessionUser,
  clientId: string,
  raw: unknown,
  files: StoredFiles,
  leaseSeconds: number,
): Promise<PushOutcome> {
  const checked = precheck(raw, user);
  if ('refusal' in checked) return checked.refusal;
  const { entry } = checked;
  const verdict = await applyChecked(pool, user, clientId, entry, files, leaseSeconds);
  return { seq: entry.seq, ...verdict };
}

async function applyChecked(
  pool: pg.Pool, user: SessionUser, clientId: string, entry: PushMutation, files: StoredFiles, leaseSeconds: number,
): Promise<Verdict> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    // The lease a claim made by this change gets: the service's, not the function's default.
    await client.query(
      "SELECT set_config('role', $1, true), set_config('desk.actor', $2, true), set_config('desk.lease', $3, true)",
      [user.role, user.id, `${leaseSeconds} seconds`],
    );
    try {
      // The version clock first, as every central writer takes it: taking a case's row lock before it could
      // deadlock with a concurrent claim_case, which takes them the other way round.
      const { rows: [clock] } = await client.query<{ version: number; now: string }>(
        `SELECT desk_next_version() AS version, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`,
      );
      const earlier = await recordedOutcome(client, clientId, entry.seq);
      if (earlier) {
        await client.query('ROLLBACK');
        return earlier.outcome === 'applied' ? { outcome: 'duplicate' } : { outcome: 'refused', code: earlier.reason ?? 'invalid' };
      }
      const outboxEntry: OutboxEntry = {
        seq: entry.seq,
        mutation: entry.name,
        args: entry.args,
        precondition: entry.precondition ?? {},
        caseId: caseIdOf(entry),
        // The server's time, never the desk's: a note cannot be backdated by its sender.
        createdAt: clock.now,
      };
      await centralApplierFor(entry.name)!(client, outboxEntry, files);
      await client.query("INSERT INTO applied_mutations (client_id, seq, outcome) VALUES ($1, $2, 'applied')", [clientId, entry.seq]);
      await client.query('COMMIT');
      return { outcome: 'applied', version: Number(clock.version) };
    } catch (error) {
      await client.query('ROLLBACK');
      const problem = classifyCentralError(error);
      if (problem.kind !== 'refused') throw error;
      return await recordRefusal(client, user, clientId, entry.seq, problem.reason, problem.detail);
    }
  } catch (error) {
    if (!(error instanceof RefusedByCentral)) broken = isConnectionError(error);
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The refusal recorded as the verdict, so a retry hears the same; if even that cannot be written, no verdict yet. */
async function recordRefusal(
  client: pg.PoolClient, user: SessionUser, clientId: string, seq: number, reason: string, detail?: string,
): Promise<Verdict> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT set_config('role', $1, true), set_config('desk.actor', $2, true)", [user.role, user.id]);
    await client.query(
      `INSERT INTO applied_mutations (client_id, seq, outcome, reason) VALUES ($1, $2, 'rejected', $3)
       ON CONFLICT (client_id, seq) DO NOTHING`,
      [clientId, seq, reason],
    );
    const verdict = await recordedOutcome(client, clientId, seq);
    await client.query('COMMIT');
    if (verdict?.outcome === 'applied') return { outcome: 'duplicate' };
    return { outcome: 'refused', code: verdict?.reason ?? reason, message: detail };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    // A person whose role may not record anything (a reader) still gets the verdict, just not a stored one.
    if (classifyCentralError(error).kind === 'refused') return { outcome: 'refused', code: reason, message: detail };
    throw error;
  }
}

function isConnectionError(error: unknown): boolean {
  return classifyCentralError(error).kind === 'offline';
}

/** The server's rows a settled mutation touched, as the person sees them: its case, or a case-less change's rows. */
export async function rowsTouched(pool: pg.Pool, user: SessionUser, raw: unknown, outcome: PushOutcome): Promise<PullTable[]> {
  const parsed = PushMutation.safeParse(raw);
  if (!parsed.success) return [];
  const entry = parsed.data;
  const caseId = caseIdOf(entry);
  const wanted: Array<{ table: SyncedTable; where: string; params: unknown[] }> = [];
  if (caseId !== null) wanted.push({ table: CASES_TABLE, where: 'id = $1', params: [caseId] });
  else if (outcome.outcome !== 'refused') {
    const changed = ROWS_CHANGED_BY[entry.name]?.(entry.args);
    const table = changed && SYNCED_TABLES.find((t) => t.local === changed.table);
    if (changed && table) wanted.push({ table, where: changed.where, params: changed.params });
  }
  if (wanted.length === 0) return [];
  return asPerson(pool, user, async (client) => {
    const tables: PullTable[] = [];
    for (const { table, where, params } of wanted) {
      const columns = [...table.columns];
      const { rows } = await client.query<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM ${table.central} WHERE ${where}`, params);
      tables.push({ table: table.local, columns, rows: rows.map((row) => columns.map((c) => row[c] ?? null)) });
    }
    return tables;
  });
}

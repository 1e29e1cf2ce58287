// Push: the outbox, in order, each entry in its own central transaction that also records (client id, seq) in
// applied_mutations — so a retry after a lost reply finds its own record and changes nothing. A refused entry
// is recorded as refused too, marked so locally with the reason, and its optimistic change rolled back; what
// the person wrote stays in the outbox row, to be applied again from the UI.
import type pg from 'pg';
import type { CoreContext } from '../context';
import { centralApplierFor, type ApplierFiles, type OutboxEntry } from './centralAppliers';
import { classifyCentralError, RefusedByCentral, type RefusalReason } from './centralErrors';
import { RowWriter } from './applyRows';
import { rebaseCases, dropOptimisticRows } from './rebase';
import { SYNCED_TABLES } from './syncedTables';
import { ROWS_CHANGED_BY } from '../mutations/caselessChange';

export interface PushResult {
  applied: number;
  refused: Array<{ seq: number; reason: RefusalReason }>;
}

export interface PushOptions {
  /** Test hook: runs after the central commit and before the local acknowledgement (a lost reply). */
  afterCentralCommit?: (seq: number) => void | Promise<void>;
  limit?: number;
  /** The content of a file in this desk's attachment store, null if it is not there (an issued offer's letter). */
  storedFile?: (sha256: string) => Buffer | null;
}

interface OutboxRow {
  seq: number;
  mutation: string;
  args: string;
  precondition: string;
  case_id: number | null;
  created_at: string;
}

async function recordedOutcome(client: pg.ClientBase, clientId: string, seq: number) {
  const { rows } = await client.query<{ outcome: 'applied' | 'rejected'; reason: string | null }>(
    'SELECT outcome, reason FROM applied_mutations WHERE client_id = $1 AND seq = $2',
    [clientId, seq],
  );
  return rows[0] ?? null;
}

/** Carries out one entry centrally: applied, refused (with a reason), or thrown (an outage: try again later). */
async function applyCentrally(
  client: pg.Client,
  clientId: string,
  entry: OutboxEntry,
  files: ApplierFiles,
): Promise<{ outcome: 'applied' } | { outcome: 'rejected'; reason: RefusalReason }> {
  await client.query('BEGIN');
  try {
    // The version clock first, as every central writer takes it: taking a case's row lock before it could
    // deadlock with a concurrent claim_case, which takes them the other way round.
    await client.query('SELECT desk_next_version()');
    const earlier = await recordedOutcome(client, clientId, entry.seq);
    if (earlier) {
      await client.query('COMMIT');
      return earlier.outcome === 'applied' ? { outcome: 'applied' } : { outcome: 'rejected', reason: (earlier.reason ?? 'invalid') as RefusalReason };
    }
    const applier = centralApplierFor(entry.mutation);
    if (!applier) throw new RefusedByCentral('invalid', `unknown mutation ${entry.mutation}`);
    await applier(client, entry, files);
    await client.query("INSERT INTO applied_mutations (client_id, seq, outcome) VALUES ($1, $2, 'applied')", [clientId, entry.seq]);
    await client.query('COMMIT');
    return { outcome: 'applied' };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const problem = classifyCentralError(error);
    if (problem.kind !== 'refused') throw error;
    // The refusal is recorded centrally as well, so a retry gets the same answer. If even that cannot be
    // written, the entry stays pending and is tried again: no verdict exists until the server has one.
    await client.query(
      `INSERT INTO applied_mutations (client_id, seq, outcome, reason) VALUES ($1, $2, 'rejected', $3)
       ON CONFLICT (client_id, seq) DO NOTHING`,
      [clientId, entry.seq, problem.reason],
    );
    const verdict = (await recordedOutcome(client, clientId, entry.seq))!;
    return verdict.outcome === 'applied' ? { outcome: 'applied' } : { outcome: 'rejected', reason: (verdict.reason ?? problem.reason) as RefusalReason };
  }
}

export async function pushOutbox(client: pg.Client, core: CoreContext, options: PushOptions = {}): Promise<PushResult> {
  const { sqlite } = core;
  const rows = sqlite
    .prepare(
      `SELECT seq, mutation, args, precondition, case_id, created_at FROM outbox
       WHERE state = 'pending' AND client_id = ? ORDER BY seq LIMIT ?`,
    )
    .all(core.clientId, options.limit ?? 200) as OutboxRow[];
  const result: PushResult = { applied: 0, refused: [] };
  const files: ApplierFiles = { read: options.storedFile ?? (() => null) };
  for (const row of rows) {
    const entry: OutboxEntry = {
      seq: row.seq,
      mutation: row.mutation,
      args: JSON.parse(row.args) as Record<string, unknown>,
      precondition: JSON.parse(row.precondition) as Record<string, unknown>,
      caseId: row.case_id,
      createdAt: row.created_at,
    };
    const verdict = await applyCentrally(client, core.clientId, entry, files);
    await options.afterCentralCommit?.(entry.seq);
    // The server's row is read before the verdict is recorded, and both land in one local transaction: an
    // outage between them leaves the entry pending (to be asked again), never settled on a stale local row.
    const serverRows = entry.caseId === null ? [] : await fetchCaseRows(client, [entry.caseId]);
    // A change without a case: the server's rows it touched replace the pending change at once.
    const caseless = entry.caseId === null && verdict.outcome === 'applied' ? await fetchRowsChangedBy(client, entry) : null;
    core.sqlite.transaction(() => {
      if (verdict.outcome === 'applied') {
        sqlite.prepare("UPDATE outbox SET state = 'applied' WHERE seq = ?").run(entry.seq);
      } else {
        sqlite.prepare("UPDATE outbox SET state = 'rejected', rejection = ? WHERE seq = ?").run(verdict.reason, entry.seq);
        dropOptimisticRows(sqlite, [entry.seq]);
      }
      if (entry.caseId !== null) restoreCase(core, entry.caseId, serverRows);
      if (caseless) new RowWriter(sqlite).write(caseless.table, caseless.rows);
    })();
    if (entry.caseId !== null) core.casesChanged([entry.caseId]);
    if (verdict.outcome === 'applied') result.applied++;
    else result.refused.push({ seq: entry.seq, reason: verdict.reason });
  }
  return result;
}

const CASES_TABLE = SYNCED_TABLES.find((t) => t.local === 'cases')!;

async function fetchRowsChangedBy(client: pg.Client, entry: OutboxEntry) {
  const changed = ROWS_CHANGED_BY[entry.mutation]?.(entry.args);
  const table = changed && SYNCED_TABLES.find((t) => t.local === changed.table);
  if (!changed || !table) return null;
  const { rows } = await client.query(`SELECT ${table.columns.join(', ')} FROM ${table.central} WHERE ${changed.where}`, changed.params);
  return { table, rows };
}

async function fetchCaseRows(client: pg.Client, caseIds: readonly number[]): Promise<Record<string, unknown>[]> {
  const { rows } = await client.query(`SELECT ${CASES_TABLE.columns.join(', ')} FROM cases WHERE id = ANY($1::bigint[])`, [
    caseIds,
  ]);
  return rows;
}

/**
 * After a change was settled: the case as the server has it, with this client's still-pending changes on top.
 * A refused change is thereby rolled back; an applied one may have had a different effect centrally than
 * locally (a release of a claim that had lapsed), and the server's row is the one that counts.
 */
function restoreCase(core: CoreContext, caseId: number, serverRows: Record<string, unknown>[]): void {
  new RowWriter(core.sqlite).write(CASES_TABLE, serverRows);
  rebaseCases(core, new Set([caseId]));
}

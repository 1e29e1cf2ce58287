// Push: the outbox, in order, to the central service, which applies or refuses each entry on its own and records
// (client id, seq) with it — so a retry after a lost answer changes nothing. Each verdict is settled locally with
// the server's rows of what the entry touched, in one SQLite transaction: an applied entry that did less centrally
// than locally (a release of a claim that had lapsed) shows what the server has, and a refused one is rolled back,
// kept in the outbox with its reason and what was written, to be applied again from the UI.
import type { CoreContext } from '../context';
import type { ServiceConnection } from '../service/serviceConnection';
import type { PushMutation, PushOutcome } from '../../shared/serviceApi';
import { RowWriter } from './applyRows';
import type { RefusalReason } from './centralErrors';
import { changeTablesOfPulled } from '../changes/pulledTables';
import { rowsOf } from './pullChanges';
import { recordSkippedRow } from './syncState';
import { rebaseCases, dropOptimisticRows } from './rebase';

export interface PushResult {
  applied: number;
  refused: Array<{ seq: number; reason: RefusalReason }>;
}

export interface PushOptions {
  /** Test hook: runs after the service answered and before the local acknowledgement (a lost answer). */
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
}

const REFUSAL_REASONS: readonly RefusalReason[] = [
  'notPermitted', 'claimedByOther', 'staleClaim', 'notClaimed', 'statusChanged', 'assigneeChanged', 'caseMissing', 'invalid',
];
const reasonOf = (code: string | undefined): RefusalReason =>
  (REFUSAL_REASONS as readonly string[]).includes(code ?? '') ? (code as RefusalReason) : 'invalid';

const SHA256 = /^[0-9a-f]{64}$/;

/** Files this desk holds that the entries name by SHA-256 (a letter travels with the change that filed it). */
function filesNamedBy(entries: PushMutation[], read: (sha256: string) => Buffer | null): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (value: unknown): void => {
    if (typeof value === 'string' && SHA256.test(value) && !(value in files)) {
      const content = read(value);
      if (content) files[value] = content.toString('base64');
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const entry of entries) visit(entry.args);
  return files;
}

export async function pushOutbox(service: ServiceConnection, core: CoreContext, options: PushOptions = {}): Promise<PushResult> {
  const { sqlite } = core;
  const rows = sqlite
    .prepare(
      `SELECT seq, mutation, args, precondition, case_id FROM outbox
       WHERE state = 'pending' AND client_id = ? ORDER BY seq LIMIT ?`,
    )
    .all(core.clientId, options.limit ?? 100) as OutboxRow[];
  const result: PushResult = { applied: 0, refused: [] };
  if (rows.length === 0) return result;
  const entries: PushMutation[] = rows.map((row) => ({
    seq: row.seq,
    name: row.mutation,
    args: JSON.parse(row.args) as Record<string, unknown>,
    precondition: JSON.parse(row.precondition) as Record<string, unknown>,
    caseId: row.case_id,
  }));
  const answer = await service.push(core.clientId, entries, filesNamedBy(entries, options.storedFile ?? (() => null)));
  const verdicts = new Map(answer.results.map((outcome) => [outcome.seq, outcome]));
  for (const row of rows) {
    const verdict = verdicts.get(row.seq);
    // No verdict for an entry (the answer was cut short): it stays pending and goes again, after the ones before it.
    if (!verdict) break;
    await options.afterCentralCommit?.(row.seq);
    settle(core, row, verdict);
    if (row.case_id !== null) core.casesChanged([row.case_id]);
    else core.publishChange({ tables: ['outbox', 'syncStatus', ...changeTablesOfPulled((verdict.rows ?? []).map((page) => page.table))] });
    if (verdict.outcome === 'refused') result.refused.push({ seq: row.seq, reason: reasonOf(verdict.code) });
    else result.applied++;
  }
  return result;
}

function settle(core: CoreContext, row: OutboxRow, verdict: PushOutcome): void {
  const { sqlite } = core;
  const writer = new RowWriter(sqlite, ({ table, key, problem }) => recordSkippedRow(sqlite, { table, key, problem }));
  sqlite.transaction(() => {
    if (verdict.outcome === 'refused') {
      sqlite.prepare("UPDATE outbox SET state = 'rejected', rejection = ? WHERE seq = ?").run(reasonOf(verdict.code), row.seq);
      dropOptimisticRows(sqlite, [row.seq]);
    } else {
      sqlite.prepare("UPDATE outbox SET state = 'applied' WHERE seq = ?").run(row.seq);
    }
    for (const page of verdict.rows ?? []) writer.write(rowsOf(page));
    if (row.case_id !== null) rebaseCases(core, new Set([row.case_id]));
  })();
}

// Changes the central database refused: listed with what the person wrote, to be applied again as a new
// change (checked against the case as it is now) or dismissed. Nothing a person wrote is silently discarded.
import { AppFailure, type MutationResult, type RefusedChange } from '../../shared/contract';
import type { CoreContext } from '../context';
import { localMutationFor } from './registry';
import { runMutation } from './runMutation';
import { randomUUID } from 'node:crypto';

interface RefusedRow {
  seq: number;
  mutation: string;
  args: string;
  case_id: number | null;
  case_number: string | null;
  rejection: string | null;
  created_at: string;
}

export class OutboxService {
  constructor(private readonly core: CoreContext) {}

  refusedCount(): number {
    return (this.core.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'rejected'").get() as { n: number }).n;
  }

  refused(): RefusedChange[] {
    const rows = this.core.sqlite
      .prepare(
        `SELECT o.seq, o.mutation, o.args, o.case_id, c.case_number, o.rejection, o.created_at
         FROM outbox o LEFT JOIN cases c ON c.id = o.case_id
         WHERE o.state = 'rejected' ORDER BY o.seq`,
      )
      .all() as RefusedRow[];
    return rows.map((row) => ({
      seq: row.seq,
      mutation: row.mutation,
      caseId: row.case_id,
      caseNumber: row.case_number,
      args: JSON.parse(row.args) as Record<string, unknown>,
      reason: row.rejection ?? 'invalid',
      createdAt: row.created_at,
      canReapply: localMutationFor(row.mutation) !== null,
    }));
  }

  private load(seq: number): RefusedRow {
    const row = this.core.sqlite
      .prepare("SELECT seq, mutation, args, case_id, NULL AS case_number, rejection, created_at FROM outbox WHERE seq = ? AND state = 'rejected'")
      .get(seq) as RefusedRow | undefined;
    if (!row) throw new AppFailure({ code: 'outbox.notFound', params: { seq } });
    return row;
  }

  /** The same change again, as a new mutation: a note gets a new id, a status change is checked anew. */
  reapply(seq: number): MutationResult {
    const row = this.load(seq);
    const mutation = localMutationFor(row.mutation);
    if (!mutation) throw new AppFailure({ code: 'outbox.notFound', params: { seq } });
    const args = JSON.parse(row.args) as Record<string, unknown>;
    if ('noteId' in args) args.noteId = randomUUID();
    const result = runMutation(this.core, mutation, args);
    this.core.sqlite.prepare("UPDATE outbox SET state = 'reapplied' WHERE seq = ?").run(seq);
    return result;
  }

  dismiss(seq: number): { seq: number } {
    this.load(seq);
    this.core.sqlite.prepare("UPDATE outbox SET state = 'dismissed' WHERE seq = ?").run(seq);
    return { seq };
  }
}

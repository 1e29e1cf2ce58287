// The quarantine as the case handler sees it: the records the importer could not take, each with its reasons,
// to be fixed and imported again, or discarded with a reason. Nothing is deleted; a discarded record stays.
//
// Standalone, a re-import goes through the importer at once (a fixed record becomes a case there and then).
// With a central server this client may not create cases (PostgreSQL's privileges say so): a re-import saves
// the fix and marks the record ready, and the importer at the server (`npm run import -- --quarantined`) takes it.
import {
  fail,
  type QuarantineDetail,
  type QuarantineItem,
  type QuarantineList,
  type QuarantineReason,
  type QuarantineReimportResult,
  type QuarantineState,
} from '../../shared/contract';
import type { CoreContext } from '../context';
import { QUARANTINE_UPDATE, recordQuarantineUpdate } from '../mutations/quarantineUpdate';
import { importIntoLocal } from './importService';
import { importBillingRowHere } from '../billing/reimportBillingRow';
import { isBillingSource } from '../billing/paymentImport';

interface QuarantineRow {
  id: string;
  source: string;
  message_id: string | null;
  received_at: string;
  reasons: string;
  state: QuarantineState;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution_note: string | null;
  pending: number;
  raw?: string;
}

// The row as the server has it, with this client's unsent change on top: the local view is always
// "server rows + pending outbox", here as for cases. Standalone nothing is pending, so it is the row itself.
const EFFECTIVE_ROWS = `
  WITH pending AS (
    SELECT json_extract(args, '$.id') AS id, args, max(seq) AS seq FROM outbox
    WHERE state = 'pending' AND mutation = '${QUARANTINE_UPDATE}'
    GROUP BY json_extract(args, '$.id')
  )
  SELECT q.id, q.source, q.message_id, q.received_at, q.reasons,
         coalesce(json_extract(p.args, '$.state'), q.state) AS state,
         q.resolved_at, q.resolved_by, coalesce(json_extract(p.args, '$.reason'), q.resolution_note) AS resolution_note,
         p.seq IS NOT NULL AS pending,
         coalesce(json_extract(p.args, '$.raw'), q.raw) AS raw
  FROM import_quarantine q LEFT JOIN pending p ON p.id = q.id`;

const UNRESOLVED: readonly QuarantineState[] = ['open', 'ready'];

/** The importer's reasons as stored; a column that is not the expected list still shows, as one reason. */
export function parseReasons(text: string): QuarantineReason[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) {
      return parsed.map((entry: Record<string, unknown>) => ({
        path: typeof entry?.path === 'string' ? entry.path : '',
        code: typeof entry?.code === 'string' ? entry.code : 'unknown',
        message: typeof entry?.message === 'string' ? entry.message : '',
      }));
    }
  } catch {
    // Falls through: the text itself is the reason.
  }
  return [{ path: '', code: 'unknown', message: text }];
}

function toItem(row: QuarantineRow): QuarantineItem {
  return {
    id: row.id,
    source: row.source,
    messageId: row.message_id,
    receivedAt: row.received_at,
    state: row.state,
    reasons: parseReasons(row.reasons),
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolutionNote: row.resolution_note,
    pending: row.pending === 1,
  };
}

export class QuarantineService {
  constructor(
    private readonly core: CoreContext,
    private readonly attachmentsDirectory: string,
  ) {}

  list(states: readonly QuarantineState[]): QuarantineList {
    const { sqlite } = this.core;
    const rows = sqlite
      .prepare(
        `SELECT id, source, message_id, received_at, reasons, state, resolved_at, resolved_by, resolution_note, pending
         FROM (${EFFECTIVE_ROWS}) WHERE state IN (SELECT value FROM json_each(?)) ORDER BY received_at, id`,
      )
      .all(JSON.stringify(states)) as QuarantineRow[];
    const { n } = sqlite.prepare(`SELECT count(*) AS n FROM (${EFFECTIVE_ROWS}) WHERE state = 'open'`).get() as { n: number };
    return { items: rows.map(toItem), openCount: n };
  }

  get(id: string): QuarantineDetail {
    const row = this.load(id);
    return { ...toItem(row), raw: row.raw ?? '' };
  }

  /** Keeps the handler's fix without importing it yet. */
  save(id: string, raw: string): QuarantineItem {
    const row = this.loadUnresolved(id);
    recordQuarantineUpdate(this.core, { id, raw, state: row.state === 'ready' ? 'ready' : 'open' }, { state: row.state });
    return toItem(this.load(id));
  }

  reimport(id: string, raw: string): QuarantineReimportResult {
    const row = this.loadUnresolved(id);
    if (this.core.mode === 'central') {
      recordQuarantineUpdate(this.core, { id, raw, state: 'ready' }, { state: row.state });
      return { outcome: 'queuedForImporter' };
    }
    return this.importHere(row, raw);
  }

  discard(id: string, reason: string): QuarantineItem {
    const row = this.loadUnresolved(id);
    recordQuarantineUpdate(this.core, { id, state: 'discarded', reason }, { state: row.state });
    return toItem(this.load(id));
  }

  /** Standalone: the importer takes the fixed text as the same quarantined record, not as a new arrival. */
  private importHere(row: QuarantineRow, raw: string): QuarantineReimportResult {
    const actor = this.core.currentUser();
    if (actor.role === 'reader') fail('permission.denied');
    const now = this.core.clock.now().toISOString();
    const { sqlite } = this.core;
    return sqlite.transaction((): QuarantineReimportResult => {
      // A row of the billing file goes back through the payment import (billing/*), a message through the importer.
      const outcome = isBillingSource(row.source)
        ? importBillingRowHere(this.core, row.id, row.source, raw)
        : importIntoLocal(this.core, this.attachmentsDirectory, raw, row.source, { replaceQuarantineId: row.id });
      if (outcome.quarantined > 0) {
        // Still broken: the row holds the fix and its new reasons, and waits for the handler again.
        sqlite.prepare("UPDATE import_quarantine SET raw = ?, state = 'open' WHERE id = ?").run(raw, row.id);
        this.audit(row, { id: row.id, raw, state: 'open' }, now);
        return { outcome: 'stillInvalid', reasons: parseReasons(this.load(row.id).reasons) };
      }
      // Imported, or found already imported (a duplicate message): either way the record has its case now.
      sqlite
        .prepare(
          `UPDATE import_quarantine SET raw = ?, state = 'imported', resolved_at = coalesce(resolved_at, ?),
             resolved_by = coalesce(resolved_by, ?) WHERE id = ?`,
        )
        .run(raw, now, actor.id, row.id);
      this.audit(row, { id: row.id, raw, state: 'imported' }, now);
      return { outcome: 'imported', caseIds: outcome.caseIds };
    })();
  }

  /** Standalone the outbox is the audit log: who re-imported which text, and what came of it. */
  private audit(row: QuarantineRow, args: Record<string, unknown>, now: string): void {
    this.core.sqlite
      .prepare(
        `INSERT INTO outbox (client_id, mutation, args, actor_id, created_at, state, case_id, precondition)
         VALUES (?, 'quarantine.reimport', ?, ?, ?, 'applied', NULL, ?)`,
      )
      .run(this.core.clientId, JSON.stringify(args), this.core.currentUser().id, now, JSON.stringify({ state: row.state }));
  }

  private load(id: string): QuarantineRow {
    const row = this.core.sqlite.prepare(`SELECT * FROM (${EFFECTIVE_ROWS}) WHERE id = ?`).get(id) as QuarantineRow | undefined;
    return row ?? fail('quarantine.notFound', { id });
  }

  private loadUnresolved(id: string): QuarantineRow {
    const row = this.load(id);
    if (!UNRESOLVED.includes(row.state)) fail('quarantine.resolved', { state: row.state });
    return row;
  }
}

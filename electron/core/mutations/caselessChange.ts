// Changes that belong to no case (a quarantined record, company practice). They never pass through runMutation,
// which records case history: each is one outbox row with case_id NULL — standalone the audit, made at once by
// `applyLocally`; with a central server shipped, and until the server has it, read with the change on top.
// After the server applies one, push writes the server's rows of what it changed (`rowsChangedBy`), so the view
// never shows the old values between the push and the next pull.
import type { CoreContext } from '../context';

export interface CaselessChange<Args> {
  mutation: string;
  args: Args;
  /** What the change found (e.g. the record's state); the central applier refuses it if that moved on. */
  precondition: Record<string, unknown>;
  /** Makes the change on the local database, the truth in standalone mode. */
  applyLocally(actorId: string, now: string): void;
}

/** Records the change (and, standalone, makes it) in one transaction; returns the outbox seq. */
export function recordCaselessChange<Args>(core: CoreContext, change: CaselessChange<Args>): number {
  const actor = core.currentUser();
  const now = core.clock.now().toISOString();
  const central = core.mode === 'central';
  const { sqlite } = core;
  return sqlite.transaction(() => {
    const seq = Number(
      sqlite
        .prepare(
          `INSERT INTO outbox (client_id, mutation, args, actor_id, created_at, state, case_id, precondition)
           VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
        )
        .run(core.clientId, change.mutation, JSON.stringify(change.args), actor.id, now, central ? 'pending' : 'applied',
          JSON.stringify(change.precondition))
        .lastInsertRowid,
    );
    if (!central) change.applyLocally(actor.id, now);
    return seq;
  })();
}

/** The central rows a case-less change touched, as `{table (local name), where, params}` to read back. */
export const ROWS_CHANGED_BY: Readonly<
  Record<string, (args: Record<string, unknown>) => { table: string; where: string; params: unknown[] }>
> = {
  'quarantine.update': (args) => ({ table: 'import_quarantine', where: 'id = $1', params: [args.id] }),
  'companySettings.update': () => ({ table: 'company_settings', where: 'true', params: [] }),
  'priceList.publish': (args) => {
    const list = args.priceList as { id: string; version: number };
    return { table: 'price_lists', where: 'id = $1 AND list_version = $2', params: [list.id, list.version] };
  },
  // A new supplier has no id in the outbox: its organisation number is unique in the register.
  'areaSupplier.save': (args) => ({ table: 'area_suppliers', where: 'organisation_number = $1', params: [args.organisationNumber] }),
  'assignmentRule.set': (args) => ({
    table: 'assignment_rules',
    where: 'criterion = $1 AND value = $2',
    params: [args.criterion, args.value],
  }),
};

// A quarantined incoming record corrected, re-imported or discarded: it belongs to no case.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { MutationName } from '../../../shared/rules';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { QUARANTINE_UPDATE, QuarantineUpdateArgs, recordQuarantineUpdate } from '../quarantineUpdate';
import { RefusedByCentral } from '../../sync/centralErrors';
import { decisionMessageFactsSql, type DecisionMessageFacts } from '../../casework/decisionMessage';
import { completionNoticeReference, completionRefusalDraft, referencedCaseSql } from '../../import/completionRefusal';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  // A quarantined record has no case and no claim: the row lock and its state are the precondition. A reader
  // is refused by PostgreSQL itself (no UPDATE privilege, so not even FOR UPDATE).
  async 'quarantine.update'(client: pg.ClientBase, { args }: OutboxEntry) {
    const { rows } = await client.query<{ state: string }>('SELECT state FROM import_quarantine WHERE id = $1 FOR UPDATE', [args.id]);
    if (rows.length === 0) throw new RefusedByCentral('invalid', 'quarantined record missing');
    if (rows[0].state !== 'open' && rows[0].state !== 'ready') throw new RefusedByCentral('statusChanged', rows[0].state);
    await client.query(
      `UPDATE import_quarantine SET raw = coalesce($2, raw), state = $3::text,
         resolved_at = CASE WHEN $3::text = 'open' THEN resolved_at ELSE now() END,
         resolved_by = CASE WHEN $3::text = 'open' THEN resolved_by ELSE desk_actor() END,
         resolution_note = coalesce($4, resolution_note)
       WHERE id = $1`,
      [args.id, args.raw ?? null, args.state, args.reason ?? null],
    );
    if (args.state === 'discarded') await answerDiscardedCompletion(client, String(args.id), typeof args.reason === 'string' ? args.reason : '');
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const quarantineMutations = {
  [QUARANTINE_UPDATE]: {
    args: QuarantineUpdateArgs,
    record: recordQuarantineUpdate,
    central: central['quarantine.update'],
    rowsChanged: (args) => ({ table: 'import_quarantine', where: 'id = $1', params: [args.id] }),
  },
} satisfies DomainMutations;

/**
 * A ferdigmelding discarded from the quarantine is answered to its installer with the handler's reason
 * (import/completionRefusal.ts), through answer_discarded_completion (0033): the handler holds no claim on the case.
 */
async function answerDiscardedCompletion(client: pg.ClientBase, quarantineId: string, reason: string): Promise<void> {
  const { rows: [record] } = await client.query<{ raw: string }>('SELECT raw FROM import_quarantine WHERE id = $1', [quarantineId]);
  const reference = record ? completionNoticeReference(record.raw) : null;
  if (!reference || !reason.trim()) return;
  const { rows: [found] } = await client.query<{ id: string }>(referencedCaseSql('postgres'), [reference.caseNumber, reference.caseMessageId]);
  if (!found) return;
  const { rows: [facts] } = await client.query<DecisionMessageFacts>(decisionMessageFactsSql('$1', 'newCase'), [found.id]);
  const { recipient, subject, body } = completionRefusalDraft(facts, [{ code: 'refusedByHandler', reason }]);
  await client.query('SELECT answer_discarded_completion($1, $2, $3, $4, $5)', [quarantineId, randomUUID(), recipient, subject, body]);
}

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const quarantineMutationHandlers = ({ mutate, quarantine }: MutationCallServices) => ({
  'quarantine.save': (input) => mutate(() => quarantine.save(input.id, input.raw)),
  'quarantine.reimport': (input) => mutate(() => quarantine.reimport(input.id, input.raw)),
  'quarantine.discard': (input) => mutate(() => quarantine.discard(input.id, input.reason)),
}) satisfies DomainHandlers;

// Offers on a real PostgreSQL: a draft made and issued on a desk under a claim arrives centrally as the issued
// offer (the draft travels first, see offerSync.test.ts), issued by that person; the audit trigger writes the same events the desk wrote; a revised offer supersedes the first; and the
// central database itself refuses any edit of an issued offer.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { CreateOfferDraftResult, IssueOfferResult, OfferDetail } from '../../../shared/contract';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';
import { ok } from '../../support/apiResult';

let admin: pg.Client;
let anne: Client;

useCentralDatabase('offer_mutations', {
  seedCases: 60,
  admin: 'desk',
  timeout: 60_000,
  async setup(central) {
    admin = central.admin;
    anne = await central.startClient('anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
  },
});

const localSql = () => anne.core.database.sqlite;

interface EventShape {
  kind: string;
  data: unknown;
}

/** A case with no offer yet (the demo's new installations have theirs), made a new installation and claimed. */
async function claimedNewInstallation(): Promise<number> {
  const { rows } = await admin.query<{ id: string }>(
    `SELECT id FROM cases WHERE claimed_by IS NULL AND id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 1`,
  );
  const caseId = Number(rows[0].id);
  await admin.query("UPDATE cases SET request_type = 'new_installation' WHERE id = $1", [caseId]);
  await eventually(
    () => (anne.core.handlers['case.get']({ caseId }) as { requestType: string }).requestType === 'new_installation',
    5_000,
    'the new installation in the cache',
  );
  ok(await anne.core.dispatch('case.claim', { caseId }));
  await eventually(
    () => (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state === 'mine',
    5_000,
    'the claim',
  );
  return caseId;
}

async function pushed(): Promise<void> {
  await eventually(
    () => (localSql().prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n === 0,
    10_000,
    'the push',
  );
  await anne.core.central!.engine.whenIdle();
  expect(ok<unknown[]>(await anne.core.dispatch('outbox.refused', {}))).toEqual([]);
}

/** The optimistic offer events of the latest outbox entry, oldest first (optimistic ids count down). */
function optimisticEvents(caseId: number): EventShape[] {
  const rows = localSql()
    .prepare(`SELECT kind, data FROM case_events WHERE case_id = ? AND pending_seq = (SELECT max(seq) FROM outbox) ORDER BY id DESC`)
    .all(caseId) as { kind: string; data: string }[];
  return rows.map((row) => ({ kind: row.kind, data: JSON.parse(row.data) as unknown }));
}

async function centralOfferEvents(caseId: number): Promise<EventShape[]> {
  const { rows } = await admin.query<{ kind: string; data: unknown }>(
    `SELECT kind, data FROM case_events WHERE case_id = $1 AND kind LIKE 'offer_%' ORDER BY id`,
    [caseId],
  );
  return rows.map((row) => ({ kind: row.kind, data: typeof row.data === 'string' ? (JSON.parse(row.data) as unknown) : row.data }));
}

async function issue(caseId: number): Promise<{ offerId: string; local: EventShape[]; offer: OfferDetail }> {
  const draft = ok<CreateOfferDraftResult>(await anne.core.dispatch('case.createOfferDraft', { caseId }));
  const offer = ok<OfferDetail>(await anne.core.dispatch('offer.get', { offerId: draft.offerId }));
  ok<IssueOfferResult>(await anne.core.dispatch('case.issueOffer', { offerId: draft.offerId }));
  const local = optimisticEvents(caseId);
  await pushed();
  return { offerId: draft.offerId, local, offer };
}

describe('offers on the central database', () => {
  it('an issued offer arrives as the person, with the events the desk wrote; a revision supersedes it', async () => {
    const caseId = await claimedNewInstallation();
    const first = await issue(caseId);
    expect(first.local.map((e) => e.kind)).toEqual(['offer_issued']);

    const { rows } = await admin.query(
      'SELECT state, issued_by, created_by, offer_version, lines, connection_fee_deduction_ore::int AS deduction, totals FROM offers WHERE id = $1',
      [first.offerId],
    );
    expect(rows[0]).toMatchObject({ state: 'issued', issued_by: anne.login, created_by: anne.login, offer_version: 1, deduction: 230_000 });
    expect(JSON.parse(rows[0].lines as string)).toEqual(first.offer.lines);
    expect(JSON.parse(rows[0].totals as string).grossOre).toBe(first.offer.calculation.grossOre);

    const second = await issue(caseId);
    expect(second.local.map((e) => e.kind)).toEqual(['offer_superseded', 'offer_issued']);
    expect(await centralOfferEvents(caseId)).toEqual([...first.local, ...second.local]);
    const states = await admin.query('SELECT offer_version, state FROM offers WHERE case_id = $1 ORDER BY offer_version', [caseId]);
    expect(states.rows).toEqual([{ offer_version: 1, state: 'superseded' }, { offer_version: 2, state: 'issued' }]);

    // The desk's cache holds the server's rows, and still finds the letters it keeps locally.
    await eventually(
      () => (localSql().prepare("SELECT state FROM offers WHERE id = ?").get(first.offerId) as { state: string }).state === 'superseded'
        && (localSql().prepare('SELECT count(*) AS n FROM case_events WHERE case_id = ? AND pending_seq IS NOT NULL').get(caseId) as { n: number }).n === 0,
      5_000,
      'the server rows in the cache',
    );
    const issued = ok<OfferDetail>(await anne.core.dispatch('offer.get', { offerId: second.offerId }));
    expect(issued.state).toBe('issued');
    expect(issued.pdfAttachmentId).not.toBeNull();
  });

  it('refuses an edit of an issued offer, on the desk and in PostgreSQL', async () => {
    const caseId = await claimedNewInstallation();
    const { offerId, offer } = await issue(caseId);
    const save = await anne.core.dispatch('case.saveOfferDraft', { offerId, lines: offer.lines, connectionFeeDeductionOre: null });
    expect(save).toMatchObject({ ok: false, error: { code: 'offer.notDraft' } });
    // Even the owner cannot change it: only issued → superseded is allowed.
    await expect(admin.query("UPDATE offers SET lines = '[]' WHERE id = $1", [offerId])).rejects.toMatchObject({ code: 'DK006' });
  });
});

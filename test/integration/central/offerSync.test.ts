// Offers through the central database: a draft ships like any casework (it records no history, but it changed
// rows), survives a cache reset, and is rolled back to the server's draft when the central side refuses a change
// made offline; the issued letter reaches the server through store_offer_letter and comes to other desks.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { CreateOfferDraftResult, IssueOfferResult, OfferDetail, RefusedChange } from '../../../shared/contract';
import { ISSUED_FIGURES } from '../../../shared/rules';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, unreachableUrl, type Client } from '../../support/syncClients';
import { ok } from '../../support/apiResult';
import { toStoredLines } from '../../../core/offers/storedLines';

let admin: pg.Client;

const central = useCentralDatabase('offer_sync', {
  seedCases: 40,
  admin: 'desk',
  timeout: 60_000,
  async setup() {
    admin = central.admin;
  },
});

const unreachable = unreachableUrl;

async function start(name: string, existing?: { login: string; directory: string; url?: (url: string) => string }) {
  const client = await central.startClient(name, 'case_handler', {}, existing);
  if (!existing?.url) await client.core.central!.engine.whenIdle();
  return client;
}

/** The same person on the same cache, online or (with `offline`) unable to reach the server. */
async function restart(client: Client, offline = false): Promise<Client> {
  await client.close();
  return start('same', { login: client.login, directory: client.directory, url: offline ? unreachable : undefined });
}

/**
 * A case with no offer yet (the demo's offer cases have theirs), made a new installation, claimed once the cache
 * has it as one.
 */
async function claimedNewInstallation(client: Client): Promise<number> {
  const { rows } = await admin.query<{ id: string }>(
    `SELECT id FROM cases WHERE claimed_by IS NULL
       AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = cases.id) ORDER BY id LIMIT 1`,
  );
  const caseId = Number(rows[0].id);
  await admin.query("UPDATE cases SET request_type = 'new_installation' WHERE id = $1", [caseId]);
  await eventually(
    () => (client.core.handlers['case.get']({ caseId }) as { requestType: string }).requestType === 'new_installation',
    5_000,
    'the new installation in the cache',
  );
  ok(await client.core.dispatch('case.claim', { caseId }));
  await eventually(
    () => (client.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state === 'mine',
    5_000,
    'the claim',
  );
  return caseId;
}

const pendingCount = (client: Client) =>
  (client.core.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n;

async function pushed(client: Client): Promise<void> {
  await eventually(() => pendingCount(client) === 0, 10_000, 'the push');
  await client.core.central!.engine.whenIdle();
}

async function centralOffer(offerId: string) {
  const { rows } = await admin.query<{ state: string; lines: string; created_by: string; offer_version: number; pdf_sha256: string | null }>(
    'SELECT state, lines, created_by, offer_version, pdf_sha256 FROM offers WHERE id = $1',
    [offerId],
  );
  return rows[0] ?? null;
}

/** The copy of the offer as the server sent it, kept while a local change to it waits (local 0025). */
const serverRow = (client: Client, offerId: string) =>
  (client.core.database.sqlite.prepare('SELECT server_row FROM offers WHERE id = ?').get(offerId) as { server_row: string | null }).server_row;

/** The draft's lines with the first line's price raised by `byOre`. */
function raised(offer: OfferDetail, byOre: number) {
  const [first, ...rest] = offer.lines;
  return { offerId: offer.id, lines: [{ ...first, unitPriceOre: first.unitPriceOre + byOre }, ...rest], connectionFeeDeductionOre: offer.connectionFeeDeductionOre };
}

describe('offer drafts through the central database', () => {
  it('ships a draft and its edits, and keeps an offline edit across a cache reset', async () => {
    const anne = await start('anne');
    const caseId = await claimedNewInstallation(anne);
    const draft = ok<CreateOfferDraftResult>(await anne.core.dispatch('case.createOfferDraft', { caseId }));
    const offer = ok<OfferDetail>(await anne.core.dispatch('offer.get', { offerId: draft.offerId }));
    ok(await anne.core.dispatch('case.saveOfferDraft', raised(offer, 10_000)));
    await pushed(anne);

    const central = await centralOffer(draft.offerId);
    expect(central).toMatchObject({ state: 'draft', created_by: anne.login, offer_version: 1 });
    expect(JSON.parse(central.lines)).toEqual(raised(offer, 10_000).lines);
    expect(anne.core.database.sqlite.prepare('SELECT pending_seq FROM offers WHERE id = ?').get(draft.offerId)).toEqual({ pending_seq: null });

    // Offline, the draft is edited again; then the central schema changes and the cache is thrown away.
    const offline = await restart(anne, true);
    ok(await offline.core.dispatch('case.saveOfferDraft', raised(offer, 25_000)));
    expect(pendingCount(offline)).toBe(1);
    await offline.close();
    await admin.query(
      `INSERT INTO drizzle.__drizzle_migrations (hash, created_at)
       SELECT 'offer-sync-test-' || count(*), max(created_at) + 1 FROM drizzle.__drizzle_migrations`,
    );
    const again = await restart(offline);
    await pushed(again);
    const after = ok<OfferDetail>(await again.core.dispatch('offer.get', { offerId: draft.offerId }));
    expect(after.lines).toEqual(raised(offer, 25_000).lines);
    expect(JSON.parse((await centralOffer(draft.offerId)).lines)).toEqual(raised(offer, 25_000).lines);
    await again.close();
  });

  it('rolls an offline edit back to the server’s draft when another desk took the claim meanwhile', async () => {
    const anne = await start('anna');
    const bjorn = await start('bjorn');
    const caseId = await claimedNewInstallation(anne);
    const draft = ok<CreateOfferDraftResult>(await anne.core.dispatch('case.createOfferDraft', { caseId }));
    const offer = ok<OfferDetail>(await anne.core.dispatch('offer.get', { offerId: draft.offerId }));
    await pushed(anne);
    // The server's draft is the cache's own row: no copy of it is kept until a local change begins.
    expect(serverRow(anne, draft.offerId)).toBeNull();

    const offline = await restart(anne, true);
    ok(await offline.core.dispatch('case.saveOfferDraft', raised(offer, 99_900)));
    expect(ok<OfferDetail>(await offline.core.dispatch('offer.get', { offerId: draft.offerId })).lines).toEqual(raised(offer, 99_900).lines);
    expect(JSON.parse(serverRow(offline, draft.offerId)!)).toMatchObject({ id: draft.offerId, lines: toStoredLines(offer.lines) });
    await offline.close();
    // Anne's lease ran out and Bjørn claimed the case.
    await admin.query(
      `UPDATE cases SET claimed_by = $2, claim_token = claim_token + 1, lease_until = now() + interval '5 minutes' WHERE id = $1`,
      [caseId, bjorn.login],
    );

    const back = await restart(offline);
    await pushed(back);
    const refused = ok<RefusedChange[]>(await back.core.dispatch('outbox.refused', {}));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ mutation: 'case.saveOfferDraft', reason: 'claimedByOther' });
    const shown = ok<OfferDetail>(await back.core.dispatch('offer.get', { offerId: draft.offerId }));
    expect(shown.lines).toEqual(offer.lines);
    expect(back.core.database.sqlite.prepare('SELECT pending_seq FROM offers WHERE id = ?').get(draft.offerId)).toEqual({ pending_seq: null });
    expect(serverRow(back, draft.offerId)).toBeNull();
    expect(JSON.parse((await centralOffer(draft.offerId)).lines)).toEqual(offer.lines);
    await back.close();
  });
});

describe('an issue written before drafts travelled', () => {
  it('still arrives whole, with its letter, from the draft content the entry carries', async () => {
    const eva = await start('eva');
    const caseId = await claimedNewInstallation(eva);
    // As the old code left it: the draft only in the cache, its creation never in the outbox.
    const offline = await restart(eva, true);
    const local = offline.core.database.sqlite;
    const draft = ok<CreateOfferDraftResult>(await offline.core.dispatch('case.createOfferDraft', { caseId }));
    local.prepare("DELETE FROM outbox WHERE mutation = 'case.createOfferDraft'").run();
    local.prepare('UPDATE offers SET pending_seq = NULL WHERE id = ?').run(draft.offerId);
    const issued = ok<IssueOfferResult>(await offline.core.dispatch('case.issueOffer', { offerId: draft.offerId }));
    // Until the server has it, the letter is this desk's own (a negative id), and it opens all the same.
    expect(issued.pdfAttachmentId).toBeLessThan(0);
    ok(await offline.core.dispatch('attachment.open', { attachmentId: issued.pdfAttachmentId }));
    const again = await restart(offline);
    await pushed(again);
    expect(ok<RefusedChange[]>(await again.core.dispatch('outbox.refused', {}))).toEqual([]);
    expect(await centralOffer(draft.offerId)).toMatchObject({ state: 'issued', created_by: again.login, pdf_sha256: issued.pdfSha256 });
    const { rows } = await admin.query('SELECT count(*)::int AS n FROM attachments WHERE case_id = $1 AND sha256 = $2', [caseId, issued.pdfSha256]);
    expect(rows[0].n).toBe(1);
  });
});

describe('the issued letter', () => {
  it('reaches the server with the issue and comes to another desk by the pull', async () => {
    const carl = await start('carl');
    const dina = await start('dina');
    const caseId = await claimedNewInstallation(carl);
    const draft = ok<CreateOfferDraftResult>(await carl.core.dispatch('case.createOfferDraft', { caseId }));
    const issued = ok<IssueOfferResult>(await carl.core.dispatch('case.issueOffer', { offerId: draft.offerId }));
    expect(issued.pdfAttachmentId).toBeLessThan(0); // optimistic until the server has it
    await pushed(carl);

    expect(await centralOffer(draft.offerId)).toMatchObject({ state: 'issued', pdf_sha256: issued.pdfSha256 });
    const { rows: blobs } = await admin.query<{ content: Buffer }>('SELECT content FROM attachment_blobs WHERE sha256 = $1', [issued.pdfSha256]);
    expect(createHash('sha256').update(blobs[0].content).digest('hex')).toBe(issued.pdfSha256);
    const { rows: attachments } = await admin.query<{ id: string; file_name: string }>(
      'SELECT id, file_name FROM attachments WHERE case_id = $1 AND sha256 = $2',
      [caseId, issued.pdfSha256],
    );
    expect(attachments).toHaveLength(1);
    expect(attachments[0].file_name).toMatch(/^tilbud-.+-v1\.pdf$/);
    const centralId = Number(attachments[0].id);

    // The issuing desk now holds the server's row only; the other desk gets it by the pull.
    await eventually(
      () => (carl.core.database.sqlite.prepare('SELECT id FROM attachments WHERE case_id = ? AND sha256 = ?').all(caseId, issued.pdfSha256) as { id: number }[])
        .map((row) => row.id).join() === String(centralId),
      5_000,
      'the server’s attachment row on the issuing desk',
    );
    expect(ok<OfferDetail>(await carl.core.dispatch('offer.get', { offerId: draft.offerId })).pdfAttachmentId).toBe(centralId);
    await eventually(
      () => dina.core.database.sqlite.prepare('SELECT id FROM attachments WHERE id = ?').get(centralId),
      5_000,
      'the letter on the other desk',
    );
    // The other desk's cache holds the offer's lines and its figures as issued, and works out the very calculation
    // the central database keeps as issued.
    const { rows: [central] } = await admin.query<{ totals: string }>('SELECT totals FROM offers WHERE id = $1', [draft.offerId]);
    await eventually(() => dina.core.database.sqlite.prepare('SELECT 1 FROM offers WHERE id = ? AND state = ?').get(draft.offerId, 'issued'),
      5_000, 'the issued offer on the other desk');
    const kept = dina.core.database.sqlite.prepare('SELECT totals FROM offers WHERE id = ?').get(draft.offerId) as { totals: string };
    expect(Object.keys(JSON.parse(kept.totals) as object).sort()).toEqual([...ISSUED_FIGURES].sort());
    expect(kept.totals.length).toBeLessThan(central.totals.length / 10);
    const there = ok<OfferDetail>(await dina.core.dispatch('offer.get', { offerId: draft.offerId }));
    expect(there.calculation).toEqual(JSON.parse(central.totals));
    expect(there.figuresAsIssued).toBeNull();

    const local = readFileSync(path.join(carl.directory, 'attachments', issued.pdfSha256));
    expect(blobs[0].content.equals(local)).toBe(true);

    // The other desk fetches the letter's content from the server the first time it opens it.
    const elsewhere = path.join(dina.directory, 'attachments', issued.pdfSha256);
    expect(existsSync(elsewhere)).toBe(false);
    ok(await dina.core.dispatch('attachment.open', { attachmentId: centralId }));
    expect(readFileSync(elsewhere).equals(local)).toBe(true);
  });
});

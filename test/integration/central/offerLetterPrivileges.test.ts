// The issued letter's narrow way into the central database (0011_offer_sync): store_offer_letter stores bytes only
// as the letter of an offer the caller issued, whose SHA-256 the offer names, on that offer's case. A case handler
// still cannot insert arbitrary attachments or blobs, a reader cannot call it, and an offer cannot name a letter the
// server does not have once its transaction commits.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CENTRAL_REFUSALS } from '../../../db/central/refusals';
import { demoPriceLists } from '../../../core/pricing/demoPriceList';
import { storePriceListsCentral } from '../../../core/pricing/priceListStore';
import { useCentralDatabase } from '../../support/centralDatabase';
import { insertCases, refusal } from './fixtures';

let admin: pg.Client;
let kari: pg.Client;
let per: pg.Client;
let liv: pg.Client;
let caseIds: number[];
const list = demoPriceLists()[0];
const letter = Buffer.from('%PDF-1.4 tilbud om tilknytning');
const other = Buffer.from('%PDF-1.4 noe helt annet');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const OFFER = '00000000-0000-4000-8000-0000000000a1';
const DRAFT = '00000000-0000-4000-8000-0000000000a2';

const central = useCentralDatabase('offer_letter', {
  async setup() {
    admin = central.admin;
    kari = await central.connectAs('kari', 'case_handler');
    per = await central.connectAs('per', 'case_handler');
    liv = await central.connectAs('liv', 'reader');
    caseIds = await insertCases(admin, 2);
    await storePriceListsCentral(admin, [list]);
    await kari.query('SELECT claim_case($1)', [caseIds[0]]);
    await kari.query(
      `INSERT INTO offers (id, case_id, offer_version, price_list_id, price_list_version, lines, totals)
       VALUES ($1, $3, 1, $4, $5, '[]', '{"grossOre":0}'), ($2, $3, 2, $4, $5, '[]', '{"grossOre":0}')`,
      [OFFER, DRAFT, caseIds[0], list.id, list.version],
    );
  },
});

const issueSql = `UPDATE offers SET state = 'issued', valid_until = '2027-03-01', issued_at = now(), pdf_sha256 = $2 WHERE id = $1`;
const storeLetter = (client: pg.Client, offerId: string, bytes: Buffer) =>
  client.query<{ id: string }>('SELECT store_offer_letter($1, $2) AS id', [offerId, bytes]);

async function inTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

describe('the offer letter', () => {
  it('an issued offer cannot name a letter the server does not have', async () => {
    const refused = await refusal(inTransaction(kari, () => kari.query(issueSql, [OFFER, sha(letter)])));
    expect(refused.code).toBe('23503');
    expect((await admin.query('SELECT state FROM offers WHERE id = $1', [OFFER])).rows[0]).toEqual({ state: 'draft' });
  });

  it('is stored by the one who issued the offer, in the issuing transaction, as an attachment of its case', async () => {
    const { rows } = await inTransaction(kari, async () => {
      await kari.query(issueSql, [OFFER, sha(letter)]);
      return storeLetter(kari, OFFER, letter);
    });
    const attachment = (await admin.query('SELECT case_id, file_name, mime_type, size_bytes, sha256 FROM attachments WHERE id = $1', [rows[0].id])).rows[0];
    expect(attachment).toEqual({
      case_id: String(caseIds[0]), file_name: expect.stringMatching(/^tilbud-.+-v1\.pdf$/), mime_type: 'application/pdf',
      size_bytes: letter.length, sha256: sha(letter),
    });
    // Again is a no-op that names the same attachment.
    expect((await storeLetter(kari, OFFER, letter)).rows[0].id).toBe(rows[0].id);
  });

  it('refuses other bytes, someone else’s offer, a draft, and a reader', async () => {
    for (const [client, offerId, bytes] of [[kari, OFFER, other], [per, OFFER, letter], [kari, DRAFT, letter]] as const) {
      const refused = await refusal(storeLetter(client, offerId, bytes));
      expect(refused.code).toBe(CENTRAL_REFUSALS.permission_denied);
      expect(refused.message).toMatch(/desk:offer_letter_refused/);
    }
    const reader = await refusal(storeLetter(liv, OFFER, letter));
    expect(reader.code).toBe(CENTRAL_REFUSALS.permission_denied);
    expect(reader.message).toMatch(/permission denied for function store_offer_letter/);
    expect((await admin.query('SELECT count(*)::int AS n FROM attachment_blobs WHERE sha256 = $1', [sha(other)])).rows[0].n).toBe(0);
  });

  it('leaves a case handler no other way to write attachments or blobs', async () => {
    const attempts = [
      () => kari.query('INSERT INTO attachment_blobs (sha256, content) VALUES ($1, $2)', [sha(other), other]),
      () => kari.query(
        `INSERT INTO attachments (case_id, kind, file_name, mime_type, size_bytes, sha256, received_at)
         VALUES ($1, 'other', 'x.pdf', 'application/pdf', 1, $2, now())`,
        [caseIds[1], sha(letter)],
      ),
      () => kari.query("UPDATE attachments SET file_name = 'y.pdf'"),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).code).toBe(CENTRAL_REFUSALS.permission_denied);
  });
});

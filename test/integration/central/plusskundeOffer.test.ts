// The server decides (issue 13, item 14): an offer that charges a plusskunde within the main fuse an anleggsbidrag is
// refused by the central applier even when a forged outbox entry skips the desk's check; the same entry for feed-in
// beyond the main fuse is applied. Real PostgreSQL, the applier called as the case handler's own login.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { centralApplierFor } from '../../../core/sync/centralAppliers';
import { centralToday } from '../../../core/sync/centralToday';
import { offerValidUntil, type OfferLine } from '../../../shared/rules';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';
import { ok } from '../../support/apiResult';

let admin: pg.Client;
let anne: Client;

const central = useCentralDatabase('plusskunde_offer', {
  seedCases: 20,
  admin: 'desk',
  timeout: 60_000,
  async setup(db) {
    admin = db.admin;
    anne = await db.startClient('anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
  },
});

const cable: OfferLine = {
  id: 'line:cable', component: 'cable', kind: 'material', description: 'Kabel TFXP 4x50 Al', quantityMilli: 10_000,
  unit: 'm', unitPriceOre: 8_900, vatCode: 'exempt', source: null,
};

/** A case claimed by Anne, made centrally into a request for `productionKw` of solar on 63 A, 3-phase 230 V IT. */
async function claimedSolarCase(productionKw: number): Promise<{ caseId: number; claimToken: number }> {
  const { rows } = await admin.query<{ id: string }>(
    `SELECT id FROM cases WHERE claimed_by IS NULL AND status NOT IN ('closed', 'rejected') ORDER BY id LIMIT 1`,
  );
  const caseId = Number(rows[0].id);
  ok(await anne.core.dispatch('case.claim', { caseId }));
  await eventually(
    () => (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state === 'mine',
    5_000,
    'the claim',
  );
  await admin.query(
    `UPDATE cases SET request_type = 'production', has_production = true, production_kw = $2, main_fuse_a = 63,
       network_system = '230V_IT', phases = 3 WHERE id = $1`,
    [caseId, productionKw],
  );
  const { rows: [claim] } = await admin.query<{ claim_token: string }>('SELECT claim_token FROM cases WHERE id = $1', [caseId]);
  return { caseId, claimToken: Number(claim.claim_token) };
}

/** A forged `case.issueOffer` entry, applied as Anne in a transaction that is rolled back. */
async function applyForgedIssue(caseId: number, claimToken: number): Promise<unknown> {
  const direct = new pg.Client({ connectionString: central.db.urlFor(anne.login) });
  await direct.connect();
  try {
    await direct.query('BEGIN');
    const issuedOn = await centralToday(direct);
    const entry = {
      seq: 1, mutation: 'case.issueOffer', caseId, createdAt: new Date().toISOString(), precondition: { claimToken },
      args: {
        offerId: '00000000-0000-4000-8000-0000000000a1', caseId, offerVersion: 1, priceListId: 'agder-nett-standard',
        priceListVersion: 2, draftLines: JSON.stringify([cable]), draftDeductionOre: 0, issuedOn,
        validUntil: offerValidUntil(issuedOn, { months: 3 }), pdfSha256: 'a'.repeat(64), pdfSizeBytes: 1000,
      },
    };
    return await centralApplierFor('case.issueOffer')!(direct, entry).then(() => 'applied', (error: unknown) => error);
  } finally {
    await direct.query('ROLLBACK').catch(() => undefined);
    await direct.end();
  }
}

describe('an offer with a contribution for a plusskunde', () => {
  it('is refused centrally when the feed-in stays within the main fuse', async () => {
    const { caseId, claimToken } = await claimedSolarCase(10);
    expect(await applyForgedIssue(caseId, claimToken)).toMatchObject({ reason: 'invalid', detail: 'offer.plusskundeContribution' });
  });

  it('is applied when the feed-in is beyond the main fuse', async () => {
    const { caseId, claimToken } = await claimedSolarCase(40);
    expect(await applyForgedIssue(caseId, claimToken)).toBe('applied');
  });
});

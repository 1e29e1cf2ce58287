// The day a billing step happened lies between the offer's issue and today, standalone against a real SQLite file:
// a person's payment dated tomorrow and an acceptance backdated to before the offer (which would also slip an
// expired offer through) are refused with nothing written; the billing file's rows with such dates are flagged for a
// person instead of moving the case.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/contract';
import { importPaymentsIntoSqlite } from '../../../core/billing/localPaymentImport';
import { HARNESS_NOW, startInProcessHarness, type InProcessHarness } from '../../../harness/inProcessHarness';
import { insertIssuedOffer } from '../../support/issuedOffer';

// HARNESS_NOW is 2026-11-27 in Oslo; insertIssuedOffer issues on 2026-11-20.
let harness: InProcessHarness;
let caseId: number;
let caseNumber: string;

beforeEach(() => {
  harness = startInProcessHarness({ cases: 10 });
  ({ id: caseId, case_number: caseNumber } = sqlite().prepare('SELECT id, case_number FROM cases WHERE id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 1').get() as {
    id: number; case_number: string;
  });
});
afterEach(() => harness.dispose());

const sqlite = () => harness.core.database.sqlite;
const setStatus = (status: string) => sqlite().prepare('UPDATE cases SET status = ? WHERE id = ?').run(status, caseId);
const status = () => (sqlite().prepare('SELECT status FROM cases WHERE id = ?').get(caseId) as { status: string }).status;
const written = () => (sqlite().prepare('SELECT (SELECT count(*) FROM billing_events WHERE case_id = ?) + (SELECT count(*) FROM outbox) AS n').get(caseId) as { n: number }).n;
async function refused(input: Record<string, unknown>): Promise<AppError> {
  const result = await harness.core.dispatch('case.act', { caseId, ...input });
  if (result.ok) throw new Error('the step was accepted');
  return result.error;
}

describe('the day of a billing step', () => {
  it('refuses a payment dated after today and an acceptance dated before the offer was issued', async () => {
    insertIssuedOffer(sqlite(), caseId, { grossOre: 1_234_550, validUntil: '2026-12-31' });
    setStatus('invoice_sent');
    expect(await refused({ action: 'registerPayment', amountOre: 1_234_550, occurredOn: '2026-11-28' }))
      .toMatchObject({ code: 'offerStep.occurredInFuture', params: { occurredOn: '2026-11-28', today: '2026-11-27' } });
    setStatus('offer_sent');
    expect(await refused({ action: 'acceptOffer', occurredOn: '2026-11-19' }))
      .toMatchObject({ code: 'offerStep.occurredBeforeIssue', params: { offerVersion: 1, issuedOn: '2026-11-20' } });
    expect(written()).toBe(0);
    expect(status()).toBe('offer_sent');

    const accepted = await harness.core.dispatch('case.act', { caseId, action: 'acceptOffer', occurredOn: '2026-11-20' });
    expect(accepted.ok).toBe(true);
    expect(status()).toBe('offer_accepted');
  });

  it('flags billing-file rows dated in the future or before the offer, leaving the case where it was', () => {
    insertIssuedOffer(sqlite(), caseId, { grossOre: 500_000, validUntil: '2026-12-31' });
    setStatus('invoice_sent');
    const file = [
      'hendelse_id;type;saksnummer;tilbudsversjon;beløp;dato;referanse',
      `F-1;betaling;${caseNumber};1;5 000,00;2026-12-15;KID 1`,
      `F-2;betaling;${caseNumber};1;5 000,00;2026-11-01;KID 2`,
    ].join('\n');
    const summary = importPaymentsIntoSqlite(sqlite(), 'betalinger.csv', file, { now: new Date(HARNESS_NOW) });
    expect(summary).toMatchObject({ applied: 0, flagged: 2 });
    expect(summary.flaggedRows.map((row) => row.code)).toEqual(['occurredInFuture', 'occurredBeforeIssue']);
    expect(status()).toBe('invoice_sent');
  });
});

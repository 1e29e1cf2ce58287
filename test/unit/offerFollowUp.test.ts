import { describe, expect, it } from 'vitest';
import {
  amountMatches,
  planBillingStep,
  releasesWork,
  startApprovalMessage,
  type OfferFacts,
} from '../../shared/rules';

const issued: OfferFacts = { id: 'o2', version: 2, state: 'issued', grossOre: 1_234_550, validUntil: '2026-12-31', issuedOn: '2026-11-20' };
const superseded: OfferFacts = { id: 'o1', version: 1, state: 'superseded', grossOre: 1_000_000, validUntil: '2026-11-30', issuedOn: '2026-10-01' };
const draft: OfferFacts = { id: 'o3', version: 3, state: 'draft', grossOre: 0, validUntil: null, issuedOn: null };
const offers = [superseded, issued, draft];

describe('releasesWork: when the installer may start', () => {
  it('releases on payment whatever the setting', () => {
    expect(releasesWork('payment', false)).toBe(true);
    expect(releasesWork('payment', true)).toBe(true);
  });
  it('releases on acceptance only where the company releases on acceptance', () => {
    expect(releasesWork('acceptance', false)).toBe(false);
    expect(releasesWork('acceptance', true)).toBe(true);
  });
  it('never on sending the offer or the invoice', () => {
    for (const setting of [false, true]) {
      expect(releasesWork('offer_sent', setting)).toBe(false);
      expect(releasesWork('invoice', setting)).toBe(false);
    }
  });
});

describe('amountMatches: to the øre', () => {
  it('matches the exact total only', () => {
    expect(amountMatches(1_234_550, 1_234_550)).toBe(true);
    expect(amountMatches(1_234_549, 1_234_550)).toBe(false);
    expect(amountMatches(1_234_551, 1_234_550)).toBe(false);
  });
  it('refuses a fraction of an øre', () => {
    expect(amountMatches(1_234_550.5, 1_234_550)).toBe(false);
  });
});

describe('planBillingStep', () => {
  const step = (kind: 'offer_sent' | 'acceptance' | 'invoice' | 'payment', over: Partial<{ offerVersion: number | null; amountOre: number | null; occurredOn: string; today: string }> = {}) => ({
    kind, offerVersion: 2, amountOre: null, occurredOn: '2026-12-01', today: '2027-06-30', ...over,
  });

  it('applies a payment of the exact total to a case whose invoice is out', () => {
    const plan = planBillingStep(step('payment', { amountOre: 1_234_550 }), 'invoice_sent', offers, 'system');
    expect(plan).toMatchObject({ outcome: 'applied', action: 'registerPayment', to: 'paid', offer: { id: 'o2' } });
  });

  it('flags a payment one øre short, naming both amounts in NOK', () => {
    const plan = planBillingStep(step('payment', { amountOre: 1_234_549 }), 'invoice_sent', offers, 'system');
    expect(plan).toMatchObject({ outcome: 'flagged', code: 'amountMismatch' });
    if (plan.outcome === 'flagged') {
      expect(plan.params.amount).toBe('12\u00a0345,49\u00a0kr');
      expect(plan.params.expected).toBe('12\u00a0345,50\u00a0kr');
    }
  });

  it('flags a payment without an amount', () => {
    expect(planBillingStep(step('payment'), 'invoice_sent', offers, 'system')).toMatchObject({ outcome: 'flagged', code: 'amountMissing' });
  });

  it('flags an unknown, a superseded and a draft offer version', () => {
    expect(planBillingStep(step('payment', { offerVersion: 9, amountOre: 1 }), 'invoice_sent', offers, 'system'))
      .toMatchObject({ outcome: 'flagged', code: 'offerUnknown', offer: null });
    expect(planBillingStep(step('payment', { offerVersion: 1, amountOre: 1_000_000 }), 'invoice_sent', offers, 'system'))
      .toMatchObject({ outcome: 'flagged', code: 'offerSuperseded', params: { offerVersion: 1, currentVersion: 2 } });
    expect(planBillingStep(step('acceptance', { offerVersion: 3 }), 'offer_sent', offers, 'system'))
      .toMatchObject({ outcome: 'flagged', code: 'offerNotIssued' });
  });

  it('takes the issued offer when no version is named (the desk)', () => {
    const plan = planBillingStep(step('offer_sent', { offerVersion: null }), 'approved', offers, 'case_handler');
    expect(plan).toMatchObject({ outcome: 'applied', to: 'offer_sent', offer: { version: 2 } });
  });

  it('refuses to send or accept an offer past its validity, but takes its payment', () => {
    const late = { occurredOn: '2027-01-01' };
    expect(planBillingStep(step('offer_sent', { offerVersion: null, ...late }), 'approved', offers, 'case_handler'))
      .toMatchObject({ outcome: 'flagged', code: 'offerExpired', params: { validUntil: '2026-12-31' } });
    expect(planBillingStep(step('acceptance', late), 'offer_sent', offers, 'system')).toMatchObject({ code: 'offerExpired' });
    expect(planBillingStep(step('offer_sent', { offerVersion: null, occurredOn: '2026-12-31' }), 'approved', offers, 'case_handler'))
      .toMatchObject({ outcome: 'applied' });
    expect(planBillingStep(step('payment', { ...late, amountOre: 1_234_550 }), 'invoice_sent', offers, 'system'))
      .toMatchObject({ outcome: 'applied' });
  });

  it('refuses a day after today or before the offer was issued, whoever records it', () => {
    const today = '2026-12-01';
    for (const actor of ['case_handler', 'system'] as const) {
      expect(planBillingStep(step('payment', { amountOre: 1_234_550, occurredOn: '2026-12-02', today }), 'invoice_sent', offers, actor))
        .toMatchObject({ outcome: 'flagged', code: 'occurredInFuture', params: { occurredOn: '2026-12-02', today } });
      // Backdating an acceptance to before the offer existed is refused, not taken as within its validity.
      expect(planBillingStep(step('acceptance', { occurredOn: '2026-11-19', today }), 'offer_sent', offers, actor))
        .toMatchObject({ outcome: 'flagged', code: 'occurredBeforeIssue', params: { offerVersion: 2, issuedOn: '2026-11-20' } });
    }
    // The bounds themselves are allowed: the day of issue, and today.
    expect(planBillingStep(step('acceptance', { occurredOn: '2026-11-20', today }), 'offer_sent', offers, 'system')).toMatchObject({ outcome: 'applied' });
    expect(planBillingStep(step('payment', { amountOre: 1_234_550, occurredOn: today, today }), 'invoice_sent', offers, 'system'))
      .toMatchObject({ outcome: 'applied' });
  });

  it('flags a case without an issued offer', () => {
    expect(planBillingStep(step('offer_sent', { offerVersion: null }), 'approved', [draft], 'case_handler'))
      .toMatchObject({ outcome: 'flagged', code: 'noIssuedOffer' });
  });

  it('follows the state machine: a payment before the invoice, a second payment, a reader', () => {
    expect(planBillingStep(step('payment', { amountOre: 1_234_550 }), 'offer_accepted', offers, 'system'))
      .toMatchObject({ outcome: 'flagged', code: 'statusNotAllowed', params: { status: 'offer_accepted' } });
    expect(planBillingStep(step('payment', { amountOre: 1_234_550 }), 'paid', offers, 'system'))
      .toMatchObject({ outcome: 'flagged', code: 'statusNotAllowed' });
    expect(planBillingStep(step('invoice'), 'offer_accepted', offers, 'reader')).toMatchObject({ code: 'statusNotAllowed' });
    expect(planBillingStep(step('invoice'), 'offer_accepted', offers, 'supervisor')).toMatchObject({ outcome: 'applied', to: 'invoice_sent' });
  });

  it('checks an acceptance amount when one is given', () => {
    expect(planBillingStep(step('acceptance', { amountOre: 1_234_550 }), 'offer_sent', offers, 'system')).toMatchObject({ outcome: 'applied' });
    expect(planBillingStep(step('acceptance', { amountOre: 5 }), 'offer_sent', offers, 'system')).toMatchObject({ code: 'amountMismatch' });
  });
});

describe('startApprovalMessage', () => {
  const base = { caseNumber: '2026-000123', address: 'Storgata 1', postcode: '4612', postTown: 'Kristiansand', offerVersion: 2, releasedOn: '2026-12-01' };
  it('says the work may start, for which installation, and why (payment)', () => {
    const message = startApprovalMessage({ ...base, releasedBy: 'payment' });
    expect(message.subject).toBe('Klarsignal 2026-000123 – Storgata 1');
    expect(message.body).toContain('Arbeidet i tilknytningspunktet for Storgata 1, 4612 Kristiansand (saksnummer 2026-000123) kan starte.');
    expect(message.body).toContain('tilbud versjon 2 er registrert betalt 1. desember 2026');
  });
  it('says when it was released on acceptance', () => {
    expect(startApprovalMessage({ ...base, releasedBy: 'acceptance' }).body).toContain('godtok tilbud versjon 2 1. desember 2026');
  });
});

// The start approval as both databases store it: one recipient rule (the installer's email, else the contact person
// the request named, else the firm) and the words of rules/startApprovalMessage.ts.
import { describe, expect, it } from 'vitest';
import { startApprovalDraft, type StartApprovalFacts } from '../../core/billing/startApprovalDraft';

const facts: StartApprovalFacts = {
  case_number: '2026-000042', address: 'Markens gate 1', postcode: '4611', post_town: 'Kristiansand',
  email: 'post@sorlandet-elektro.no', installer_contact: 'Kari Elektriker', name: 'Sørlandet Elektro AS', organisation_number: '923609016',
};
const release = { offerVersion: 2, releasedBy: 'payment' as const, releasedOn: '2026-11-27' };

describe('startApprovalDraft', () => {
  it('goes to the installer’s email, else the contact person, else the firm by name and organisation number', () => {
    expect(startApprovalDraft(facts, release).recipient).toBe('post@sorlandet-elektro.no');
    expect(startApprovalDraft({ ...facts, email: null }, release).recipient).toBe('Kari Elektriker');
    expect(startApprovalDraft({ ...facts, email: null, installer_contact: null }, release).recipient).toBe('Sørlandet Elektro AS (923609016)');
  });

  it('names the case, the place and the offer version the payment released', () => {
    const draft = startApprovalDraft(facts, release);
    expect(draft.subject).toBe('Klarsignal 2026-000042 – Markens gate 1');
    expect(draft.body).toContain('Markens gate 1, 4611 Kristiansand (saksnummer 2026-000042)');
    expect(draft.body).toContain('tilbud versjon 2');
  });
});

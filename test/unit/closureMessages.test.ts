// The installer's message when a case ends: which one (withdrawal, cancellation after acceptance, closure) by why it
// ended and where it stood, and its words: bokmål, the reason quoted whole, a cancellation's costs in kroner.
import { describe, expect, it } from 'vitest';
import { closureLetter, closureMessageKindOf } from '../../shared/rules';
import { toldMessageKindOf } from '../../core/casework/decisionMessage';

const place = { caseNumber: '2026-000042', address: 'Markens gate 1', postcode: '4611', postTown: 'Kristiansand', requestType: 'new_installation' as const };

describe('which message an ending writes', () => {
  it('a withdrawal before acceptance, a cancellation after it, a closure for the other reasons', () => {
    expect(closureMessageKindOf('withdrawn_by_installer', 'in_review')).toBe('withdrawal');
    expect(closureMessageKindOf('withdrawn_by_owner', 'offer_sent')).toBe('withdrawal');
    expect(closureMessageKindOf('withdrawn_by_owner', 'offer_accepted')).toBe('cancellation');
    expect(closureMessageKindOf('other', 'paid')).toBe('cancellation');
    expect(closureMessageKindOf('owner_declined', 'offer_sent')).toBe('closure');
    expect(closureMessageKindOf('offer_expired', 'offer_sent')).toBe('closure');
    expect(closureMessageKindOf('duplicate', 'new')).toBe('closure');
  });

  it('tells nothing new when a finished, rejected or referred case is closed', () => {
    expect(closureMessageKindOf('completed', 'metering_point_registered')).toBeNull();
    expect(closureMessageKindOf('rejected', 'rejected')).toBeNull();
    expect(toldMessageKindOf('close', 'metering_point_registered', 'completed')).toBeNull();
    expect(toldMessageKindOf('close', 'developer_project', 'developer_project')).toBeNull();
    expect(toldMessageKindOf('withdraw', 'new', 'withdrawn_by_owner')).toBe('withdrawal');
    expect(toldMessageKindOf('resume', 'waiting_for_info', null)).toBeNull();
    expect(toldMessageKindOf('reject', 'in_review', null)).toBe('rejection');
  });
});

describe('closureLetter', () => {
  it('a withdrawal names who withdrew and quotes the reason', () => {
    const letter = closureLetter({ ...place, kind: 'withdrawal', closureReason: 'withdrawn_by_owner', reason: ' Eier har trukket bestillingen ' });
    expect(letter.subject).toBe('Forhåndsmelding trukket 2026-000042 – Markens gate 1');
    expect(letter.body).toContain('Gjelder Markens gate 1, 4611 Kristiansand (saksnummer 2026-000042).');
    expect(letter.body).toContain('Vi har registrert at eieren av installasjonen har trukket forhåndsmeldingen om ny installasjon. Saken er avsluttet.');
    expect(letter.body).toContain('«Eier har trukket bestillingen»');
    expect(letter.body).not.toContain('avvis');
  });

  it('a cancellation states the costs already incurred in kroner, or that none are recorded', () => {
    const costly = closureLetter({ ...place, kind: 'cancellation', closureReason: 'withdrawn_by_owner', costsOre: 1_250_050 });
    expect(costly.subject).toBe('Bestilling kansellert 2026-000042 – Markens gate 1');
    expect(costly.body).toContain('Kostnadene nettselskapet allerede har hatt i saken, 12\u00a0500,50\u00a0kr, faktureres eieren etter tilknytningsavtalen.');
    expect(costly.body).toContain('Eieren av installasjonen har trukket bestillingen.');
    const free = closureLetter({ ...place, kind: 'cancellation', closureReason: 'other', reason: 'Prosjektet er lagt bort' });
    expect(free.body).toContain('Vi har ikke registrert kostnader i saken som faktureres eieren.');
    expect(free.body).toContain('«Prosjektet er lagt bort»');
  });

  it('a closure says why: declined, expired, a duplicate; without words there is no empty quote', () => {
    expect(closureLetter({ ...place, kind: 'closure', closureReason: 'owner_declined' }).body)
      .toContain('Eieren av installasjonen har takket nei til tilbudet om tilknytningsavtale. Saken er avsluttet.');
    const expired = closureLetter({ ...place, kind: 'closure', closureReason: 'offer_expired' });
    expect(expired.subject).toBe('Sak avsluttet 2026-000042 – Markens gate 1');
    expect(expired.body).toContain('Tilbudet om tilknytningsavtale gikk ut uten at eieren godtok det.');
    expect(expired.body).not.toContain('Begrunnelse');
    expect(closureLetter({ ...place, kind: 'closure', closureReason: 'duplicate' }).body).toContain('sendt flere ganger eller ved en feil');
  });
});

// The installer's answer to an advance notice (rules/decisionMessages.ts, core/casework/decisionMessage.ts): the
// letter's subject and words for approval (conditions listed, what happens next), rejection and referral (the reason
// quoted), and the facts both databases read it from.
import { describe, expect, it } from 'vitest';
import { APPROVAL_NEXT_STEP_BY_REQUEST_TYPE, REQUEST_TYPES, approvalNextStep, decisionLetter } from '../../shared/rules';
import { decisionMessageDraft, decisionMessageKindOf, type DecisionMessageFacts } from '../../core/casework/decisionMessage';

const place = { caseNumber: '2026-000042', address: 'Markens gate 1', postcode: '4611', postTown: 'Kristiansand' };

describe('decisionLetter', () => {
  it('approves with the conditions listed one per line and the offer as the next step', () => {
    const letter = decisionLetter({
      ...place, requestType: 'new_installation', kind: 'approval', nextStep: 'offer',
      conditions: ['Signert tilknytningsavtale', 'Stikkledning legges i trekkerør'],
    });
    expect(letter.subject).toBe('Forhåndsmelding godkjent 2026-000042 – Markens gate 1');
    expect(letter.body).toContain('Gjelder Markens gate 1, 4611 Kristiansand (saksnummer 2026-000042).');
    expect(letter.body).toContain('forhåndsmeldingen om ny installasjon og godkjenner den');
    expect(letter.body).toContain('Godkjenningen gjelder på disse vilkårene:\n- Signert tilknytningsavtale\n- Stikkledning legges i trekkerør\n');
    expect(letter.body).toContain('Eieren av installasjonen får et tilbud om tilknytningsavtale');
    expect(letter.body).toContain('klarsignal, etter at eieren har godtatt tilbudet og betalt anleggsbidraget.');
    expect(letter.body).not.toContain('Denne godkjenningen er klarsignalet');
    expect(letter.body).toContain('Send ferdigmelding i portalen');
    expect(letter.body.endsWith('Med vennlig hilsen\nNettselskapet')).toBe(true);
  });

  it('says the work is released at acceptance where the company does so', () => {
    const letter = decisionLetter({
      ...place, requestType: 'new_installation', kind: 'approval', nextStep: 'offer', conditions: [], releaseOnAcceptance: true,
    });
    expect(letter.body).toContain('klarsignal, etter at eieren har godtatt tilbudet. Arbeid som gjøres før det, skjer for egen risiko.');
  });

  it('gives the go-ahead in the approval itself when there is no offer, and says when there are no conditions', () => {
    const letter = decisionLetter({ ...place, requestType: 'metering_point_work', kind: 'approval', nextStep: 'go_ahead', conditions: [] });
    expect(letter.body).toContain('Godkjenningen har ingen særskilte vilkår.');
    expect(letter.body).toContain('dere kan sette i gang arbeidet nå. Denne godkjenningen er klarsignalet.');
    expect(letter.body).not.toContain('tilbud');
  });

  it('rejects with the reason quoted as written and says what the installer can do', () => {
    const letter = decisionLetter({ ...place, requestType: 'fuse_change', kind: 'rejection', reason: '  Målernummeret finnes ikke i anlegget.  ' });
    expect(letter.subject).toBe('Forhåndsmelding avvist 2026-000042 – Markens gate 1');
    expect(letter.body).toContain('forhåndsmeldingen om endring av hovedsikring og kan ikke godkjenne den');
    expect(letter.body).toContain('Begrunnelse:\n«Målernummeret finnes ikke i anlegget.»');
    expect(letter.body).toContain('sende en ny forhåndsmelding');
  });

  it('refers to a developer project with the reason quoted', () => {
    const letter = decisionLetter({ ...place, requestType: 'new_installation', kind: 'developer_referral', reason: 'Boligfelt med 24 enheter' });
    expect(letter.subject).toBe('Forhåndsmelding henvist til utbyggerprosjekt 2026-000042 – Markens gate 1');
    expect(letter.body).toContain('avtales med utbyggeren direkte');
    expect(letter.body).toContain('Begrunnelse:\n«Boligfelt med 24 enheter»');
  });
});

describe('the approval of the request types that are not a connection', () => {
  const approval = (requestType: 'change_of_use' | 'permanent_disconnection' | 'service_line_move') =>
    decisionLetter({ ...place, requestType, kind: 'approval', nextStep: approvalNextStep(requestType, false), conditions: [] }).body;

  it('a change of use: reported to the electrical inspection, no grid work, approval is the go-ahead', () => {
    const body = approval('change_of_use');
    expect(body).toContain('forhåndsmeldingen om endring av bruk (melding til det lokale eltilsynet) og godkjenner den');
    expect(body).toContain('krever ikke arbeid i nettet');
    expect(body).toContain('Denne godkjenningen er klarsignalet.');
    expect(body).not.toMatch(/anleggsbidrag|spenningssetter|måler/);
  });

  it('a permanent disconnection: we disconnect and take the meter down once the owner has accepted and paid', () => {
    const body = approval('permanent_disconnection');
    expect(body).toContain('Vi kobler fra stikkledningen og tar ned måleren når eieren har godtatt tilbudet og betalt.');
    expect(body).toContain('Bygget må ikke rives før det.');
    expect(body).not.toMatch(/anleggsbidrag|tilknytningsavtale|spenningssetter/);
  });

  it('a moved service line: paid by the owner, connected anew only after the ferdigmelding', () => {
    const body = approval('service_line_move');
    expect(body).toContain('Flyttingen av stikkledningen betales av eieren');
    expect(body).toContain('Vi kobler ikke til den flyttede stikkledningen før ferdigmeldingen er mottatt.');
    expect(body).not.toMatch(/anleggsbidrag|tilknytningsavtale/);
  });
});

describe('approvalNextStep', () => {
  it('is an offer for a new connection and the go-ahead for work without a contribution, unless the case has an offer', () => {
    expect(approvalNextStep('new_installation', false)).toBe('offer');
    expect(approvalNextStep('metering_point_work', false)).toBe('go_ahead');
    expect(approvalNextStep('fuse_change', false)).toBe('go_ahead');
    expect(approvalNextStep('fuse_change', true)).toBe('offer');
    // A change of use is the electrical inspection's: go ahead. Changes to existing grid are the customer's cost.
    expect(approvalNextStep('change_of_use', false)).toBe('go_ahead');
    expect(approvalNextStep('permanent_disconnection', false)).toBe('offer');
    expect(approvalNextStep('service_line_move', false)).toBe('offer');
    expect(Object.keys(APPROVAL_NEXT_STEP_BY_REQUEST_TYPE).sort()).toEqual([...REQUEST_TYPES].sort());
  });
});

describe('decisionMessageDraft', () => {
  const facts: DecisionMessageFacts = {
    case_number: '2026-000042', address: 'Markens gate 1', postcode: '4611', post_town: 'Kristiansand', request_type: 'fuse_change',
    email: null, installer_contact: 'Kari Elektriker', name: 'Sørlandet Elektro AS', organisation_number: '923609016', has_offer: 0,
    release_on_acceptance: 0,
  };

  it('tells approval, rejection and referral only, each by its own kind', () => {
    expect(decisionMessageKindOf('approve')).toBe('approval');
    expect(decisionMessageKindOf('reject')).toBe('rejection');
    expect(decisionMessageKindOf('referToDeveloperProject')).toBe('developer_referral');
    expect(decisionMessageKindOf('startReview')).toBeNull();
    expect(decisionMessageKindOf('reopen')).toBeNull();
  });

  it('reads SQLite’s 0/1 and PostgreSQL’s boolean alike for the offer, and goes to the installer', () => {
    const input = { kind: 'approval' as const, conditions: [], reason: undefined };
    expect(decisionMessageDraft(facts, input).body).toContain('klarsignalet');
    expect(decisionMessageDraft({ ...facts, has_offer: true }, input).body).toContain('tilbud om tilknytningsavtale');
    expect(decisionMessageDraft({ ...facts, has_offer: 1 }, input).recipient).toBe('Kari Elektriker');
    expect(decisionMessageDraft({ ...facts, has_offer: true, release_on_acceptance: true }, input).body).toContain('godtatt tilbudet. Arbeid');
  });
});

// The `case.act` input (one zod schema, a variant per action) and the columns each action writes, locally and
// centrally alike.
import { describe, expect, it } from 'vitest';
import { CaseActInput, DECISION_ACTIONS } from '../../shared/contract';
import { actionOfMutation, actionRefusal, decisionColumns, eventReasonOf, type ActionFacts } from '../../core/mutations/caseActions';
import { DECISION_KEYS, actionForKey } from '../../renderer/src/features/decisions/decisionKeys';
import { REQUEST_INFORMATION_SHORTCUT } from '../../renderer/src/features/completeness/requestInformationKey';

const issuesOf = (input: unknown) => {
  const result = CaseActInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.code}`);
};

describe('case.act input', () => {
  it('takes approval conditions, trimmed and each once', () => {
    const parsed = CaseActInput.parse({
      caseId: 4,
      action: 'approve',
      conditions: [' Signert tilknytningsavtale ', 'Signert tilknytningsavtale', 'Innbetalt anleggsbidrag før tilkobling'],
    });
    expect(parsed).toEqual({
      caseId: 4,
      action: 'approve',
      conditions: ['Signert tilknytningsavtale', 'Innbetalt anleggsbidrag før tilkobling'],
    });
  });

  it('approves without conditions when none are given', () => {
    expect(CaseActInput.parse({ caseId: 4, action: 'approve' })).toEqual({ caseId: 4, action: 'approve', conditions: [] });
  });

  it('refuses a reason on an approval and conditions on a rejection, naming the field', () => {
    expect(issuesOf({ caseId: 4, action: 'approve', reason: 'x' })).toEqual([':unrecognized_keys']);
    expect(issuesOf({ caseId: 4, action: 'reject', reason: 'x', conditions: [] })).toEqual([':unrecognized_keys']);
  });

  it('refuses an empty condition, a too long reason, an unknown action and a system action', () => {
    expect(issuesOf({ caseId: 4, action: 'approve', conditions: ['  '] })).toEqual(['conditions.0:too_small']);
    expect(issuesOf({ caseId: 4, action: 'reject', reason: 'a'.repeat(2_001) })).toEqual(['reason:too_big']);
    expect(issuesOf({ caseId: 4, action: 'approveByMagic' })).toEqual(['action:invalid_union']);
    expect(issuesOf({ caseId: 4, action: 'receiveSupplement' })).toEqual(['action:invalid_union']);
  });

  it('knows every decision action by its mutation name and nothing else', () => {
    for (const action of DECISION_ACTIONS) expect(actionOfMutation(`case.${action}`)).toBe(action);
    expect(actionOfMutation('case.setStatus')).toBeNull();
    expect(actionOfMutation('case.requestInformation')).toBeNull();
    expect(actionOfMutation('approve')).toBeNull();
  });
});

describe('the columns an action writes', () => {
  it('records the conditions of an approval and clears an old reason', () => {
    expect(decisionColumns('approve', 'in_review', { caseId: 1, conditions: ['Signert tilknytningsavtale'] }, '2026-03-02'))
      .toEqual({ approval_conditions: '["Signert tilknytningsavtale"]', decision_reason: null });
  });

  it('records the reason of a rejection, and ends a pause when the case was waiting', () => {
    expect(decisionColumns('reject', 'in_review', { caseId: 1, reason: 'Feil meldingstype' }, '2026-03-02')).toEqual({
      decision_reason: 'Feil meldingstype',
    });
    expect(decisionColumns('reject', 'waiting_for_info', { caseId: 1, reason: 'Ikke svart' }, '2026-03-02')).toEqual({
      decision_reason: 'Ikke svart',
      clock_paused_on: null,
    });
  });

  it('clears the decision when a rejected case is reopened; closing records why by where it closed from', () => {
    expect(decisionColumns('reopen', 'rejected', { caseId: 1 }, '2026-03-02')).toEqual({ decision_reason: null });
    expect(decisionColumns('close', 'metering_point_registered', { caseId: 1 }, '2026-03-02')).toEqual({ closure_reason: 'completed' });
    expect(decisionColumns('close', 'rejected', { caseId: 1 }, '2026-03-02')).toEqual({ closure_reason: 'rejected' });
    expect(decisionColumns('close', 'developer_project', { caseId: 1 }, '2026-03-02')).toEqual({ closure_reason: 'developer_project' });
    expect(decisionColumns('withdrawOffer', 'offer_sent', { caseId: 1, reason: 'Feil beløp' }, '2026-03-02')).toEqual({});
  });
});

describe('the decision keys', () => {
  it('give every decision its own Alt+letter, none taken by the request for information (Alt+B)', () => {
    const codes = DECISION_ACTIONS.map((action) => DECISION_KEYS[action].code);
    expect(new Set(codes).size).toBe(DECISION_ACTIONS.length);
    expect(codes).not.toContain(`Key${REQUEST_INFORMATION_SHORTCUT.slice(-1)}`);
    expect(DECISION_KEYS.approve.shortcut).toBe('Alt+G');
    expect(DECISION_KEYS.reject.shortcut).toBe('Alt+A');
  });

  it('answer Alt and the letter alone, by the physical key', () => {
    const press = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
      actionForKey({ altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, code, ...mods });
    expect(press('KeyG', { altKey: true })).toBe('approve');
    expect(press('KeyA', { altKey: true })).toBe('reject');
    expect(press('KeyG')).toBeNull();
    expect(press('KeyG', { altKey: true, ctrlKey: true })).toBeNull();
    expect(press('KeyG', { altKey: true, shiftKey: true })).toBeNull();
    expect(press('KeyB', { altKey: true })).toBeNull();
  });
});

describe('the endings (issue 13)', () => {
  const today = '2026-03-02';
  const facts = (over: Partial<ActionFacts> = {}): ActionFacts => ({
    status: 'offer_sent', role: 'case_handler', reason: undefined, approvalBlockers: () => [], meteringPointIds: [],
    offerValidUntil: () => '2026-03-01', today, gridCustomerNamed: true, ...over,
  });

  it('records why each ending closed the case, the words given and an accepted case’s costs', () => {
    expect(decisionColumns('declineOffer', 'offer_sent', { caseId: 1, reason: 'For dyrt' }, today))
      .toEqual({ closure_reason: 'owner_declined', decision_reason: 'For dyrt', cancellation_costs_ore: null });
    expect(decisionColumns('expireOffer', 'offer_sent', { caseId: 1 }, today))
      .toEqual({ closure_reason: 'offer_expired', decision_reason: null, cancellation_costs_ore: null });
    expect(decisionColumns('withdraw', 'paid', { caseId: 1, withdrawnBy: 'owner', reason: 'Solgt tomten', costsOre: 1_250_000 }, today))
      .toEqual({ closure_reason: 'withdrawn_by_owner', decision_reason: 'Solgt tomten', cancellation_costs_ore: 1_250_000 });
    expect(decisionColumns('withdraw', 'waiting_for_info', { caseId: 1, withdrawnBy: 'installer' }, today))
      .toEqual({ closure_reason: 'withdrawn_by_installer', decision_reason: null, cancellation_costs_ore: null, clock_paused_on: null });
    expect(decisionColumns('closeWithReason', 'new', { caseId: 1, closureReason: 'duplicate' }, today))
      .toEqual({ closure_reason: 'duplicate', decision_reason: null, cancellation_costs_ore: null });
    // Resuming a wait ends the pause and records nothing else on the case; the history says how the answer came.
    expect(decisionColumns('resume', 'waiting_for_info', { caseId: 1, channel: 'email', reason: 'Effektbudsjett' }, today))
      .toEqual({ clock_paused_on: null });
    expect(eventReasonOf('resume', { caseId: 1, channel: 'phone', reason: 'Hovedsikring 63 A' })).toBe('Mottatt på telefon: Hovedsikring 63 A');
    // Like a supplement, a resumed wait moves the due date by the working days it stood still (Mon 23 → Fri 27 Nov: 4).
    expect(decisionColumns('resume', 'waiting_for_info', { caseId: 1, channel: 'phone', reason: 'x' }, '2026-11-27',
      { dueDate: '2026-12-01', pausedOn: '2026-11-23' })).toEqual({ clock_paused_on: null, due_date: '2026-12-07' });
    expect(eventReasonOf('reject', { caseId: 1, reason: 'Feil type' })).toBe('Feil type');
  });

  it('refuses an expiry while the offer is still valid (its last day included) or when there is none', () => {
    expect(actionRefusal('expireOffer', facts())).toBeNull();
    expect(actionRefusal('expireOffer', facts({ offerValidUntil: () => today }))).toEqual({ code: 'decision.offerStillValid', params: { validUntil: today } });
    expect(actionRefusal('expireOffer', facts({ offerValidUntil: () => null }))?.code).toBe('decision.offerStillValid');
    expect(actionRefusal('declineOffer', facts({ offerValidUntil: () => '2099-01-01' }))).toBeNull();
  });

  it('refuses costs before the owner accepted, "other" without words, and a resume without a note', () => {
    expect(actionRefusal('withdraw', facts({ status: 'approved', costsOre: 100 }))).toEqual({ code: 'decision.costsNotAllowed', params: { status: 'approved' } });
    expect(actionRefusal('withdraw', facts({ status: 'invoice_sent', costsOre: 100 }))).toBeNull();
    expect(actionRefusal('closeWithReason', facts({ status: 'new', closureReason: 'other' }))?.code).toBe('status.reasonRequired');
    expect(actionRefusal('closeWithReason', facts({ status: 'new', closureReason: 'other', reason: 'Anlegget er revet' }))).toBeNull();
    expect(actionRefusal('closeWithReason', facts({ status: 'new', closureReason: 'duplicate' }))).toBeNull();
    expect(actionRefusal('resume', facts({ status: 'waiting_for_info' }))?.code).toBe('status.reasonRequired');
    expect(actionRefusal('withdraw', facts({ status: 'closed' }))?.code).toBe('decision.notAllowed');
    expect(actionRefusal('closeWithReason', facts({ status: 'new', role: 'reader' }))?.code).toBe('permission.denied');
  });

  it('takes who withdrew, the closure reason and the channel, and nothing of the others', () => {
    expect(issuesOf({ caseId: 4, action: 'withdraw', withdrawnBy: 'owner', costsOre: 500 })).toEqual([]);
    expect(issuesOf({ caseId: 4, action: 'withdraw' })).toEqual(['withdrawnBy:invalid_value']);
    expect(issuesOf({ caseId: 4, action: 'withdraw', withdrawnBy: 'neighbour' })).toEqual(['withdrawnBy:invalid_value']);
    expect(issuesOf({ caseId: 4, action: 'withdraw', withdrawnBy: 'owner', costsOre: -1 })).toEqual(['costsOre:too_small']);
    expect(issuesOf({ caseId: 4, action: 'closeWithReason', closureReason: 'owner_declined' })).toEqual(['closureReason:invalid_value']);
    expect(issuesOf({ caseId: 4, action: 'resume', channel: 'pigeon', reason: 'x' })).toEqual(['channel:invalid_value']);
    expect(issuesOf({ caseId: 4, action: 'declineOffer', costsOre: 5 })).toEqual([':unrecognized_keys']);
  });
});

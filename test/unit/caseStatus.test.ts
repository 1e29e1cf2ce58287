// The life of a case, written out again by hand from domain.md, and checked against the rules table: every
// transition it allows, for whom, and that nothing else is allowed.
import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_ACTION_NAMES,
  CASE_STATUSES,
  USER_ROLES,
  actionsFor,
  canTakeAction,
  clockPausedOnAfter,
  isPeopleAction,
  nextStatuses,
  type CaseActionName,
  type CaseStatus,
} from '../../shared/rules';

type Actor = 'case_handler' | 'supervisor' | 'reader' | 'system';
const PEOPLE: Actor[] = ['case_handler', 'supervisor'];
const SYSTEM: Actor[] = ['system'];
const ANYONE_WORKING: Actor[] = ['case_handler', 'supervisor', 'system'];

/** Every status but rejected and closed: a case in these can still be withdrawn or closed with a reason. */
const OPEN: CaseStatus[] = ['new', 'in_review', 'waiting_for_info', 'approved', 'offer_sent', 'offer_accepted', 'invoice_sent',
  'paid', 'completion_reported', 'meter_mounted', 'metering_point_registered', 'developer_project'];

/** [action, from, to, who] — each row one allowed transition. */
const EXPECTED: Array<[CaseActionName, CaseStatus[], CaseStatus, Actor[]]> = [
  ['startReview', ['new'], 'in_review', PEOPLE],
  ['requestInformation', ['new', 'in_review'], 'waiting_for_info', PEOPLE],
  ['receiveSupplement', ['waiting_for_info'], 'in_review', SYSTEM],
  ['approve', ['in_review'], 'approved', PEOPLE],
  ['approveByRule', ['new'], 'approved', SYSTEM],
  ['reject', ['new', 'in_review', 'waiting_for_info'], 'rejected', PEOPLE],
  ['reopen', ['rejected'], 'in_review', PEOPLE],
  ['referToDeveloperProject', ['new', 'in_review'], 'developer_project', PEOPLE],
  ['returnToNormalFlow', ['developer_project'], 'in_review', PEOPLE],
  ['sendOffer', ['approved'], 'offer_sent', PEOPLE],
  ['withdrawOffer', ['offer_sent'], 'approved', PEOPLE],
  ['acceptOffer', ['offer_sent'], 'offer_accepted', ANYONE_WORKING],
  ['sendInvoice', ['offer_accepted'], 'invoice_sent', ANYONE_WORKING],
  ['registerPayment', ['invoice_sent'], 'paid', ANYONE_WORKING],
  ['receiveCompletionNotice', ['approved', 'offer_accepted', 'invoice_sent', 'paid'], 'completion_reported', SYSTEM],
  [
    'receiveTerminationRequest',
    ['approved', 'offer_accepted', 'paid', 'meter_mounted', 'metering_point_registered', 'connected'],
    'termination_requested',
    SYSTEM,
  ],
  ['registerMeterMounted', ['completion_reported'], 'meter_mounted', PEOPLE],
  ['registerMeteringPoint', ['meter_mounted'], 'metering_point_registered', PEOPLE],
  // Construction power: connected with the start reading → termination requested → disconnected with the final
  // reading → closed with the metering point deregistered; never closed straight from termination requested.
  ['registerConnection', ['approved', 'offer_accepted', 'invoice_sent', 'paid'], 'connected', PEOPLE],
  ['registerTerminationRequest', ['connected'], 'termination_requested', PEOPLE],
  ['registerDisconnection', ['termination_requested'], 'disconnected', PEOPLE],
  ['deregisterMeteringPoint', ['disconnected'], 'closed', PEOPLE],
  ['close', ['metering_point_registered', 'rejected', 'developer_project'], 'closed', PEOPLE],
  // Every case can end (issue 13): written out by hand, not taken from OPEN_STATUSES.
  ['resume', ['waiting_for_info'], 'in_review', PEOPLE],
  ['declineOffer', ['offer_sent'], 'closed', ANYONE_WORKING],
  ['expireOffer', ['offer_sent'], 'closed', ANYONE_WORKING],
  ['withdraw', OPEN.filter((s) => !['completion_reported', 'meter_mounted', 'metering_point_registered'].includes(s)), 'closed', ANYONE_WORKING],
  ['closeWithReason', OPEN, 'closed', PEOPLE],
];

const allowedRows = EXPECTED.flatMap(([action, froms, to, actors]) =>
  froms.flatMap((from) => actors.map((actor) => ({ action, from, to, actor }))),
);

describe('the state machine', () => {
  it('has exactly the actions domain.md implies', () => {
    expect([...CASE_ACTION_NAMES].sort()).toEqual(EXPECTED.map(([action]) => action).sort());
  });

  it.each(allowedRows)('$actor may $action from $from, leading to $to', ({ action, from, to, actor }) => {
    expect(canTakeAction(action, from, actor)).toBe(true);
    expect(CASE_ACTIONS[action].to).toBe(to);
  });

  it('allows nothing else: every other action, status and actor is refused', () => {
    const allowed = new Set(allowedRows.map((row) => `${row.action}|${row.from}|${row.actor}`));
    const refusedButExpected: string[] = [];
    const allowedButNotExpected: string[] = [];
    for (const action of CASE_ACTION_NAMES) {
      for (const from of CASE_STATUSES) {
        for (const actor of [...USER_ROLES, 'system'] as Actor[]) {
          const key = `${action}|${from}|${actor}`;
          const result = canTakeAction(action, from, actor);
          if (result && !allowed.has(key)) allowedButNotExpected.push(key);
          if (!result && allowed.has(key)) refusedButExpected.push(key);
        }
      }
    }
    expect(allowedButNotExpected).toEqual([]);
    expect(refusedButExpected).toEqual([]);
  });

  it.each([
    ['approve', 'new'],
    ['approve', 'waiting_for_info'],
    ['approve', 'rejected'],
    ['reject', 'approved'],
    ['close', 'in_review'],
    ['close', 'closed'],
    ['withdraw', 'closed'],
    ['withdraw', 'rejected'],
    ['closeWithReason', 'closed'],
    ['declineOffer', 'offer_accepted'],
    ['expireOffer', 'approved'],
    ['resume', 'in_review'],
    ['registerMeterMounted', 'approved'],
    ['registerMeteringPoint', 'completion_reported'],
    ['reopen', 'closed'],
    ['startReview', 'in_review'],
    ['close', 'termination_requested'],
    ['registerDisconnection', 'connected'],
    ['deregisterMeteringPoint', 'termination_requested'],
    ['registerConnection', 'offer_sent'],
  ] as Array<[CaseActionName, CaseStatus]>)('refuses %s from %s, whoever asks', (action, from) => {
    for (const actor of [...USER_ROLES, 'system'] as Actor[]) expect(canTakeAction(action, from, actor)).toBe(false);
  });

  it('offers a reader nothing, in any status', () => {
    for (const status of CASE_STATUSES) expect(actionsFor(status, 'reader')).toEqual([]);
  });

  it('never offers people what only the system does (imports, rules)', () => {
    const systemOnly = CASE_ACTION_NAMES.filter((action) => !isPeopleAction(action));
    expect(systemOnly.sort()).toEqual(
      ['approveByRule', 'receiveCompletionNotice', 'receiveSupplement', 'receiveTerminationRequest'].sort(),
    );
    for (const status of CASE_STATUSES) {
      for (const role of USER_ROLES) {
        for (const action of systemOnly) expect(actionsFor(status, role)).not.toContain(action);
      }
    }
  });

  it('lists what a case handler may do in a case under review', () => {
    expect(actionsFor('in_review', 'case_handler')).toEqual(['requestInformation', 'approve', 'reject',
      'referToDeveloperProject', 'withdraw', 'closeWithReason']);
  });

  it('asks for a reason exactly where the installer or owner must be told why', () => {
    const withReason = CASE_ACTION_NAMES.filter((action) => 'needsReason' in CASE_ACTIONS[action]);
    expect(withReason.sort()).toEqual(['referToDeveloperProject', 'reject', 'resume', 'withdrawOffer']);
  });

  it('lets a person end every open case, and never by a bare change of status (the ending records why)', () => {
    // Construction power whose cabinet stands ends through its readings (disconnection, then deregistration): a
    // path of people's actions, not one step.
    const closable = (from: CaseStatus): boolean => {
      const seen = new Set<CaseStatus>([from]);
      const queue: CaseStatus[] = [from];
      while (queue.length > 0) {
        const at = queue.shift()!;
        for (const action of actionsFor(at, 'case_handler')) {
          const to = CASE_ACTIONS[action].to as CaseStatus;
          if (to === 'closed') return true;
          if (!seen.has(to)) { seen.add(to); queue.push(to); }
        }
      }
      return false;
    };
    for (const status of CASE_STATUSES.filter((s) => s !== 'closed')) {
      expect(closable(status), status).toBe(true);
      expect(nextStatuses(status, 'supervisor'), status).not.toContain('closed');
    }
    expect(actionsFor('termination_requested', 'case_handler').some((action) => CASE_ACTIONS[action].to === 'closed')).toBe(false);
  });

  it('closes every path: from every status but closed, some action leads on', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'closed')) {
      const anyone = CASE_ACTION_NAMES.some((action) => CASE_ACTIONS[action].from.some((from) => from === status));
      expect(anyone, status).toBe(true);
    }
  });
});

describe('the paused service clock', () => {
  it('pauses from today when the case starts waiting for the installer', () => {
    expect(clockPausedOnAfter('in_review', 'waiting_for_info', '2026-05-12', null)).toBe('2026-05-12');
  });

  it('ends the pause when the case leaves the wait, whichever way', () => {
    expect(clockPausedOnAfter('waiting_for_info', 'in_review', '2026-05-20', '2026-05-12')).toBeNull();
    expect(clockPausedOnAfter('waiting_for_info', 'rejected', '2026-05-20', '2026-05-12')).toBeNull();
  });

  it('leaves the pause as it was for other moves', () => {
    expect(clockPausedOnAfter('in_review', 'approved', '2026-05-20', null)).toBeNull();
    expect(clockPausedOnAfter('waiting_for_info', 'waiting_for_info', '2026-05-20', '2026-05-12')).toBe('2026-05-12');
  });
});

// Every mutation name the service accepts × every role × the claim on the case, pushed by a raw HTTP client as the
// person: refused or applied as the rules say (mutationPolicy, the life-of-a-case table, the claim), asserted on the
// push answer and on the central rows — a refusal writes nothing, not even a version.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupRole } from '../../../service/accounts/staffAccounts';
import { CASE_ACTIONS, isPeopleAction, OFFER_STEP_ACTIONS, type CaseActionName } from '../../../shared/rules';
import { MUTATION_ROLES, rolesForMutation } from '../../../shared/rules/mutationPolicy';
import { centralApplierFor } from '../../../core/sync/centralAppliers';
import { useCentralDatabase } from '../../support/centralDatabase';
import { SOUND_GRID_ASSESSMENT } from '../../support/gridAssessed';
import { newClientId, quickPerson, type RawClient } from '../../support/serviceClient';
import { serviceFor } from '../../support/serviceInstances';

const central = useCentralDatabase('svc_mtx', { seedCases: 45 });

const ROLES: GroupRole[] = ['case_handler', 'supervisor', 'reader'];
type ClaimState = 'none' | 'mine' | 'other' | 'lapsed';
const CLAIM_STATES: ClaimState[] = ['none', 'mine', 'other', 'lapsed'];

const PEOPLE_ACTIONS = (Object.keys(CASE_ACTIONS) as CaseActionName[]).filter(isPeopleAction).map((action) => `case.${action}`);
const NAMES = [...new Set([...Object.keys(MUTATION_ROLES), ...PEOPLE_ACTIONS])].sort();
const OFFER_STEPS = new Set(OFFER_STEP_ACTIONS.map((action) => `case.${action}`));

/** How far each name is exercised: applied for real, only the claim part, or only the role part. */
type Depth = 'real' | 'claim' | 'role';
interface Plan {
  depth: Depth;
  /** The status the case is put in first. */
  status?: string;
  /** Needs no claim (applied, or a no-op, whatever the claim). */
  claimFree?: boolean;
  args: (caseId: number, me: string) => Record<string, unknown>;
  precondition?: (status: string, claimToken: number) => Record<string, unknown>;
  /** SQL (as the owner, $1 = the case) that puts the case where the mutation makes sense, before each try. */
  setup?: string;
}

const withClaim = (status: string, claimToken: number) => ({ status, claimToken });
const action = (name: string): Plan => {
  const act = name.slice('case.'.length) as CaseActionName;
  const rule = CASE_ACTIONS[act];
  if (OFFER_STEPS.has(name)) {
    return { depth: 'claim', status: rule.from[0], args: (caseId) => ({ caseId, billingEventId: randomUUID(), messageId: randomUUID() }), precondition: withClaim };
  }
  const needsReason = 'needsReason' in rule && rule.needsReason;
  return {
    depth: 'real', status: rule.from[0], precondition: withClaim,
    args: (caseId) => (act === 'approve' ? { caseId, conditions: [] } : needsReason ? { caseId, reason: 'Mangler dokumentasjon.' } : { caseId }),
    // Approval needs the grid assessment, the meter a named grid customer (issue 13): set up as a handler would have.
    ...(act === 'approve' ? { setup: `UPDATE cases SET grid_assessment = '${SOUND_GRID_ASSESSMENT}' WHERE id = $1` } : {}),
    ...(act === 'registerMeterMounted' ? { setup: "UPDATE cases SET grid_customer_name = 'Kari Nordmann' WHERE id = $1" } : {}),
  };
};

const PLANS: Record<string, Plan> = {
  'case.addNote': { depth: 'real', claimFree: true, args: (caseId) => ({ caseId, body: 'matrix note', noteId: randomUUID() }) },
  'case.setStatus': { depth: 'real', status: 'new', args: (caseId) => ({ caseId, status: 'in_review' }), precondition: withClaim },
  'case.claim': { depth: 'real', claimFree: true, args: (caseId) => ({ caseId }) },
  'case.release': { depth: 'real', claimFree: true, args: (caseId) => ({ caseId }), precondition: (_s, claimToken) => ({ claimToken }) },
  'case.assign': { depth: 'role', claimFree: true, args: (caseId, me) => ({ caseId, assigneeId: me }), precondition: () => ({ assigneeId: null }) },
  'case.decideRouting': {
    depth: 'real', status: 'in_review',
    args: (caseId) => ({ caseId, workKind: 'direct_meter_mounting', performer: 'grid_company', supplierId: null }),
    precondition: (_s, claimToken) => ({ routing: null, claimToken }),
  },
  'case.overrideCompletenessItem': {
    depth: 'real', status: 'new', args: (caseId) => ({ caseId, item: 'owner_email', reason: 'Bekreftet på telefon.' }),
    precondition: (_s, claimToken) => ({ claimToken }),
    // The item must really be missing: the service checks the checklist itself.
    setup: "UPDATE cases SET owner_email = NULL, completeness_overrides = '{}', complete_at = NULL, due_date = NULL WHERE id = $1",
  },
  'case.requestInformation': {
    depth: 'real', status: 'in_review', precondition: withClaim,
    args: (caseId) => ({ caseId, items: ['site_plan'], subject: 'Mangler situasjonsplan', body: 'Send situasjonsplan.', messageId: randomUUID() }),
  },
  'case.createOfferDraft': { depth: 'claim', status: 'approved', args: (caseId) => ({ caseId, offerId: randomUUID() }), precondition: withClaim },
  'case.issueOffer': {
    depth: 'claim', status: 'approved', precondition: withClaim,
    args: (caseId) => ({
      offerId: randomUUID(), caseId, offerVersion: 1, priceListId: 'standard', priceListVersion: 1, draftLines: '[]', draftDeductionOre: 0,
      issuedOn: '2026-11-27', validUntil: '2027-02-27', pdfSha256: 'a'.repeat(64), pdfSizeBytes: 100,
    }),
  },
  'case.orderWork': {
    depth: 'role', status: 'approved', precondition: withClaim,
    args: (caseId) => ({
      orderId: randomUUID(), caseId, workKind: 'direct_meter_mounting', supplierId: 1, agreementDays: 10, orderedOn: '2026-11-27',
      dueDate: '2026-12-11', messageId: randomUUID(), recipient: 'x@example.no', subject: 'Arbeidsordre', body: 'Utfør arbeidet.',
      pdfSha256: 'a'.repeat(64), pdfSizeBytes: 100,
    }),
  },
  'case.correctOwnerParty': {
    depth: 'real', status: 'in_review', precondition: (_s, claimToken) => ({ claimToken }),
    args: (caseId) => ({ caseId, postalAddress: 'Dronningens gate 14', postcode: '4610', postTown: 'Kristiansand S', organisationNumber: '',
      gridCustomerName: 'Kari Nordmann' }),
  },
  'case.recordGridAssessment': {
    depth: 'real', status: 'in_review', precondition: withClaim, args: (caseId) => ({ caseId, outcome: 'sound', note: '' }),
  },
  'case.saveOfferDraft': { depth: 'role', args: () => ({ offerId: randomUUID(), lines: [], connectionFeeDeductionOre: null }) },
  'case.reviseOffer': { depth: 'role', args: () => ({ fromOfferId: randomUUID(), offerId: randomUUID() }) },
  'case.advanceWorkOrder': { depth: 'role', args: () => ({ orderId: randomUUID(), to: 'accepted' }) },
  'billing.resolveFlag': { depth: 'role', args: () => ({ billingEventId: 'no-such-event' }) },
  'quarantine.update': { depth: 'role', args: () => ({ id: 999_999, state: 'discarded', reason: 'test' }) },
  'companySettings.update': { depth: 'role', args: () => ({ values: { release_on_acceptance: false } }) },
  'priceList.publish': { depth: 'role', args: () => ({ priceList: {} }) },
  'areaSupplier.save': { depth: 'role', args: () => ({ id: null, organisationNumber: '0', name: 'x', contactPerson: null, email: null, phone: null, municipalityNumbers: [], agreementWork: {} }) },
  'assignmentRule.set': { depth: 'role', args: () => ({ criterion: 'municipality', value: '0301', assigneeId: null }) },
};
for (const name of PEOPLE_ACTIONS) PLANS[name] ??= action(name);
// The endings and the resumption carry arguments of their own (contract/caseActions.ts OWN_ARGS).
PLANS['case.withdraw'] = { ...PLANS['case.withdraw'], args: (caseId) => ({ caseId, withdrawnBy: 'owner', reason: 'Eier har trukket bestillingen.' }) };
PLANS['case.closeWithReason'] = { ...PLANS['case.closeWithReason'], args: (caseId) => ({ caseId, closureReason: 'duplicate' }) };
PLANS['case.resume'] = {
  ...PLANS['case.resume'], args: (caseId) => ({ caseId, channel: 'phone', reason: 'Situasjonsplanen kom på e-post.' }),
};
// Construction power's connection and disconnection (contract/constructionPower.ts): a temporary_installation case,
// the readings and the days (in the past: the server refuses a day after its today). Before each try the case is put
// back where the step makes sense: not connected yet, or connected with its start reading and termination requested.
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const NO_POWER_PERIOD = `power_connected_on = NULL, start_meter_reading = NULL, power_disconnected_on = NULL,
  final_meter_reading = NULL, cabinet_rent_days = NULL, cabinet_rent_rate_ore = NULL, cabinet_rent_net_ore = NULL`;
PLANS['case.registerConnection'] = {
  ...PLANS['case.registerConnection'],
  args: (caseId) => ({ caseId, startReading: 1234.5, connectedOn: daysAgo(20) }),
  setup: `UPDATE cases SET request_type = 'temporary_installation', ${NO_POWER_PERIOD} WHERE id = $1`,
};
PLANS['case.registerDisconnection'] = {
  ...PLANS['case.registerDisconnection'],
  args: (caseId) => ({ caseId, finalReading: 2345.6, disconnectedOn: daysAgo(2) }),
  setup: `UPDATE cases SET request_type = 'temporary_installation', power_connected_on = '${daysAgo(20)}', start_meter_reading = 1234.5,
    power_disconnected_on = NULL, final_meter_reading = NULL, cabinet_rent_days = NULL, cabinet_rent_rate_ore = NULL,
    cabinet_rent_net_ore = NULL WHERE id = $1`,
};
// Registering the metering point needs a valid ID on the case, whatever the demo drew for it.
PLANS['case.registerMeteringPoint'] = {
  ...PLANS['case.registerMeteringPoint'],
  setup: `UPDATE cases SET metering_point_ids = '["707057500012345671"]' WHERE id = $1`,
};

const CLAIM_REFUSALS = ['notPermitted', 'notClaimed', 'claimedByOther', 'staleClaim'];

let url = '';
const people = new Map<GroupRole, RawClient>();
let other: RawClient;
const caseOf = new Map<string, number>();

beforeAll(async () => {
  url = (await serviceFor(central.db)).url;
  const prefix = central.db.databaseName;
  for (const role of ROLES) people.set(role, await quickPerson(central.admin, url, `${prefix}.${role.slice(0, 3)}`, role));
  other = await quickPerson(central.admin, url, `${prefix}.other`, 'case_handler');
  const { rows } = await central.admin.query<{ id: string }>('SELECT id FROM cases ORDER BY id');
  NAMES.forEach((name, i) => caseOf.set(name, Number(rows[i].id)));
});

/** Puts the case in `status` with the claim in `state` for `me`; answers its claim token. */
async function prepare(caseId: number, status: string | undefined, state: ClaimState, me: string): Promise<number> {
  const holder = state === 'none' ? null : state === 'other' ? other.login : me;
  const lease = state === 'none' ? null : state === 'lapsed' ? "now() - interval '1 second'" : "now() + interval '5 minutes'";
  const { rows: [row] } = await central.admin.query<{ claim_token: string }>(
    `UPDATE cases SET status = coalesce($2, status), assignee_id = NULL, claimed_by = $3, lease_until = ${lease ?? 'NULL'},
       claim_token = claim_token + 1, work_routing = '{}', decision_reason = NULL
     WHERE id = $1 RETURNING claim_token`,
    [caseId, status ?? null, holder],
  );
  return Number(row.claim_token);
}

async function snapshot(caseId: number) {
  const { rows: [row] } = await central.admin.query(
    `SELECT c.status, c.assignee_id, c.claimed_by, c.lease_until, c.claim_token, c.version, c.complete_at, c.due_date,
            c.work_routing, c.completeness_overrides, c.decision_reason, (SELECT version FROM sync_clock) AS clock,
            (SELECT count(*) FROM notes WHERE case_id = c.id) AS notes,
            (SELECT count(*) FROM case_events WHERE case_id = c.id) AS events,
            (SELECT count(*) FROM offers WHERE case_id = c.id) AS offers,
            (SELECT count(*) FROM outgoing_messages WHERE case_id = c.id) AS messages
     FROM cases c WHERE c.id = $1`,
    [caseId],
  );
  return row as Record<string, unknown>;
}

/** What the rules say for this push: a code it must be refused with, 'applied', or a looser expectation. */
function expected(name: string, role: GroupRole, state: ClaimState, plan: Plan): { outcome: 'applied' } | { code: string } | { not: string[] } | null {
  // A name the policy lists but the service cannot apply is refused as unknown before the role is asked.
  if (!centralApplierFor(name)) return { code: 'invalid' };
  if (!rolesForMutation(name).includes(role)) return { code: 'notPermitted' };
  if (plan.claimFree) {
    if (name === 'case.claim' && state === 'other') return { code: 'claimedByOther' };
    return plan.depth === 'real' ? { outcome: 'applied' } : null;
  }
  if (plan.depth === 'role') return { not: ['notPermitted'] };
  if (state === 'none' || state === 'lapsed') return { code: 'notClaimed' };
  if (state === 'other') return { code: 'claimedByOther' };
  return plan.depth === 'real' ? { outcome: 'applied' } : { not: CLAIM_REFUSALS };
}

describe('every mutation × role × claim', () => {
  it('covers every name the service accepts', () => {
    expect(NAMES.filter((name) => !PLANS[name])).toEqual([]);
    expect(NAMES.length).toBeGreaterThan(30);
    // Every name the policy lets someone send has a central applier (case.take, a standalone desk's Fetch next, is no
    // mutation the service takes: Fetch next is POST /api/fetch-next).
    expect(NAMES.filter((name) => !centralApplierFor(name))).toEqual([]);
  });

  for (const role of ROLES) {
    it(`as ${role}`, async () => {
      const me = people.get(role)!;
      const problems: string[] = [];
      for (const name of NAMES) {
        const plan = PLANS[name];
        const caseId = caseOf.get(name)!;
        // Names about no case (or checked before any claim) need only one claim state.
        const states = plan.depth === 'role' && !plan.status ? (['none'] as ClaimState[]) : CLAIM_STATES;
        for (const state of states) {
          if (plan.setup) await central.admin.query(plan.setup, [caseId]);
          const claimToken = await prepare(caseId, plan.status, state, me.login);
          const before = await snapshot(caseId);
          const mutation = {
            seq: 1, name, args: plan.args(caseId, me.login),
            ...(plan.precondition ? { precondition: plan.precondition(plan.status ?? 'new', claimToken) } : {}),
          };
          const [result] = (await me.push(newClientId(), [mutation]));
          const after = await snapshot(caseId);
          const want = expected(name, role, state, plan);
          const label = `${role} ${name} claim:${state} → ${result.outcome}${result.code ? ` ${result.code}` : ''}${result.message ? ` (${result.message.slice(0, 80)})` : ''}`;
          if (want && 'outcome' in want && result.outcome !== 'applied') problems.push(`${label}; expected applied`);
          if (want && 'code' in want && (result.outcome !== 'refused' || result.code !== want.code)) problems.push(`${label}; expected refused ${want.code}`);
          if (want && 'not' in want && result.outcome === 'refused' && want.not.includes(result.code ?? '')) problems.push(`${label}; expected no ${want.not.join('/')}`);
          if (result.outcome === 'refused' && JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${label}; refused but the central rows changed`);
          if (result.outcome === 'applied' && Number(after.clock) <= Number(before.clock)) problems.push(`${label}; applied without a new version`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

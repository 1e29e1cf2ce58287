// The one list of mutations: every name the outbox may hold, and per name who may send it and what it belongs to.
// `MutationName` is derived from it, and every registry keyed by mutation (the desk's local applies, the central
// appliers, the rows a case-less change touches, the words for a refused change) is typed against it, so a
// forgotten entry fails the build instead of turning up as a refusal at run time.
import type { CaseActionName } from './caseStatus';
import type { UserRole } from './domain';

/** The people's actions the desk takes as decisions and steps; each is the mutation `case.<action>`. */
export const DECISION_ACTIONS = [
  'startReview',
  'approve',
  'reject',
  'reopen',
  'referToDeveloperProject',
  'returnToNormalFlow',
  'withdrawOffer',
  'sendOffer',
  'acceptOffer',
  'sendInvoice',
  'registerPayment',
  'registerMeterMounted',
  'registerMeteringPoint',
  'close',
  'registerConnection',
  'registerTerminationRequest',
  'registerDisconnection',
  'deregisterMeteringPoint',
  'resume',
  'declineOffer',
  'expireOffer',
  'withdraw',
  'closeWithReason',
] as const satisfies readonly CaseActionName[];
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

const CASEWORK = ['case_handler', 'supervisor'] as const satisfies readonly UserRole[];
const SUPERVISOR = ['supervisor'] as const satisfies readonly UserRole[];
const NOBODY = [] as const satisfies readonly UserRole[];

/**
 * What a named mutation belongs to: `case` — a case, with history and claim; `caseless` — no case (company practice,
 * a register, the quarantine): one outbox row, and the service sends back the rows it changed; `standalone` — only
 * ever made without a central server, which takes the same step through its own call (never pushed).
 */
export type MutationScope = 'case' | 'caseless' | 'standalone';

interface NamedMutation {
  scope: MutationScope;
  /** Who may send it to the central service; a status action's people come from the life-of-a-case table. */
  roles: readonly UserRole[];
  /** A call of the contract by the same name makes it (the call's name then comes from here: contract/names.ts). */
  call?: true;
}

/** Every mutation with a name of its own; the status actions (`case.<action>`) are added below from DECISION_ACTIONS. */
export const NAMED_MUTATIONS = {
  'case.addNote': { scope: 'case', roles: CASEWORK, call: true },
  'case.assign': { scope: 'case', roles: CASEWORK, call: true },
  /** Retired from the UI (the named actions replaced it); kept so entries already in an outbox still replay. */
  'case.setStatus': { scope: 'case', roles: CASEWORK, call: true },
  'case.take': { scope: 'standalone', roles: NOBODY },
  'case.claim': { scope: 'case', roles: CASEWORK, call: true },
  'case.release': { scope: 'case', roles: CASEWORK, call: true },
  'case.decideRouting': { scope: 'case', roles: CASEWORK, call: true },
  'case.overrideCompletenessItem': { scope: 'case', roles: CASEWORK, call: true },
  'case.requestInformation': { scope: 'case', roles: CASEWORK, call: true },
  'case.correctOwnerParty': { scope: 'case', roles: CASEWORK, call: true },
  'case.recordGridAssessment': { scope: 'case', roles: CASEWORK, call: true },
  'case.createOfferDraft': { scope: 'case', roles: CASEWORK, call: true },
  'case.saveOfferDraft': { scope: 'case', roles: CASEWORK, call: true },
  'case.reviseOffer': { scope: 'case', roles: CASEWORK, call: true },
  'case.issueOffer': { scope: 'case', roles: CASEWORK, call: true },
  'case.orderWork': { scope: 'case', roles: SUPERVISOR, call: true },
  'case.advanceWorkOrder': { scope: 'case', roles: CASEWORK, call: true },
  'billing.resolveFlag': { scope: 'case', roles: CASEWORK, call: true },
  'quarantine.update': { scope: 'caseless', roles: CASEWORK },
  'companySettings.update': { scope: 'caseless', roles: SUPERVISOR },
  'priceList.publish': { scope: 'caseless', roles: SUPERVISOR, call: true },
  'areaSupplier.save': { scope: 'caseless', roles: SUPERVISOR, call: true },
  'assignmentRule.set': { scope: 'caseless', roles: SUPERVISOR },
} as const satisfies Record<string, NamedMutation>;

export type NamedMutationName = keyof typeof NAMED_MUTATIONS;
/** The mutations made by a call of the same name. */
export type CalledMutationName = {
  [K in NamedMutationName]: (typeof NAMED_MUTATIONS)[K] extends { call: true } ? K : never;
}[NamedMutationName];
export const CALLED_MUTATIONS = (Object.keys(NAMED_MUTATIONS) as NamedMutationName[]).filter(
  (name): name is CalledMutationName => 'call' in NAMED_MUTATIONS[name],
);
export type CaseActionMutationName = `case.${DecisionAction}`;
/** Every mutation there is. */
export type MutationName = NamedMutationName | CaseActionMutationName;
type NamesOfScope<S extends MutationScope> = {
  [K in NamedMutationName]: (typeof NAMED_MUTATIONS)[K]['scope'] extends S ? K : never;
}[NamedMutationName];
/** The mutations that belong to no case. */
export type CaselessMutationName = NamesOfScope<'caseless'>;
/** The mutations applied to a case through `runMutation` (with its history), the status actions among them. */
export type CaseMutationName = NamesOfScope<'case' | 'standalone'> | CaseActionMutationName;

export const caseActionMutationName = (action: DecisionAction): CaseActionMutationName => `case.${action}`;

export const MUTATION_NAMES: readonly MutationName[] = [
  ...(Object.keys(NAMED_MUTATIONS) as NamedMutationName[]),
  ...DECISION_ACTIONS.map(caseActionMutationName),
];

/** Own keys only: a name such as `constructor` or `__proto__` would otherwise find Object.prototype's members. */
export function isMutationName(name: string): name is MutationName {
  return MUTATION_NAMES.includes(name as MutationName);
}

export function isCaselessMutation(name: MutationName): name is CaselessMutationName {
  return Object.hasOwn(NAMED_MUTATIONS, name) && NAMED_MUTATIONS[name as NamedMutationName].scope === 'caseless';
}

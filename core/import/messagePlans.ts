// What an incoming message does to a case, decided without I/O: the stores (localStore.ts, centralImport.ts)
// read the case, ask here, and write what comes back.
import { osloDate } from '../clock';
import {
  CASE_ACTIONS,
  addWorkingDays,
  canTakeAction,
  dueDateAfterPause,
  evaluateCompleteness,
  gridAssessmentRequired,
  meterMountingDueDate,
  type AttachmentKind,
  type CaseActionName,
  type CaseStatus,
  type CompletenessRuleSet,
  type EventKind,
  type InstallerCheck,
  type RequestType,
  completesCase,
  completionNoticeProblems,
  type CompletionRefusal,
} from '../../shared/rules';
import { caseFactsOf, changedFields, supplementCaseFields, type CaseFieldValues } from './caseFields';
import { reason, type ImportReason } from './importReasons';
import type { ImportSettings } from './importSettings';
import type { CompletionNoticeMessage, RequestMessage, SupplementMessage } from './incomingMessage';

export const AUTO_APPROVAL_RULE = 'auto_approve_metering_point_work';
export const DEVELOPER_PROJECT_RULE = 'developer_project';

export interface PlannedEvent {
  kind: EventKind;
  data: Record<string, unknown>;
}

/** A status change made by the system; centrally the audit trigger writes its event. */
export interface SystemTransition {
  from: CaseStatus;
  to: CaseStatus;
  rule?: string;
  reason?: string;
}

export const transitionEvent = (t: SystemTransition): PlannedEvent => ({
  kind: 'status_changed',
  data: { from: t.from, to: t.to, ...(t.reason ? { reason: t.reason } : {}), ...(t.rule ? { rule: t.rule } : {}) },
});

export interface Completeness {
  completeAt: string | null;
  dueDate: string | null;
}

function dueFrom(completeAt: string, settings: ImportSettings): string {
  return addWorkingDays(osloDate(new Date(completeAt)), settings.dueWorkingDays);
}

/** Why a request is a developer's project, in words the installer reads; null when it is not. */
export function developerProjectReason(message: RequestMessage, settings: ImportSettings): string | null {
  if (message.sender.role === 'developer') {
    return `Utbyggerprosjekt: meldingen er sendt av utbyggeren ${message.sender.name} og behandles utenfor den vanlige køen.`;
  }
  const units = message.installation.unitCount;
  if (units >= settings.developerProjectMinUnits) {
    return `Utbyggerprosjekt: ${units} enheter (grensen er ${settings.developerProjectMinUnits}) behandles utenfor den vanlige køen.`;
  }
  return null;
}

/** The rule may approve when the installer is active in DSB's register and may do every piece of grid work. */
export function installerPassesEveryCheck(check: InstallerCheck): boolean {
  return check.approvalBlock === null && check.work.every((work) => work.installerMay);
}

export interface NewCasePlan {
  completeness: Completeness;
  /** Set when the case leaves 'new' at once: a developer's project. Auto-approval is decided after insertion. */
  transition: SystemTransition | null;
  mayAutoApprove: boolean;
}

export function planRequest(
  message: RequestMessage,
  fields: CaseFieldValues,
  rules: CompletenessRuleSet,
  settings: ImportSettings,
): NewCasePlan {
  const kinds = message.attachments.map((a) => a.kind);
  const { complete } = evaluateCompleteness(caseFactsOf(fields, kinds), rules, {});
  const completeness = complete
    ? { completeAt: message.sentAt, dueDate: dueFrom(message.sentAt, settings) }
    : { completeAt: null, dueDate: null };
  const developerReason = developerProjectReason(message, settings);
  const transition: SystemTransition | null = developerReason
    ? { from: 'new', to: 'developer_project', reason: developerReason, rule: DEVELOPER_PROJECT_RULE }
    : null;
  // Only what needs no grid assessment (NEM-forskriften § 3-7) is approved by a rule: not work bringing production.
  const mayAutoApprove = transition === null && complete && settings.autoApproveMeteringPointWork
    && message.requestType === 'metering_point_work'
    && !gridAssessmentRequired({ requestType: message.requestType, hasProduction: fields.hasProduction === true, mainFuseA: null });
  return { completeness, transition, mayAutoApprove };
}

export const autoApproval: SystemTransition = { from: 'new', to: 'approved', rule: AUTO_APPROVAL_RULE };

/** A stored case as the plans need it. */
export interface StoredCase {
  id: number;
  status: CaseStatus;
  requestType: string;
  fields: CaseFieldValues;
  attachmentKinds: AttachmentKind[];
  completeAt: string | null;
  dueDate: string | null;
  clockPausedOn: string | null;
  overrides: Record<string, { reason: string }>;
}

const SUPPLEMENT_REFUSED_IN: readonly CaseStatus[] = ['rejected', 'closed'];

export type SupplementPlan =
  | {
      ok: true;
      /** Changed case fields (camelCase) with their new values, plus the case columns the import keeps. */
      set: CaseFieldValues;
      changed: string[];
      transition: SystemTransition | null;
      events: PlannedEvent[];
    }
  | { ok: false; reasons: ImportReason[] };

export function planSupplement(
  stored: StoredCase,
  message: SupplementMessage,
  rules: CompletenessRuleSet,
  settings: ImportSettings,
  today: string,
): SupplementPlan {
  if (SUPPLEMENT_REFUSED_IN.includes(stored.status)) {
    return { ok: false, reasons: [reason('caseMessageId', 'case.statusNotAllowed',
      `The case is in status ${stored.status}: a supplement is not accepted there`)] };
  }
  const proposed = supplementCaseFields(message);
  const changed = changedFields(stored.fields, proposed);
  const set: CaseFieldValues = Object.fromEntries(changed.map((field) => [field, proposed[field]]));
  const newKinds = [...new Set(message.attachments.map((a) => a.kind))];
  set.supplementChanges = [...changed, ...newKinds];
  const events: PlannedEvent[] = [{
    kind: 'supplement_received',
    data: {
      messageId: message.messageId,
      changedFields: changed,
      attachments: message.attachments.map((a) => ({ kind: a.kind, fileName: a.fileName })),
      ...(message.text ? { text: message.text } : {}),
    },
  }];

  let transition: SystemTransition | null = null;
  let dueDate = stored.dueDate;
  if (canTakeAction('receiveSupplement', stored.status, 'system')) {
    transition = { from: stored.status, to: CASE_ACTIONS.receiveSupplement.to };
    set.status = transition.to;
    events.push(transitionEvent(transition));
    if (stored.clockPausedOn !== null) {
      dueDate = dueDateAfterPause(dueDate, stored.clockPausedOn, today);
      set.clockPausedOn = null;
    }
  }
  if (stored.completeAt === null) {
    const facts = caseFactsOf({ ...stored.fields, ...set }, [...stored.attachmentKinds, ...newKinds]);
    if (evaluateCompleteness(facts, rules, stored.overrides).complete) {
      set.completeAt = message.sentAt;
      dueDate = dueFrom(message.sentAt, settings);
      events.push({ kind: 'completeness_reached', data: { dueDate } });
    }
  }
  if (dueDate !== stored.dueDate) set.dueDate = dueDate;
  return { ok: true, set, changed, transition, events };
}

export type CompletionNoticePlan =
  | {
      ok: true;
      /** Null for a partial ferdigmelding: recorded, the case stays where it is. */
      transition: SystemTransition | null;
      /** The case columns to write: the new status and, for a ferdigmelding, the meter clock's due date. */
      set: { status?: CaseStatus; dueDate?: string };
      events: PlannedEvent[];
    }
  | {
      ok: false;
      events: PlannedEvent[];
      reasons: ImportReason[];
      /** What the installer is told (rules/completionNotice.ts completionRefusalMessage). */
      refusals: CompletionRefusal[];
    };

/** Construction power's completion notice asks for termination; every other type's reports the work done. */
export function completionActionFor(requestType: string): CaseActionName {
  return requestType === 'temporary_installation' ? 'receiveTerminationRequest' : 'receiveCompletionNotice';
}

/**
 * The ferdigmelding starts the meter clock: the case is due when the meter is to be up, the company's target in
 * working days after the notice arrived (its sentAt, the moment the portal took it in; rules/meterClock.ts), and no
 * longer by the handling deadline long past. A termination request (construction power) starts the same clock for
 * taking the cabinet down and reading its meter (domain.md: construction-power cabinets within 5 working days), so it
 * is not overdue by the handling deadline long past while the rent runs on.
 */
export function planCompletionNotice(stored: StoredCase, message: CompletionNoticeMessage, settings: ImportSettings): CompletionNoticePlan {
  const action = completionActionFor(stored.requestType);
  const completes = completesCase(message);
  const targetDate = meterMountingDueDate(osloDate(new Date(message.sentAt)), settings.meterMountingWorkingDays);
  const meterDueDate = action === 'receiveCompletionNotice' && completes ? targetDate : null;
  const received: PlannedEvent = {
    kind: 'completion_notice_received',
    data: {
      messageId: message.messageId,
      ...(message.completedOn ? { completedOn: message.completedOn } : {}),
      ...(message.energisedOn ? { energisedOn: message.energisedOn } : {}),
      ...(message.meterNumbers ? { meterNumbers: message.meterNumbers } : {}),
      ...(message.meterReadings ? { meterReadings: message.meterReadings } : {}),
      ...(completes ? {} : { partial: true }),
      ...(message.attachments.length > 0
        ? { attachments: message.attachments.map((a) => ({ kind: a.kind, fileName: a.fileName })) }
        : {}),
      ...(message.text ? { text: message.text } : {}),
    },
  };
  const refuse = (refusals: CompletionRefusal[], reasons: ImportReason[]): CompletionNoticePlan => ({
    ok: false,
    events: [{ ...received, data: { ...received.data, refused: reasons.map((r) => r.message).join(' '), refusals: refusals.map((r) => r.code) } }],
    reasons,
    refusals,
  });
  if (!canTakeAction(action, stored.status, 'system')) {
    const allowed = CASE_ACTIONS[action].from.join(', ');
    const why = `The case is in status ${stored.status}; a ${action === 'receiveTerminationRequest' ? 'termination request' : 'completion notice'} is accepted in: ${allowed}`;
    return refuse([{ code: 'statusNotAllowed' }], [reason('caseMessageId', 'case.statusNotAllowed', why)]);
  }
  const problems = completionNoticeProblems(stored.requestType as RequestType, (stored.fields.meterNumbers as string[] | undefined) ?? [], {
    attachmentKinds: message.attachments.map((a) => a.kind),
    meterReadings: message.meterReadings ?? [],
  });
  if (problems.length > 0) {
    return refuse(problems, problems.map((problem) => problem.code === 'declarationMissing'
      ? reason('attachments', 'completion.declarationMissing', 'No samsvarserklæring (attachment of kind declaration_of_conformity)')
      : reason('meterReadings', 'completion.meterReadingMissing', `No meter reading for ${(problem.meterNumbers ?? []).join(', ')}`)));
  }
  if (!completes) return { ok: true, transition: null, set: {}, events: [received] };
  const transition = { from: stored.status, to: CASE_ACTIONS[action].to };
  const events = [
    meterDueDate === null ? received : { ...received, data: { ...received.data, meterDueDate } },
    transitionEvent(transition),
  ];
  return { ok: true, transition, set: { status: transition.to, dueDate: targetDate }, events };
}

// The life of a case from the portal's message to "closed", simulated step by step in working days and
// cut off at the demo's "now": old cases have run their course, recent ones are new or in review.
// Events have the shapes the mutations write, so the seeded history reads like a real one.
import type { AttachmentKind, BillingKind, CaseStatus, EventKind } from '../../shared/rules';
import {
  NOTE_ON_CONSTRUCTION_POWER,
  NOTE_ON_INVALID_METERING_POINT,
  NOTE_ON_MISSING_SITE_MAP,
  NOTE_ON_OWNER_EMAIL,
  NOTE_ON_REMINDER,
  generalNote,
  rejectionReason,
  waitingReason,
} from './caseTexts';
import { DemoCalendar, isoOfDay, isoOfMs } from './demoCalendar';
import type { DemoOffer } from './demoOffers';
import { Random } from './random';
import { PORTAL_ACTOR, pickSupervisor } from './staff';
import type { Submission } from './submissionSchedule';

/** case_events and notes rows as the seeder's statements take them (made here: millions are made). */
export type EventRow = [caseId: number, at: string, actorId: string, kind: EventKind, data: string];
export type NoteRow = [id: string, caseId: number, authorId: string, at: string, body: string];

/** billing_events rows: id, case_id, offer_id, offer_version, kind, amount_ore, occurred_on, source, recorded_at,
 * recorded_by (outcome applied). */
export type BillingRow = [id: string, caseId: number, offerId: string, offerVersion: number, kind: BillingKind,
  amountOre: number | null, occurredOn: string, source: 'desk' | 'billing_file', recordedAt: string, recordedBy: string];

/** The offer the handler issues on the day: its id, amount to pay, and last day. */
export type IssueOffer = (day: number, at: string, by: string) => DemoOffer;

export interface LateAttachment {
  id: number;
  kind: AttachmentKind;
  fileName: string;
}

export interface LifecycleInput {
  caseId: number;
  submission: Submission;
  messageId: string;
  handlerId: string;
  requestType: string;
  completeOnArrival: boolean;
  /** Forgotten documents that the installer sends when asked; empty when something else was missing. */
  lateAttachments: readonly LateAttachment[];
  goesThroughOffer: boolean;
  issueOffer: IssueOffer;
  invalidMeteringPointId: boolean;
  ownerEmailMistyped: boolean;
}

export interface LifecycleOutcome {
  status: CaseStatus;
  assigneeId: string | null;
  completeAt: number | null;
  completeDay: number | null;
  /** The day the ferdigmelding arrived (the meter clock's start), if it has. */
  completionNoticeDay: number | null;
  lateAttachmentsAt: number | null;
  events: EventRow[];
  notes: NoteRow[];
  billing: BillingRow[];
  updatedAt: number;
  version: number;
  /** Construction power's cabinet: the days (demo calendar) and meter readings at both ends, as far as it got. */
  constructionPower: DemoConstructionPower | null;
}

export interface DemoConstructionPower {
  connectedDay: number;
  startReading: number;
  disconnectedDay: number | null;
  finalReading: number | null;
}

class CaseTimeline {
  day: number;
  second: number;
  at: number;
  status: CaseStatus = 'new';
  assigneeId: string | null = null;
  readonly events: EventRow[] = [];
  readonly notes: NoteRow[] = [];
  readonly billing: BillingRow[] = [];
  mutationsMerged = 0;
  lastEventAt = 0;

  constructor(
    private readonly caseId: number,
    private readonly calendar: DemoCalendar,
    readonly random: Random,
    private readonly now: number,
    private readonly noteIds: { next: number },
    start: Submission,
  ) {
    this.day = start.day;
    this.second = start.second;
    this.at = calendar.toMs(start.day, start.second);
  }

  /** Moves on `days` working days (0: later the same day); false if that moment has not come yet. */
  wait(days: number): boolean {
    let { day, second } = this;
    if (days === 0) second = Math.max(second + 1, Math.min(second + this.random.int(120, 5_400), 22 * 3600));
    else {
      day = this.calendar.addWorkingDays(day, days);
      second = this.calendar.officeSecond(this.random);
    }
    const at = this.calendar.toMs(day, second);
    if (at > this.now) return false;
    Object.assign(this, { day, second, at });
    return true;
  }

  /** A number of working days: usually between low and high, now and then a long delay. */
  waitBetween(low: number, high: number, stall = 0, stallHigh = high * 3): boolean {
    return this.wait(this.random.chance(stall) ? this.random.int(high + 1, stallHigh) : this.random.int(low, high));
  }

  record(actorId: string, kind: EventKind, data: Record<string, unknown>): void {
    this.events.push([this.caseId, isoOfMs(this.at), actorId, kind, JSON.stringify(data)]);
    this.lastEventAt = this.at;
  }

  move(actorId: string, to: CaseStatus, reason?: string): void {
    this.record(actorId, 'status_changed', reason ? { from: this.status, to, reason } : { from: this.status, to });
    this.status = to;
  }

  /**
   * One billing step on the issued offer as the desk (or the billing system's file) writes it: the billing event,
   * then the status it moves the case to (core/billing/localBilling.ts writeLocalBillingStep).
   */
  billingStep(actorId: string, offer: DemoOffer, kind: BillingKind, to: CaseStatus, source: BillingRow[7],
    amountOre: number | null = null): void {
    const id = demoBillingId(this.caseId, this.billing.length + 1);
    const occurredOn = isoOfDay(this.day);
    this.billing.push([id, this.caseId, offer.id, 1, kind, amountOre, occurredOn, source, isoOfMs(this.at), actorId]);
    this.record(actorId, 'billing_recorded', { billingEventId: id, kind, offerVersion: 1,
      ...(amountOre === null ? {} : { amountOre }), occurredOn, source, outcome: 'applied' });
    this.mutationsMerged++;
    this.move(actorId, to);
  }

  assign(actorId: string, to: string, via?: 'fetchNext'): void {
    this.record(actorId, 'assigned', via ? { from: this.assigneeId, to, via } : { from: this.assigneeId, to });
    this.assigneeId = to;
  }

  note(authorId: string, body: string): void {
    const id = demoNoteId(this.noteIds.next++);
    this.notes.push([id, this.caseId, authorId, isoOfMs(this.at), body]);
    this.record(authorId, 'note_added', { noteId: id, excerpt: body.slice(0, 200) });
  }
}

export function simulateLifecycle(
  input: LifecycleInput,
  calendar: DemoCalendar,
  random: Random,
  now: number,
  noteIds: { next: number },
): LifecycleOutcome {
  const t = new CaseTimeline(input.caseId, calendar, random, now, noteIds, input.submission);
  let completeAt: number | null = input.completeOnArrival ? t.at : null;
  let completeDay: number | null = input.completeOnArrival ? t.day : null;
  let lateAttachmentsAt: number | null = null;
  let completionNoticeDay: number | null = null;
  let constructionPower: DemoConstructionPower | null = null;
  const handler = input.handlerId;
  const outcome = (): LifecycleOutcome => ({
    status: t.status,
    assigneeId: t.assigneeId,
    completeAt,
    completeDay,
    completionNoticeDay,
    lateAttachmentsAt,
    events: t.events,
    notes: t.notes,
    billing: t.billing,
    updatedAt: t.lastEventAt,
    version: t.events.length - t.mutationsMerged,
    constructionPower,
  });

  // Construction power as it runs: connected within the five working days, its meter read; in use for weeks or
  // months until the installer's ferdigmelding asks for it to end; taken down with the final reading; closed once
  // the metering point is deregistered.
  const constructionPowerLife = (): LifecycleOutcome => {
    if (!t.waitBetween(1, 5, 0.1, 10)) return outcome();
    t.move(handler, 'connected');
    constructionPower = { connectedDay: t.day, startReading: random.int(0, 40_000), disconnectedDay: null, finalReading: null };
    if (!t.waitBetween(20, 160, 0.1, 260)) return outcome();
    t.move(PORTAL_ACTOR, 'termination_requested');
    completionNoticeDay = t.day;
    if (random.chance(0.2)) t.note(handler, NOTE_ON_CONSTRUCTION_POWER);
    if (!t.waitBetween(1, 5, 0.1, 12)) return outcome();
    t.move(handler, 'disconnected');
    constructionPower.disconnectedDay = t.day;
    constructionPower.finalReading = constructionPower.startReading + random.int(300, 25_000);
    if (!t.waitBetween(0, 3)) return outcome();
    t.move(handler, 'closed');
    return outcome();
  };

  // A complete request whose questions were never answered: after about three months it is rejected.
  const giveUp = (): LifecycleOutcome => {
    if (!t.wait(random.int(40, 65))) return outcome();
    t.move(handler, 'rejected', 'Etterspurt dokumentasjon er ikke mottatt. Send ny melding når den er klar.');
    if (t.waitBetween(1, 10)) t.move(handler, 'closed');
    return outcome();
  };

  t.record(PORTAL_ACTOR, 'received', { messageId: input.messageId });

  if (!input.completeOnArrival) {
    // Incomplete requests are not in "fetch next"; a handler spots them in the queue and asks for more.
    if (!t.waitBetween(1, 8)) return outcome();
    t.assign(handler, handler);
    t.move(handler, 'waiting_for_info', waitingReason(random, input.lateAttachments.map((a) => a.kind)));
    if (random.chance(0.3)) {
      const missesMap = input.lateAttachments.some((a) => a.kind === 'site_map');
      t.note(handler, missesMap && random.chance(0.5) ? NOTE_ON_MISSING_SITE_MAP : NOTE_ON_REMINDER);
    }
    // A few installers never answer; such requests stay waiting (and never count as received).
    if (random.chance(0.02) || !t.waitBetween(1, 10, 0.15, 30)) return outcome();
    for (const attachment of input.lateAttachments) {
      t.record(PORTAL_ACTOR, 'attachment_added', { attachmentId: attachment.id, kind: attachment.kind,
        fileName: attachment.fileName });
    }
    if (input.lateAttachments.length > 0) {
      lateAttachmentsAt = completeAt = t.at;
      completeDay = t.day;
    }
    if (!t.wait(random.chance(0.5) ? 0 : 1)) return outcome();
    // An answer without documents leaves no event of its own: the handler marks the request complete.
    if (completeAt === null) {
      completeAt = t.at;
      completeDay = t.day;
    }
    t.move(handler, 'in_review');
  } else {
    if (!t.waitBetween(0, 7, 0.12, 20)) return outcome();
    if (random.chance(0.7)) {
      // "Fetch next": one mutation, two events.
      t.assign(handler, handler, 'fetchNext');
      t.move(handler, 'in_review');
      t.mutationsMerged++;
    } else {
      t.assign(pickSupervisor(random), handler);
      if (!t.wait(random.chance(0.4) ? 0 : random.int(1, 3))) return outcome();
      t.move(handler, 'in_review');
    }
  }

  if (input.invalidMeteringPointId && random.chance(0.6)) t.note(handler, NOTE_ON_INVALID_METERING_POINT);
  else if (input.ownerEmailMistyped && random.chance(0.4)) t.note(handler, NOTE_ON_OWNER_EMAIL);
  else if (random.chance(0.06)) t.note(handler, generalNote(random));

  if (!t.waitBetween(0, 6, 0.1, 30)) return outcome();
  const decision = random.next();
  let rejected = decision > 0.93;
  if (decision < 0.12) {
    t.move(handler, 'waiting_for_info', waitingReason(random, []));
    if (random.chance(0.05)) return giveUp();
    if (!t.waitBetween(1, 12, 0.15, 30)) return outcome();
    t.move(handler, 'in_review');
    if (!t.waitBetween(0, 4)) return outcome();
    rejected = random.chance(0.1);
  }
  if (rejected) {
    t.move(handler, 'rejected', rejectionReason(random));
    if (random.chance(0.75) && t.waitBetween(2, 20)) t.move(handler, 'closed');
    return outcome();
  }
  t.move(handler, 'approved');
  if (input.requestType === 'temporary_installation') return constructionPowerLife();

  if (input.goesThroughOffer) {
    if (!t.waitBetween(1, 8, 0.1, 20)) return outcome();
    // Issued and sent in one sitting: the letter is on file before the billing step says it went out.
    const offer = input.issueOffer(t.day, isoOfMs(t.at), handler);
    t.record(handler, 'offer_issued', { offerId: offer.id, version: 1, totalOre: offer.grossOre });
    t.billingStep(handler, offer, 'offer_sent', 'offer_sent', 'desk');
    if (random.chance(0.08)) {
      // Not accepted within the offer's three months.
      if (t.wait(random.int(63, 70))) t.move(handler, 'closed', 'Tilbudet er ikke godtatt innen fristen.');
      return outcome();
    }
    if (!t.waitBetween(2, 30)) return outcome();
    t.billingStep(PORTAL_ACTOR, offer, 'acceptance', 'offer_accepted', 'billing_file');
    if (!t.waitBetween(0, 3)) return outcome();
    t.billingStep(handler, offer, 'invoice', 'invoice_sent', 'desk');
    if (!t.waitBetween(5, 25)) return outcome();
    t.billingStep(PORTAL_ACTOR, offer, 'payment', 'paid', 'billing_file', offer.grossOre);
    if (!t.waitBetween(10, 70)) return outcome();
  } else if (!t.waitBetween(3, 40, 0.1, 90)) return outcome();
  // The ferdigmelding (for construction power: the request to terminate) arrives through the portal.
  t.record(PORTAL_ACTOR, 'completion_notice_received', {
    messageId: `${input.messageId}-F`,
    completedOn: isoOfDay(t.day),
    ...(input.requestType === 'temporary_installation' ? {} : { meterDueDate: calendar.meterDueDate(t.day) }),
  });
  t.mutationsMerged++;
  t.move(PORTAL_ACTOR, 'completion_reported');
  completionNoticeDay = t.day;

  if (!t.waitBetween(1, 6, 0.1, 20)) return outcome();
  t.move(handler, 'meter_mounted');
  if (!t.waitBetween(0, 3)) return outcome();
  t.move(handler, 'metering_point_registered');
  if (!t.waitBetween(0, 5)) return outcome();
  t.move(handler, 'closed');
  return outcome();
}

/** Billing events are keyed by UUID as the desk makes them; the demo's are derived from the case and step. */
export function demoBillingId(caseId: number, step: number): string {
  return `00000000-0000-4000-a${step.toString(16).padStart(3, '0')}-${caseId.toString(16).padStart(12, '0')}`;
}

/** Notes are keyed by UUID (see db/local/schema.ts); the demo's are derived from a counter, deterministically. */
export function demoNoteId(counter: number): string {
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

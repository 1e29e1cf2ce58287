// Turns one generated request and its simulated life into the rows of cases, case_events, notes and
// attachments, as positional parameter arrays for the seeder's prepared statements.
import { cabinetRent, priceListInEffect, type ClosureReason, type RequestType } from '../../shared/rules';
import { demoPriceLists } from '../pricing/demoPriceList';
import { planAttachments, SAMPLE_FILES, type SampleFile } from './caseAttachments';
import { simulateLifecycle, type IssueOffer, type LateAttachment, type LifecycleOutcome } from './caseLifecycle';
import { DEMO_OVERRIDE_REASON, factsOfRequest, missingCompletenessItems } from './demoCompleteness';
import { generateRequest } from './cases';
import { ownerPartyColumns, withGridAssessment } from './demoOwnerParty';
import { DemoCalendar, isoOfDay, isoOfMs } from './demoCalendar';
import type { DemoOfferMaker, IssuedDemoOffer } from './demoOffers';
import type { DemoInstaller } from './installers';
import { Random } from './random';
import { pickHandler } from './staff';
import type { Submission } from './submissionSchedule';

export type Row = unknown[];

export interface CaseRows {
  caseRow: Row;
  events: Row[];
  notes: Row[];
  attachments: Row[];
  offers: Row[];
  billing: Row[];
}

export interface StoredSample {
  sha256: string;
  sizeBytes: number;
}

/** Requests whose approval leads to an offer of a connection agreement (anleggsbidrag), by type. */
const OFFER_SHARE: Readonly<Record<RequestType, number>> = {
  new_installation: 1,
  new_metering_point: 0.8,
  fuse_change: 0.6,
  street_lighting: 0.7,
  join_split: 0.4,
  production: 0.15,
  temporary_installation: 0,
  metering_point_work: 0,
  change_of_use: 0,
  permanent_disconnection: 0.9,
  service_line_move: 1,
};

const RETIREMENT_DAYS_AGO = 300;

const DEMO_PRICE_LISTS = demoPriceLists();

/** Construction power's columns: the cabinet's period and readings, and the rent billed when it came down. */
function constructionPowerColumns(life: LifecycleOutcome): Row {
  const power = life.constructionPower;
  if (!power) return [null, null, null, null, null, null, null];
  const connectedOn = isoOfDay(power.connectedDay);
  if (power.disconnectedDay === null) return [connectedOn, power.startReading, null, null, null, null, null];
  const disconnectedOn = isoOfDay(power.disconnectedDay);
  const rent = cabinetRent(connectedOn, disconnectedOn, priceListInEffect(DEMO_PRICE_LISTS, disconnectedOn));
  return [connectedOn, power.startReading, disconnectedOn, power.finalReading, rent.days, rent.rateOre, rent.netOre];
}

export class CaseRowFactory {
  private readonly caseNumbers = new Map<number, number>();
  private nextMessageNumber = 4_100_000;
  private nextAttachmentId = 1;
  private readonly noteIds = { next: 1 };

  constructor(
    private readonly random: Random,
    private readonly calendar: DemoCalendar,
    private readonly now: number,
    private readonly today: number,
    private readonly firstYearOffset: number,
    private readonly pickInstaller: (random: Random, municipality: string) => DemoInstaller,
    private readonly samples: Readonly<Record<SampleFile, StoredSample>>,
    private readonly offers: DemoOfferMaker,
  ) {}

  /** Running number per year of submission: `2026-000123`. */
  private caseNumber(day: number): string {
    const year = new Date(day * 86_400_000).getUTCFullYear();
    const previous = this.caseNumbers.get(year) ?? (this.caseNumbers.size === 0 ? this.firstYearOffset : 0);
    this.caseNumbers.set(year, previous + 1);
    return `${year}-${String(previous + 1).padStart(6, '0')}`;
  }

  build(caseId: number, submission: Submission): CaseRows {
    const random = this.random;
    const request = generateRequest(random, submission.day, this.pickInstaller);
    const caseNumber = this.caseNumber(submission.day);
    // The portal numbers messages for all its grid companies, so ours have gaps.
    this.nextMessageNumber += random.int(1, 60);
    const messageId = `ELS-${this.nextMessageNumber}`;
    const planned = planAttachments(random, request.requestType, request);
    const forgotten = planned.filter((a) => a.missingOnArrival);
    // A forgotten document usually makes the request incomplete, but now and then nobody notices; and some
    // requests lack information rather than documents.
    const completeOnArrival = forgotten.length > 0 ? random.chance(0.1) : random.chance(0.95);
    const sentWithRequest = planned.filter((a) => !a.missingOnArrival);
    const firstLateId = this.nextAttachmentId + sentWithRequest.length;
    const late: LateAttachment[] = completeOnArrival ? []
      : forgotten.map((a, i) => ({ id: firstLateId + i, kind: a.kind, fileName: a.fileName }));
    let offer: IssuedDemoOffer | null = null;
    const issueOffer: IssueOffer = (day, at, by) => {
      offer = this.offers.issue(caseId, caseNumber, request, isoOfDay(day), at, by);
      return offer;
    };
    const life = simulateLifecycle(
      {
        caseId,
        submission,
        messageId,
        handlerId: pickHandler(random, submission.day < this.today - RETIREMENT_DAYS_AGO),
        requestType: request.requestType,
        completeOnArrival,
        lateAttachments: late,
        goesThroughOffer: random.chance(OFFER_SHARE[request.requestType]),
        issueOffer,
        invalidMeteringPointId: request.invalidMeteringPointId,
        ownerEmailMistyped: request.owner.emailMistyped,
      },
      this.calendar,
      random,
      this.now,
      this.noteIds,
    );

    const submittedAt = isoOfMs(this.calendar.toMs(submission.day, submission.second));
    const attachments: Row[] = [];
    const attachmentRow = (id: number, kind: string, sample: SampleFile, fileName: string, receivedAt: string) => {
      const stored = this.samples[sample];
      attachments.push([id, caseId, kind, fileName, SAMPLE_FILES[sample].mimeType, stored.sizeBytes, stored.sha256,
        receivedAt]);
    };
    for (const a of sentWithRequest) attachmentRow(this.nextAttachmentId++, a.kind, a.sample, a.fileName, submittedAt);
    if (life.lateAttachmentsAt !== null) {
      const receivedAt = isoOfMs(life.lateAttachmentsAt);
      for (const a of forgotten) attachmentRow(this.nextAttachmentId++, a.kind, a.sample, a.fileName, receivedAt);
    }
    const issued = offer as IssuedDemoOffer | null;
    if (issued) {
      // The offer letter is filed on the case as the desk files it (mutations/letterAttachment.ts).
      attachments.push([this.nextAttachmentId++, caseId, 'other', issued.letter.fileName, 'application/pdf',
        issued.letter.sizeBytes, issued.letter.sha256, issued.offerRow[10]]);
    }

    const received = [...sentWithRequest, ...(life.lateAttachmentsAt === null ? [] : forgotten)].map((a) => a.kind);
    const checked = checkedCompleteness(life, missingCompletenessItems(factsOfRequest(request, received)));
    const { place, owner } = request;
    const assessed = withGridAssessment(request, checked.events);
    const caseRow: Row = [
      caseId, caseNumber, messageId, request.requestType, life.status, submittedAt,
      checked.complete && life.completeAt !== null ? isoOfMs(life.completeAt) : null,
      // After the ferdigmelding the due date is the company's target: the meter up, or construction power taken down.
      (life.status === 'completion_reported' || life.status === 'termination_requested') && life.completionNoticeDay !== null
        ? this.calendar.meterDueDate(life.completionNoticeDay)
        : checked.complete && life.completeDay !== null ? this.calendar.dueDate(life.completeDay) : null,
      life.assigneeId, place.address, place.postcode, place.postTown, place.municipalityNumber,
      place.gnr, place.bnr, place.fnr, place.snr, request.buildingUse, request.networkSystem, request.phases,
      request.mainFuseA, request.meterFuseA, request.expectedPowerKw, request.expectedEnergyKwh, request.evChargingA,
      request.unitCount, JSON.stringify(request.meteringPointIds), JSON.stringify(request.meterNumbers),
      request.hasProduction ? 1 : 0, request.productionKw, request.inverter, request.batteryKwh,
      owner.name, owner.idKind, owner.nationalId, owner.organisationNumber, owner.email, owner.phone,
      request.installer.id, request.installerContact, request.wantedStartDate, request.wantedConnectionDate,
      request.freeText, isoOfMs(life.updatedAt), life.version + (checked.overrides === '{}' ? 0 : 1),
      // approval_conditions, decision_reason, completeness_overrides, work_routing, supplement_changes, clock_paused_on
      '[]', null, checked.overrides, '{}', '[]', null,
      ...ownerPartyColumns(caseId, request, owner, place, life.status), assessed.column,
      // power_connected_on, start_meter_reading, power_disconnected_on, final_meter_reading, cabinet_rent_days,
      // cabinet_rent_rate_ore, cabinet_rent_net_ore
      ...constructionPowerColumns(life),
      // closure_reason, cancellation_costs_ore
      life.status === 'closed' ? demoClosureReason(life.events) : null, null,
      // shared_service_line, wanted_end_date, company_cabinet, cabinet_id
      request.sharedServiceLine ? 1 : 0, request.wantedEndDate, request.companyCabinet ? 1 : 0, request.cabinetId,
    ];
    return {
      caseRow,
      events: assessed.events,
      notes: life.notes,
      attachments,
      offers: issued ? [issued.offerRow] : [],
      billing: life.billing,
    };
  }
}

/**
 * The simulated handler's "complete" checked against the checklist (demoCompleteness.ts): items still missing are
 * overridden with a reason by the handler when they start the review; a request no handler has reviewed yet is not
 * complete.
 */
function checkedCompleteness(
  life: LifecycleOutcome,
  missing: string[],
): { complete: boolean; overrides: string; events: LifecycleOutcome['events'] } {
  if (life.completeAt === null || missing.length === 0) return { complete: life.completeAt !== null, overrides: '{}', events: life.events };
  const reviewStart = life.events.findIndex((event) => event[3] === 'status_changed'
    && (JSON.parse(String(event[4])) as { to?: string }).to === 'in_review');
  if (reviewStart < 0) return { complete: false, overrides: '{}', events: life.events };
  const [caseId, at, actorId] = life.events[reviewStart];
  const overrides = Object.fromEntries(missing.map((item) => [item, { reason: DEMO_OVERRIDE_REASON, by: actorId, at }]));
  const overridden = missing.map((item) => [caseId, at, actorId, 'completeness_overridden',
    JSON.stringify({ item, reason: DEMO_OVERRIDE_REASON })] as LifecycleOutcome['events'][number]);
  const events = [...life.events.slice(0, reviewStart), ...overridden, ...life.events.slice(reviewStart)];
  return { complete: true, overrides: JSON.stringify(overrides), events };
}

/**
 * Why a demo case closed, from the status it closed from (caseLifecycle.ts): a rejection closed, an offer left
 * unanswered past its validity, or the work done.
 */
function demoClosureReason(events: readonly (readonly unknown[])[]): ClosureReason {
  const closing = [...events].reverse().find((event) => event[3] === 'status_changed');
  const from = closing ? (JSON.parse(String(closing[4])) as { from?: string }).from : undefined;
  if (from === 'rejected') return 'rejected';
  if (from === 'offer_sent') return 'offer_expired';
  return 'completed';
}

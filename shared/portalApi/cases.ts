// Following a case in the portal (issue 12, item 3): GET /api/portal/cases (portalListCases), GET
// /api/portal/cases/:caseNumber (portalGetCase) and GET /api/portal/cases/:caseNumber/attachments/:id
// (portalGetAttachment). A firm sees only its own cases (row-level security, migrations 0019 and 0020); the
// portal words each status and request type from its code. Answers to a request for information and the
// ferdigmelding are sent through portalSubmitMessage (messages.ts) as `supplement` and `completion_notice`.
import { z } from 'zod';
import {
  ATTACHMENT_KINDS, BUILDING_USES, CASE_STATUSES, CLOSURE_REASONS, FACT_FIELDS, NETWORK_SYSTEMS, REQUEST_TYPES, type CaseStatus,
} from '../rules';
import { PortalInboxKind } from './inbox';

/** Statuses in which the firm has nothing more to expect: the "closed" filter. */
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['rejected', 'closed'];

export const CaseNumber = z.string().regex(/^\d{4}-\d{6}$/);

export const PortalListCasesQuery = z.object({
  state: z.enum(['all', 'open', 'closed']).default('all'),
  /** Part of the case number or of the address (street, postcode or town). */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PortalListCasesQuery = z.input<typeof PortalListCasesQuery>;

export const PortalCaseSummary = z.object({
  caseNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  requestType: z.enum(REQUEST_TYPES),
  address: z.string(),
  postcode: z.string(),
  postTown: z.string(),
  submittedAt: z.string(),
  /** The case handler's name; null while nobody handles it. */
  handler: z.string().nullable(),
  /** YYYY-MM-DD; set once the request is complete. */
  dueDate: z.string().nullable(),
});
export type PortalCaseSummary = z.infer<typeof PortalCaseSummary>;

export const PortalListCasesOutput = z.object({
  cases: z.array(PortalCaseSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PortalListCasesOutput = z.infer<typeof PortalListCasesOutput>;

export const PortalCaseParams = z.object({ caseNumber: CaseNumber });
export const PortalAttachmentParams = z.object({ caseNumber: CaseNumber, id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const PortalAttachment = z.object({
  id: z.number().int(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  receivedAt: z.string(),
});
export type PortalAttachment = z.infer<typeof PortalAttachment>;

/** One thing the grid company asked for: an item of its completeness rules, worded, and what answers it. */
export const PortalRequestedItem = z.object({
  code: z.string(),
  label: z.object({ nb: z.string(), en: z.string() }),
  /** Fields of the case to fill in, or a kind of file to attach; null for an item the rules no longer know. */
  requires: z.union([
    z.object({ fields: z.array(z.enum(FACT_FIELDS)) }),
    z.object({ attachment: z.enum(ATTACHMENT_KINDS) }),
  ]).nullable(),
});
export type PortalRequestedItem = z.infer<typeof PortalRequestedItem>;

const MeterReading = z.object({ meterNumber: z.string(), readingKwh: z.number() });

/** The firm's own messages, as the case history recorded them, with the files that came with each. */
export const PortalIncomingEntry = z.object({
  type: z.literal('incoming'),
  kind: z.enum(['request', 'supplement', 'completion_notice']),
  at: z.string(),
  text: z.string().nullable(),
  /** A supplement's changed fields. */
  changedFields: z.array(z.string()),
  completedOn: z.string().nullable(),
  energisedOn: z.string().nullable(),
  meterNumbers: z.array(z.string()),
  meterReadings: z.array(MeterReading),
  /** A ferdigmelding of part of the installation: the case waits for the rest (rules/completionNotice.ts). */
  partial: z.boolean().optional(),
  attachments: z.array(PortalAttachment),
});

/** What the grid company wrote to the installer: a request for information, approval, rejection, referral, start message. */
export const PortalOutgoingEntry = z.object({
  type: z.literal('outgoing'),
  kind: PortalInboxKind,
  at: z.string(),
  subject: z.string(),
  body: z.string(),
  /** A request for information's items. */
  items: z.array(PortalRequestedItem),
});

/** A change of status, with the reason the installer must be told (rejection, developer project) or conditions. */
export const PortalStatusEntry = z.object({
  type: z.literal('status'),
  at: z.string(),
  from: z.enum(CASE_STATUSES),
  to: z.enum(CASE_STATUSES),
  reason: z.string().nullable(),
  conditions: z.array(z.string()),
});

export const PortalThreadEntry = z.discriminatedUnion('type', [PortalIncomingEntry, PortalOutgoingEntry, PortalStatusEntry]);
export type PortalThreadEntry = z.infer<typeof PortalThreadEntry>;

export const PortalCase = PortalCaseSummary.extend({
  completeAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** Why a closed case ended (rules/caseClosure.ts); null while open. */
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  approvalConditions: z.array(z.string()),
  /** The facts as sent (and as supplements changed them). */
  installation: z.object({
    municipalityNumber: z.string(),
    gnr: z.number().nullable(), bnr: z.number().nullable(), fnr: z.number().nullable(), snr: z.number().nullable(),
    buildingUse: z.enum(BUILDING_USES),
    networkSystem: z.enum(NETWORK_SYSTEMS),
    phases: z.number(),
    mainFuseA: z.number().nullable(),
    meterFuseA: z.number().nullable(),
    expectedPowerKw: z.number().nullable(),
    expectedEnergyKwh: z.number().nullable(),
    evChargingA: z.number().nullable(),
    unitCount: z.number(),
    meteringPointIds: z.array(z.string()),
    meterNumbers: z.array(z.string()),
  }),
  production: z.object({ productionKw: z.number().nullable(), inverter: z.string().nullable(), batteryKwh: z.number().nullable() }).nullable(),
  /** The owner as sent; the national identity number is not shown back. */
  owner: z.object({ name: z.string(), organisationNumber: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  wantedStartDate: z.string().nullable(),
  wantedConnectionDate: z.string().nullable(),
  freeText: z.string().nullable(),
  /** In time order, both ways. */
  thread: z.array(PortalThreadEntry),
  /** Every file of the case. */
  attachments: z.array(PortalAttachment),
  /** What the latest request for information asked for, while the case waits for the answer; else empty. */
  requestedItems: z.array(PortalRequestedItem),
  /** Whether the grid company takes a supplement / a ferdigmelding now. */
  acceptsSupplement: z.boolean(),
  acceptsCompletionNotice: z.boolean(),
  /**
   * Construction power: the cabinet's dates and meter readings, the days and — once it is down — the rent billed
   * (øre). Null for other request types.
   */
  constructionPower: z.object({
    connectedOn: z.string().nullable(),
    startReading: z.number().nullable(),
    disconnectedOn: z.string().nullable(),
    finalReading: z.number().nullable(),
    consumptionKwh: z.number().nullable(),
    days: z.number().nullable(),
    running: z.boolean(),
    rent: z.object({ rateOre: z.number(), netOre: z.number(), vatOre: z.number(), grossOre: z.number() }).nullable(),
  }).nullable(),
});
export type PortalCase = z.infer<typeof PortalCase>;

/** The installer withdraws its own request (portalWithdrawCase): why, in words the case handler reads. */
export const PortalWithdrawInput = z.object({ reason: z.string().trim().min(1).max(2_000) }).strict();
export type PortalWithdrawInput = z.infer<typeof PortalWithdrawInput>;

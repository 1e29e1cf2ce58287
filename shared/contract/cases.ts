import type { MessageDeliveryView } from './messageDelivery';
import { z } from 'zod';
import type {
  AttachmentKind,
  BuildingUse,
  CaseStatus,
  DsbStatus,
  EventKind,
  NetworkSystem,
  OwnerIdKind,
  PrequalificationCategory,
  RequestType,
  UserRole,
} from '../rules/domain';
import { AttachmentId, CaseId, CaseStatusSchema, UserId, type MutationResult } from './common';
import type { ClaimView } from './sync';
import type { CaseActionName } from '../rules/caseStatus';
import type { ClosureReason } from '../rules/caseClosure';
import type { ActionBlockers } from './caseActions';
import type { GridAssessmentView, PostalAddressView } from './ownerParty';
import type { ConstructionPowerView } from './constructionPower';
import { call, type DomainCalls } from './call';

export const NOTE_MAX_LENGTH = 10_000;

export const CaseGetInput = z.object({ caseId: CaseId }).strict();

export const AddNoteInput = z
  .object({ caseId: CaseId, body: z.string().trim().min(1).max(NOTE_MAX_LENGTH) })
  .strict();
export type AddNoteInput = z.infer<typeof AddNoteInput>;

export const AssignInput = z.object({ caseId: CaseId, assigneeId: UserId.nullable() }).strict();
export type AssignInput = z.infer<typeof AssignInput>;

export const SetStatusInput = z
  .object({ caseId: CaseId, status: CaseStatusSchema, reason: z.string().trim().max(2_000).optional() })
  .strict();
export type SetStatusInput = z.infer<typeof SetStatusInput>;

export const AttachmentOpenInput = z.object({ attachmentId: AttachmentId }).strict();

export interface UserSummary {
  id: string;
  displayName: string;
  role: UserRole;
}

export interface InstallationDetail {
  address: string;
  postcode: string;
  postTown: string;
  municipalityNumber: string;
  municipalityName: string | null;
  gnr: number | null;
  bnr: number | null;
  fnr: number | null;
  snr: number | null;
  buildingUse: BuildingUse;
  networkSystem: NetworkSystem;
  phases: 1 | 3;
  mainFuseA: number | null;
  meterFuseA: number | null;
  expectedPowerKw: number | null;
  expectedEnergyKwh: number | null;
  evChargingA: number | null;
  meteringPointIds: string[];
  meterNumbers: string[];
  unitCount: number;
  /** The service line also feeds other owners' installations (their consent is then asked for). */
  sharedServiceLine: boolean;
  /** Construction power: the grid company's cabinet, rented, and its number. */
  companyCabinet: boolean;
  cabinetId: string | null;
}

export interface ProductionDetail {
  hasProduction: boolean;
  productionKw: number | null;
  inverter: string | null;
  batteryKwh: number | null;
}

export interface OwnerDetail {
  name: string;
  idKind: OwnerIdKind;
  /** National ids are masked outside the core (birth date shown, personal number hidden). */
  idDisplay: string;
  organisationNumber: string | null;
  email: string | null;
  phone: string | null;
  /** Where letters to the owner go (not the installation: a new build has no mailbox); null until known. */
  postalAddress: PostalAddressView | null;
  /** Who will hold the grid-rental agreement (nettkunde); null until named. */
  gridCustomerName: string | null;
}

export interface PrequalificationDetail {
  category: PrequalificationCategory;
  validFrom: string;
  validTo: string;
  /** On the day the case was opened. */
  state: 'valid' | 'expired' | 'notYetValid';
}

export interface InstallerDetail {
  id: number;
  name: string;
  organisationNumber: string;
  dsbRegistrationId: string | null;
  dsbStatus: DsbStatus | null;
  email: string | null;
  phone: string | null;
  contactPerson: string | null;
  prequalifications: PrequalificationDetail[];
}

export interface AttachmentSummary {
  id: number;
  kind: AttachmentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  receivedAt: string;
}

export interface CaseEventEntry {
  id: number;
  at: string;
  actorName: string;
  kind: EventKind;
  data: Record<string, unknown>;
}

export interface NoteEntry {
  id: string;
  at: string;
  authorName: string;
  body: string;
}

export type CaseDetailOnServer = 'fetching' | 'unreachable';

export interface CaseDetail {
  id: number;
  caseNumber: string;
  messageId: string;
  requestType: RequestType;
  status: CaseStatus;
  submittedAt: string;
  completeAt: string | null;
  dueDate: string | null;
  overdue: boolean;
  assignee: UserSummary | null;
  installation: InstallationDetail;
  production: ProductionDetail;
  owner: OwnerDetail;
  installer: InstallerDetail;
  wantedStartDate: string | null;
  wantedConnectionDate: string | null;
  /** Construction power: the last day of the period. */
  wantedEndDate: string | null;
  freeText: string | null;
  attachments: AttachmentSummary[];
  events: CaseEventEntry[];
  notes: NoteEntry[];
  /** Statuses the current user may move this case to from here. */
  allowedNextStatuses: CaseStatus[];
  /** The named actions the current user may take on the case now, in the rules table's order. */
  allowedActions: CaseActionName[];
  /** Why an offered action (approve, send the offer) cannot be taken now; absent or empty when it can. */
  actionBlockers: ActionBlockers;
  /** Conditions the approval was given with. */
  approvalConditions: string[];
  /** The reason given with a rejection or a referral to a developer project. */
  decisionReason: string | null;
  /** Why a closed case ended (rules/caseClosure.ts); null while open. */
  closureReason: ClosureReason | null;
  /** A cancellation after acceptance: the costs already incurred, in øre; null when none are recorded. */
  cancellationCostsOre: number | null;
  /** What the installer's last supplement changed (field or attachment names). */
  supplementChanges: string[];
  /** The day the service clock was paused (waiting for the installer); null while it runs. */
  clockPausedOn: string | null;
  /** Construction power's period, readings and rent; null for other request types. */
  constructionPower: ConstructionPowerView | null;
  /** Who is working on the case right now (central mode); always 'none' standalone. */
  claim: ClaimView;
  /**
   * How each outgoing message of the case reached its receiver, by message id (history's messageId); and an offer's
   * notice to the owner, by offer id (offer_issued's offerId), where the service has one.
   */
  deliveries: Record<string, MessageDeliveryView>;
  /** The recorded grid assessment (NEM-forskriften § 3-7), and whether approving this request needs one. */
  gridAssessment: GridAssessmentView | null;
  gridAssessmentRequired: boolean;
  /**
   * A closed case whose detail (history, notes, files, offers, billing, work orders) this desk's first download left
   * out: 'fetching' from the service now that it is opened, or 'unreachable' until the desk is connected; null when
   * the detail is here.
   */
  detailOnServer: CaseDetailOnServer | null;
}

export interface AttachmentOpenResult {
  attachmentId: number;
  fileName: string;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const caseCalls = {
  'case.get': call<CaseDetail>()(CaseGetInput),
  'case.addNote': call<MutationResult>()(AddNoteInput),
  'case.assign': call<MutationResult>()(AssignInput),
  'case.setStatus': call<MutationResult>()(SetStatusInput),
  'attachment.open': call<AttachmentOpenResult>()(AttachmentOpenInput),
  'case.claim': call<MutationResult>()(CaseGetInput),
  'case.release': call<MutationResult>()(CaseGetInput),
} satisfies DomainCalls;

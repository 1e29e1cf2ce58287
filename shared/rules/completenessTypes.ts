// The shapes of completeness rules and of their evaluation (see completeness.ts and docs/completeness-rules.md).
import type { AttachmentKind, BuildingUse, NetworkSystem, RequestType } from './domain';

/** What the rules look at: a case's fields (camelCase, as db/local/schema.ts `cases`) and its attachments' kinds. */
export interface CaseFacts {
  requestType: RequestType;
  buildingUse: BuildingUse;
  networkSystem: NetworkSystem;
  phases: number;
  mainFuseA: number | null;
  meterFuseA: number | null;
  expectedPowerKw: number | null;
  expectedEnergyKwh: number | null;
  evChargingA: number | null;
  unitCount: number;
  meteringPointIds: string[];
  meterNumbers: string[];
  hasProduction: boolean;
  productionKw: number | null;
  inverter: string | null;
  batteryKwh: number | null;
  ownerName: string;
  ownerIdKind: string;
  ownerNationalId: string | null;
  ownerOrganisationNumber: string | null;
  ownerEmail: string | null;
  ownerPhone: string | null;
  address: string;
  postcode: string;
  municipalityNumber: string;
  gnr: number | null;
  bnr: number | null;
  fnr: number | null;
  snr: number | null;
  installerContact: string | null;
  wantedStartDate: string | null;
  wantedConnectionDate: string | null;
  /** The service line (stikkledning) also feeds other owners' installations (a sameie, borettslag or neighbours). */
  sharedServiceLine: boolean;
  /** Construction power: the last day the temporary installation is wanted (the period runs from wantedStartDate). */
  wantedEndDate: string | null;
  /** Construction power: the cabinet is the grid company's, rented, rather than the installer's or builder's own. */
  companyCabinet: boolean;
  /** The number on the grid company's cabinet the request concerns. */
  cabinetId: string | null;
  /** The installer's description of the work, in words. */
  freeText: string | null;
  attachmentKinds: AttachmentKind[];
}

export type FactField = Exclude<keyof CaseFacts, 'attachmentKinds'>;

/** The fields a rule may name, for the rules' schema (contract/completeness.ts) and the docs. */
export const FACT_FIELDS = [
  'requestType', 'buildingUse', 'networkSystem', 'phases', 'mainFuseA', 'meterFuseA', 'expectedPowerKw',
  'expectedEnergyKwh', 'evChargingA', 'unitCount', 'meteringPointIds', 'meterNumbers', 'hasProduction',
  'productionKw', 'inverter', 'batteryKwh', 'ownerName', 'ownerIdKind', 'ownerNationalId', 'ownerOrganisationNumber',
  'ownerEmail', 'ownerPhone', 'address', 'postcode', 'municipalityNumber', 'gnr', 'bnr', 'fnr', 'snr',
  'installerContact', 'wantedStartDate', 'wantedConnectionDate', 'sharedServiceLine', 'wantedEndDate',
  'companyCabinet', 'cabinetId', 'freeText',
] as const satisfies readonly FactField[];

export type Scalar = string | number | boolean;

/** A test of one field; every comparison given must hold. A missing value (null, '', []) fails every comparison. */
export interface FieldCondition {
  field: FactField;
  eq?: Scalar;
  ne?: Scalar;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  in?: Scalar[];
  notIn?: Scalar[];
  /** true: the field has a value; false: it has none. */
  present?: boolean;
}

export type Condition = FieldCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** One thing a request needs: fields that must have a value, or an attachment of a kind, perhaps only `when`. */
export interface CompletenessItemRule {
  /** Stable code, the key of an override and of the item's label. */
  code: string;
  label: { nb: string; en?: string };
  requires: { fields: FactField[] } | { attachment: AttachmentKind };
  when?: Condition;
}

export interface CompletenessRuleSet {
  items: CompletenessItemRule[];
}

export interface CompletenessReason {
  code: 'field.missing' | 'attachment.missing';
  /** `fields` or `attachment` that is missing, and `facts`: the values that made the item required. */
  params: Record<string, unknown>;
}

export interface CompletenessItemResult {
  code: string;
  label: { nb: string; en?: string };
  /** The facts meet the item. */
  ok: boolean;
  /** Not met, but a handler declared it met (with a reason): counts towards completeness. */
  overridden: boolean;
  /** Why it is not met (also kept when overridden, to show what was waived). */
  reason?: CompletenessReason;
}

export interface CompletenessEvaluation {
  complete: boolean;
  items: CompletenessItemResult[];
}

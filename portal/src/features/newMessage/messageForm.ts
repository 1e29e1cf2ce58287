// The "Ny melding" form as data: its fields (by their path in the import format's message, docs/import-format.md),
// the message the values make, the identifiers checked on the spot with the shared rules, and the completeness the
// desk will find — the same rule set and the same pure evaluation (rules/completeness.ts) over the same facts
// (rules/requestFacts.ts). Pure: no React, no fetch, so that it is unit-tested on its own.
import {
  AGDER_MUNICIPALITIES, BUILDING_USES, checkMeteringPointId, checkNationalId, checkOrganisationNumber, checkPostcode,
  evaluateCompleteness, NETWORK_SYSTEMS, OWNER_ID_KINDS, requestFacts,
  type AttachmentKind, type CompletenessEvaluation, type CompletenessRuleSet, type IdentifierCheck, type RequestFields,
  type RequestType,
} from '../../../../shared/rules';

export type FormValues = Record<string, string | boolean>;

type FieldType = 'text' | 'integer' | 'decimal' | 'date' | 'select' | 'list' | 'email' | 'tel' | 'textarea' | 'checkbox';

export interface FieldSpec {
  key: string;
  type: FieldType;
  /** The import format requires it (the completeness rules may ask for more). */
  required?: boolean;
  options?: readonly string[];
  /** The identifier check of its value (each of a list's). */
  check?: (value: string) => IdentifierCheck;
  /** Whole numbers within these bounds. */
  min?: number;
  max?: number;
  maxLength?: number;
  /** Asked only on these request types (left out of the form and the message on the others). */
  onlyFor?: readonly RequestType[];
}

/** Requests that touch the service line: whether it also feeds other owners decides whether their consent is needed. */
const TOUCHES_SERVICE_LINE: readonly RequestType[] = ['new_installation', 'new_metering_point', 'fuse_change',
  'join_split', 'permanent_disconnection', 'service_line_move'];
const CONSTRUCTION_POWER: readonly RequestType[] = ['temporary_installation'];

export const appliesTo = (spec: FieldSpec, requestType: RequestType): boolean =>
  spec.onlyFor === undefined || spec.onlyFor.includes(requestType);

export const FORM_SECTIONS = ['installation', 'connection', 'production', 'owner', 'installer', 'dates'] as const;
export type FormSection = (typeof FORM_SECTIONS)[number];

const amperes = { min: 1, max: 10_000 };
const kilo = { min: 0, max: 1_000_000 };

export const FIELDS: Readonly<Record<FormSection, readonly FieldSpec[]>> = {
  installation: [
    { key: 'installation.meteringPointIds', type: 'list', check: checkMeteringPointId },
    { key: 'installation.address', type: 'text', required: true, maxLength: 200 },
    { key: 'installation.postcode', type: 'text', required: true, check: checkPostcode },
    { key: 'installation.postTown', type: 'text', required: true, maxLength: 200 },
    { key: 'installation.municipalityNumber', type: 'select', required: true, options: AGDER_MUNICIPALITIES.map((m) => m.number) },
    { key: 'installation.gnr', type: 'integer', min: 1, max: 99_999 },
    { key: 'installation.bnr', type: 'integer', min: 1, max: 9_999 },
    { key: 'installation.fnr', type: 'integer', min: 0, max: 9_999 },
    { key: 'installation.snr', type: 'integer', min: 0, max: 999 },
    { key: 'installation.buildingUse', type: 'select', required: true, options: BUILDING_USES },
    { key: 'installation.unitCount', type: 'integer', min: 1, max: 10_000 },
    { key: 'installation.sharedServiceLine', type: 'checkbox', onlyFor: TOUCHES_SERVICE_LINE },
  ],
  connection: [
    { key: 'installation.networkSystem', type: 'select', required: true, options: NETWORK_SYSTEMS },
    { key: 'installation.phases', type: 'select', required: true, options: ['1', '3'] },
    { key: 'installation.mainFuseA', type: 'integer', ...amperes },
    { key: 'installation.meterFuseA', type: 'integer', ...amperes },
    { key: 'installation.expectedPowerKw', type: 'decimal', ...kilo },
    { key: 'installation.expectedEnergyKwh', type: 'decimal', ...kilo },
    { key: 'installation.evChargingA', type: 'integer', ...amperes },
    { key: 'installation.meterNumbers', type: 'list' },
    { key: 'installation.companyCabinet', type: 'checkbox', onlyFor: CONSTRUCTION_POWER },
    { key: 'installation.cabinetId', type: 'text', maxLength: 40, onlyFor: CONSTRUCTION_POWER },
  ],
  production: [
    { key: 'production.productionKw', type: 'decimal', required: true, ...kilo },
    { key: 'production.inverter', type: 'text', maxLength: 200 },
    { key: 'production.batteryKwh', type: 'decimal', ...kilo },
  ],
  owner: [
    { key: 'owner.name', type: 'text', required: true, maxLength: 200 },
    { key: 'owner.idKind', type: 'select', required: true, options: OWNER_ID_KINDS },
    { key: 'owner.nationalId', type: 'text', check: checkNationalId },
    { key: 'owner.organisationNumber', type: 'text', check: checkOrganisationNumber },
    { key: 'owner.email', type: 'email', maxLength: 200 },
    { key: 'owner.phone', type: 'tel', maxLength: 30 },
    // Where letters to the owner go: not the building site of a new build (rules/ownerParty.ts).
    { key: 'owner.postalAddress', type: 'text', maxLength: 200 },
    { key: 'owner.postcode', type: 'text', check: checkPostcode },
    { key: 'owner.postTown', type: 'text', maxLength: 200 },
  ],
  installer: [
    { key: 'installer.contactPerson', type: 'text', maxLength: 200 },
    { key: 'installer.email', type: 'email', maxLength: 200 },
    { key: 'installer.phone', type: 'tel', maxLength: 30 },
  ],
  dates: [
    { key: 'wantedStartDate', type: 'date' },
    { key: 'wantedConnectionDate', type: 'date' },
    { key: 'wantedEndDate', type: 'date', onlyFor: CONSTRUCTION_POWER },
    { key: 'freeText', type: 'textarea', maxLength: 4_000 },
  ],
};

const ALL_FIELDS = FORM_SECTIONS.flatMap((section) => FIELDS[section]);
export const fieldSpec = (key: string): FieldSpec | undefined => ALL_FIELDS.find((field) => field.key === key);

/** A new form: one phase at 230 V IT, a house, a person as owner (the commonest case); nothing else filled in. */
export function emptyValues(): FormValues {
  return {
    'installation.buildingUse': 'house', 'installation.networkSystem': '230V_IT', 'installation.phases': '1',
    'installation.municipalityNumber': '', 'owner.idKind': 'national_id', hasProduction: false,
  };
}

const text = (values: FormValues, key: string): string => {
  const value = values[key];
  return typeof value === 'string' ? value.trim() : '';
};

/** A list field as typed: one per line, or separated by commas or semicolons (spaces inside an ID are kept out). */
export const listItems = (value: string): string[] =>
  value.split(/[\n,;]+/).map((item) => item.trim()).filter((item) => item !== '');

function numberOf(value: string, spec: FieldSpec): number | undefined {
  if (value === '') return undefined;
  const number = Number(value.replace(',', '.').replace(/\s+/g, ''));
  if (!Number.isFinite(number)) return undefined;
  if (spec.type === 'integer' && !Number.isInteger(number)) return undefined;
  if ((spec.min !== undefined && number < spec.min) || (spec.max !== undefined && number > spec.max)) return undefined;
  return number;
}

/** The value as the message carries it; undefined when empty (or not a valid number). */
function messageValue(values: FormValues, spec: FieldSpec): string | number | boolean | string[] | undefined {
  if (spec.type === 'checkbox') return values[spec.key] === true ? true : undefined;
  const raw = text(values, spec.key);
  switch (spec.type) {
    case 'integer':
    case 'decimal':
      return numberOf(raw, spec);
    case 'list': {
      const items = listItems(raw);
      return spec.check ? items.map((item) => item.replace(/\s+/g, '')) : items;
    }
    default:
      if (raw === '') return undefined;
      return spec.check ? raw.replace(/\s+/g, '') : raw;
  }
}

export const producesPower = (values: FormValues, requestType: RequestType): boolean =>
  requestType === 'production' || values.hasProduction === true;

type MessageValue = string | number | boolean | string[];

function part(values: FormValues, prefix: string, section: FormSection, requestType: RequestType): Record<string, MessageValue> {
  const result: Record<string, MessageValue> = {};
  for (const spec of FIELDS[section]) {
    if (!spec.key.startsWith(`${prefix}.`) || !appliesTo(spec, requestType)) continue;
    const value = messageValue(values, spec);
    if (value !== undefined) result[spec.key.slice(prefix.length + 1)] = value;
  }
  return result;
}

/** The request's fields as far as they are filled in: what the completeness rules read. */
export function requestFieldsOf(values: FormValues, requestType: RequestType): RequestFields {
  const installation = { ...part(values, 'installation', 'installation', requestType),
    ...part(values, 'installation', 'connection', requestType) };
  if (installation.phases !== undefined) installation.phases = Number(installation.phases);
  // As the import format defaults it (incomingMessage.ts Installation), so that the facts are the importer's.
  installation.unitCount ??= 1;
  const { postalAddress: street, postcode, postTown, ...typed } = part(values, 'owner', 'owner', requestType) as Record<string, string | undefined>;
  const owner = typed as Partial<RequestFields['owner']>;
  // Only the identifier of the owner's kind goes with the message.
  if (owner.idKind === 'national_id') delete owner.organisationNumber;
  else delete owner.nationalId;
  // The postal address goes whole or not at all (problemOf asks for the rest once one part is typed).
  if (street && postcode && postTown) owner.postalAddress = { address: street, postcode, postTown };
  const production = part(values, 'production', 'production', requestType);
  const dates: Record<string, MessageValue> = {};
  for (const spec of FIELDS.dates.filter((field) => appliesTo(field, requestType))) {
    const value = messageValue(values, spec);
    if (value !== undefined) dates[spec.key] = value;
  }
  return {
    requestType,
    installation,
    ...(producesPower(values, requestType) ? { production: production as unknown as RequestFields['production'] } : {}),
    owner: owner as RequestFields['owner'],
    installer: part(values, 'installer', 'installer', requestType),
    ...(dates as Pick<RequestFields, 'wantedStartDate' | 'wantedConnectionDate' | 'wantedEndDate' | 'freeText'>),
  };
}

export interface MessageAttachment {
  kind: AttachmentKind;
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export interface SendingFirm {
  organisationNumber: string;
  name: string;
}

/** The import format's request message the form sends (POST /api/portal/messages). */
export function requestMessageOf(
  values: FormValues, requestType: RequestType, firm: SendingFirm, messageId: string, sentAt: Date,
  attachments: readonly MessageAttachment[],
): Record<string, unknown> {
  const fields = requestFieldsOf(values, requestType);
  return {
    messageId,
    kind: 'request',
    sentAt: sentAt.toISOString(),
    sender: { role: 'installer', organisationNumber: firm.organisationNumber, name: firm.name },
    ...fields,
    installer: { organisationNumber: firm.organisationNumber, name: firm.name, ...fields.installer },
    attachments,
  };
}

export type FieldProblem = 'required' | 'number' | 'email' | 'date' | `identifier.${string}`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const OWNER_POSTAL: readonly string[] = ['owner.postalAddress', 'owner.postcode', 'owner.postTown'];

function problemOf(values: FormValues, spec: FieldSpec, requestType: RequestType): FieldProblem | null {
  const raw = text(values, spec.key);
  const idKind = values['owner.idKind'];
  const ownersIdentifier = spec.key === 'owner.nationalId' ? idKind === 'national_id'
    : spec.key === 'owner.organisationNumber' ? idKind === 'organisation_number' : true;
  if (!ownersIdentifier || !appliesTo(spec, requestType) || spec.type === 'checkbox') return null;
  if (spec.key.startsWith('production.') && !producesPower(values, requestType)) return null;
  const required = spec.required || spec.key === 'owner.organisationNumber'
    || (OWNER_POSTAL.includes(spec.key) && OWNER_POSTAL.some((key) => text(values, key) !== ''));
  if (raw === '') return required ? 'required' : null;
  if (spec.check) {
    for (const item of spec.type === 'list' ? listItems(raw) : [raw]) {
      const check = spec.check(item);
      if (!check.valid) return `identifier.${check.problem}`;
    }
    return null;
  }
  if ((spec.type === 'integer' || spec.type === 'decimal') && numberOf(raw, spec) === undefined) return 'number';
  if (spec.type === 'email' && !EMAIL.test(raw)) return 'email';
  if (spec.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return 'date';
  return null;
}

/** What is wrong with each field as typed: the import format's requirements and the identifiers' checks. */
export function fieldProblems(values: FormValues, requestType: RequestType): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const spec of ALL_FIELDS) {
    const problem = problemOf(values, spec, requestType);
    if (problem) problems[spec.key] = problem;
  }
  return problems;
}

/** The checklist the desk will find for this message: the rule set in force, evaluated on the form's facts. */
export function completenessOf(
  values: FormValues, requestType: RequestType, rules: CompletenessRuleSet, attachmentKinds: readonly AttachmentKind[],
): CompletenessEvaluation {
  return evaluateCompleteness(requestFacts(requestFieldsOf(values, requestType), attachmentKinds), rules, {});
}

/**
 * The form field an importer's reason names (`installation.meteringPointIds.0` → `installation.meteringPointIds`,
 * `attachments.2.contentBase64` → `attachments.2`); null when it names none of the form's fields.
 */
export function fieldOfReason(path: string): string | null {
  const attachment = /^attachments\.(\d+)/.exec(path);
  if (attachment) return `attachments.${attachment[1]}`;
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    if (fieldSpec(key)) return key;
  }
  return null;
}

const OWNER_FACTS: Record<string, string> = {
  ownerName: 'owner.name', ownerIdKind: 'owner.idKind', ownerNationalId: 'owner.nationalId',
  ownerOrganisationNumber: 'owner.organisationNumber', ownerEmail: 'owner.email', ownerPhone: 'owner.phone',
  installerContact: 'installer.contactPerson',
};

/** The form field that holds a fact the completeness rules name (`mainFuseA` → `installation.mainFuseA`). */
export function formKeyOfFact(fact: string): string | null {
  const key = OWNER_FACTS[fact]
    ?? (['productionKw', 'inverter', 'batteryKwh'].includes(fact) ? `production.${fact}` : null)
    ?? (fieldSpec(fact) ? fact : `installation.${fact}`);
  return fieldSpec(key) ? key : null;
}

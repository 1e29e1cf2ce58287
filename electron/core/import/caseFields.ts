// The case fields a message carries, by the names CaseFacts and the case columns share (camelCase here,
// snake_case in SQL), and the facts the completeness rules read from a stored case row.
import type { AttachmentKind, CaseFacts } from '../../shared/rules';
import type { RequestMessage, SupplementMessage } from './incomingMessage';

/** Fields of `cases` an incoming message may set, camelCase. */
export type CaseFieldValues = Record<string, string | number | boolean | string[] | null>;

export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const fieldOf = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

type Owner = Partial<RequestMessage['owner']>;
type Production = Partial<NonNullable<RequestMessage['production']>>;

function ownerFields(owner: Owner): CaseFieldValues {
  const fields: CaseFieldValues = {};
  if (owner.name !== undefined) fields.ownerName = owner.name;
  if (owner.idKind !== undefined) fields.ownerIdKind = owner.idKind;
  if (owner.nationalId !== undefined) fields.ownerNationalId = owner.nationalId.replace(/\s+/g, '');
  if (owner.organisationNumber !== undefined) fields.ownerOrganisationNumber = owner.organisationNumber;
  if (owner.email !== undefined) fields.ownerEmail = owner.email;
  if (owner.phone !== undefined) fields.ownerPhone = owner.phone;
  return fields;
}

function productionFields(production: Production | undefined): CaseFieldValues {
  if (production === undefined) return {};
  const fields: CaseFieldValues = { hasProduction: true };
  if (production.productionKw !== undefined) fields.productionKw = production.productionKw;
  if (production.inverter !== undefined) fields.inverter = production.inverter;
  if (production.batteryKwh !== undefined) fields.batteryKwh = production.batteryKwh;
  return fields;
}

const definedOnly = (values: Record<string, unknown>): CaseFieldValues =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as CaseFieldValues;

/** Every field of a new case that the request names (absent optional fields are null). */
export function requestCaseFields(message: RequestMessage): CaseFieldValues {
  const nulls: CaseFieldValues = {
    gnr: null, bnr: null, fnr: null, snr: null, mainFuseA: null, meterFuseA: null, expectedPowerKw: null,
    expectedEnergyKwh: null, evChargingA: null, hasProduction: false, productionKw: null, inverter: null,
    batteryKwh: null, ownerNationalId: null, ownerOrganisationNumber: null, ownerEmail: null, ownerPhone: null,
    installerContact: null, wantedStartDate: null, wantedConnectionDate: null, freeText: null,
  };
  return {
    ...nulls,
    requestType: message.requestType,
    ...definedOnly(message.installation),
    ...productionFields(message.production),
    ...ownerFields(message.owner),
    ...definedOnly({
      installerContact: message.installer.contactPerson,
      wantedStartDate: message.wantedStartDate,
      wantedConnectionDate: message.wantedConnectionDate,
      freeText: message.freeText,
    }),
  };
}

/** The fields a supplement sets (only those it names). */
export function supplementCaseFields(message: SupplementMessage): CaseFieldValues {
  const { installation, owner, production, wantedStartDate, wantedConnectionDate } = message.changes;
  return {
    ...definedOnly(installation ?? {}),
    ...productionFields(production),
    ...ownerFields(owner ?? {}),
    ...definedOnly({ wantedStartDate, wantedConnectionDate }),
  };
}

const JSON_ARRAY_FIELDS = new Set(['meteringPointIds', 'meterNumbers']);

/** A stored case row (snake_case columns, JSON arrays as text, booleans as 0/1) as camelCase field values. */
export function fieldsOfRow(row: Record<string, unknown>): CaseFieldValues {
  const fields: CaseFieldValues = {};
  for (const [column, value] of Object.entries(row)) {
    const field = fieldOf(column);
    if (JSON_ARRAY_FIELDS.has(field)) fields[field] = typeof value === 'string' ? (JSON.parse(value) as string[]) : (value as string[]);
    else if (field === 'hasProduction') fields[field] = Boolean(value);
    else fields[field] = value as CaseFieldValues[string];
  }
  return fields;
}

export function caseFactsOf(fields: CaseFieldValues, attachmentKinds: readonly AttachmentKind[]): CaseFacts {
  return { ...(fields as unknown as CaseFacts), attachmentKinds: [...attachmentKinds] };
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The supplement's fields that differ from the case's. */
export function changedFields(current: CaseFieldValues, proposed: CaseFieldValues): string[] {
  return Object.keys(proposed).filter((field) => !sameValue(current[field], proposed[field]));
}

/** Values as SQL binds them: arrays as JSON text; booleans as SQLite's 0/1 unless `booleans` says keep. */
export function sqlValue(value: CaseFieldValues[string], booleans: 'integer' | 'boolean' = 'integer'): unknown {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'boolean' && booleans === 'integer') return value ? 1 : 0;
  return value;
}

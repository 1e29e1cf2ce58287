// The case fields and completeness facts a request message carries, by the names CaseFacts and the case columns
// share. Pure, so that the importer (core/import) and the portal's form reach the same facts from the same
// message and the completeness rules say the same thing in both places. The shapes are the import format's
// (core/import/incomingMessage.ts), written out structurally because the rules import nothing of the app.
import type { AttachmentKind } from './domain';
import type { CaseFacts } from './completenessTypes';

/** Fields of `cases` an incoming message may set, camelCase. */
export type CaseFieldValues = Record<string, string | number | boolean | string[] | null>;

export interface MessageOwner {
  name: string;
  idKind: string;
  nationalId?: string;
  organisationNumber?: string;
  email?: string;
  phone?: string;
  /** Where the owner gets post, when it is not the installation (a new build has no mailbox). */
  postalAddress?: { address: string; postcode: string; postTown: string };
}

export interface MessageProduction {
  productionKw: number;
  inverter?: string;
  batteryKwh?: number;
}

/** A request as the import format has it, as far as the case's fields go. */
export interface RequestFields {
  requestType: string;
  installation: Record<string, string | number | boolean | string[] | undefined>;
  production?: MessageProduction;
  owner: MessageOwner;
  installer: { contactPerson?: string };
  wantedStartDate?: string;
  wantedConnectionDate?: string;
  wantedEndDate?: string;
  freeText?: string;
}

export function ownerFields(owner: Partial<MessageOwner>): CaseFieldValues {
  const fields: CaseFieldValues = {};
  if (owner.name !== undefined) fields.ownerName = owner.name;
  if (owner.idKind !== undefined) fields.ownerIdKind = owner.idKind;
  if (owner.nationalId !== undefined) fields.ownerNationalId = owner.nationalId.replace(/\s+/g, '');
  if (owner.organisationNumber !== undefined) fields.ownerOrganisationNumber = owner.organisationNumber;
  if (owner.email !== undefined) fields.ownerEmail = owner.email;
  if (owner.phone !== undefined) fields.ownerPhone = owner.phone;
  if (owner.postalAddress !== undefined) {
    fields.ownerPostalAddress = owner.postalAddress.address;
    fields.ownerPostcode = owner.postalAddress.postcode.replace(/\s+/g, '');
    fields.ownerPostTown = owner.postalAddress.postTown;
  }
  return fields;
}

export function productionFields(production: Partial<MessageProduction> | undefined): CaseFieldValues {
  if (production === undefined) return {};
  const fields: CaseFieldValues = { hasProduction: true };
  if (production.productionKw !== undefined) fields.productionKw = production.productionKw;
  if (production.inverter !== undefined) fields.inverter = production.inverter;
  if (production.batteryKwh !== undefined) fields.batteryKwh = production.batteryKwh;
  return fields;
}

export const definedOnly = (values: Record<string, unknown>): CaseFieldValues =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as CaseFieldValues;

/** Every field of a new case that the request names (absent optional fields are null). */
export function requestCaseFields(message: RequestFields): CaseFieldValues {
  const nulls: CaseFieldValues = {
    gnr: null, bnr: null, fnr: null, snr: null, mainFuseA: null, meterFuseA: null, expectedPowerKw: null,
    expectedEnergyKwh: null, evChargingA: null, hasProduction: false, productionKw: null, inverter: null,
    batteryKwh: null, ownerNationalId: null, ownerOrganisationNumber: null, ownerEmail: null, ownerPhone: null,
    installerContact: null, wantedStartDate: null, wantedConnectionDate: null, freeText: null,
    sharedServiceLine: false, wantedEndDate: null, companyCabinet: false, cabinetId: null,
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
      wantedEndDate: message.wantedEndDate,
      freeText: message.freeText,
    }),
  };
}

export function caseFactsOf(fields: CaseFieldValues, attachmentKinds: readonly AttachmentKind[]): CaseFacts {
  return { ...(fields as unknown as CaseFacts), attachmentKinds: [...attachmentKinds] };
}

/** The facts the completeness rules read from a request and the kinds of its attachments. */
export function requestFacts(message: RequestFields, attachmentKinds: readonly AttachmentKind[]): CaseFacts {
  return caseFactsOf(requestCaseFields(message), attachmentKinds);
}

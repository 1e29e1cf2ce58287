// The incoming message format (the portal's "nettmelding"), as zod schemas. docs/import-format.md describes it
// for people; resources/schemas/incoming-message.schema.json is generated from these schemas (see
// incomingJsonSchema.ts) and a test keeps the two equal. Identifier check digits are checked after this
// (validateRecord.ts): JSON Schema cannot say "mod 11".
import { z } from 'zod';
import {
  ATTACHMENT_KINDS,
  BUILDING_USES,
  NETWORK_SYSTEMS,
  OWNER_ID_KINDS,
  REQUEST_TYPES,
} from '../../shared/rules';

/** Limits that keep one record from filling the disk or the memory. */
export const MESSAGE_LIMITS = {
  text: 200,
  freeText: 4_000,
  attachmentsPerMessage: 20,
  /** Base64 characters of one attachment: 20 MB of content. */
  attachmentBase64: Math.ceil((20 * 1024 * 1024) / 3) * 4,
  identifiers: 50,
} as const;

const text = z.string().trim().min(1).max(MESSAGE_LIMITS.text);
const optionalText = z.string().trim().max(MESSAGE_LIMITS.text).optional();
const isoDate = z.iso.date();
const amperes = z.int().min(1).max(10_000);
const kilo = z.number().min(0).max(1_000_000);

export const IncomingAttachment = z.strictObject({
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: text,
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i).max(100),
  contentBase64: z.base64().min(1).max(MESSAGE_LIMITS.attachmentBase64),
});
export type IncomingAttachment = z.infer<typeof IncomingAttachment>;

/** The installation as a supplement may change it (no defaults: only what it names changes). */
const InstallationChanges = z.strictObject({
  address: text,
  postcode: z.string().max(10),
  postTown: text,
  municipalityNumber: z.string().max(10),
  gnr: z.int().optional(),
  bnr: z.int().optional(),
  fnr: z.int().optional(),
  snr: z.int().optional(),
  buildingUse: z.enum(BUILDING_USES),
  networkSystem: z.enum(NETWORK_SYSTEMS),
  phases: z.union([z.literal(1), z.literal(3)]),
  mainFuseA: amperes.optional(),
  meterFuseA: amperes.optional(),
  expectedPowerKw: kilo.optional(),
  expectedEnergyKwh: kilo.optional(),
  evChargingA: amperes.optional(),
  /** Dwellings or units the installation serves; a large number marks a developer's project. */
  unitCount: z.int().min(1).max(10_000).optional(),
  meteringPointIds: z.array(z.string().max(40)).max(MESSAGE_LIMITS.identifiers).optional(),
  meterNumbers: z.array(z.string().trim().min(1).max(40)).max(MESSAGE_LIMITS.identifiers).optional(),
  /** The service line also feeds other owners' installations (co-owners, a sameie or borettslag). */
  sharedServiceLine: z.boolean().optional(),
  /** Construction power: the grid company's cabinet (rented), not the builder's own. */
  companyCabinet: z.boolean().optional(),
  /** The number on the grid company's cabinet. */
  cabinetId: z.string().trim().min(1).max(40).optional(),
});

export const Installation = InstallationChanges.extend({
  unitCount: InstallationChanges.shape.unitCount.unwrap().default(1),
  meteringPointIds: InstallationChanges.shape.meteringPointIds.unwrap().default([]),
  meterNumbers: InstallationChanges.shape.meterNumbers.unwrap().default([]),
  sharedServiceLine: InstallationChanges.shape.sharedServiceLine.unwrap().default(false),
  companyCabinet: InstallationChanges.shape.companyCabinet.unwrap().default(false),
});

export const Production = z.strictObject({
  productionKw: kilo,
  inverter: optionalText,
  batteryKwh: kilo.optional(),
});

export const Owner = z.strictObject({
  name: text,
  idKind: z.enum(OWNER_ID_KINDS),
  nationalId: z.string().max(20).optional(),
  organisationNumber: z.string().max(20).optional(),
  email: z.email().max(MESSAGE_LIMITS.text).optional(),
  phone: z.string().trim().max(30).optional(),
  /** The owner's postal address, when letters cannot go to the installation (a new build has no mailbox). */
  postalAddress: z.strictObject({ address: text, postcode: z.string().trim().regex(/^\d{4}$/), postTown: text }).optional(),
});

export const Installer = z.strictObject({
  organisationNumber: z.string().max(20),
  name: text,
  dsbRegistrationId: optionalText,
  contactPerson: optionalText,
  email: z.email().max(MESSAGE_LIMITS.text).optional(),
  phone: z.string().trim().max(30).optional(),
});

/** Who sent the message through the portal; a developer's request is routed out of the normal flow. */
export const Sender = z.strictObject({
  role: z.enum(['installer', 'developer']),
  organisationNumber: z.string().max(20),
  name: text,
});

const envelope = {
  /** The portal's id of this message: importing the same message twice changes nothing. */
  messageId: z.string().trim().min(1).max(100),
  sentAt: z.iso.datetime({ offset: true }),
  sender: Sender,
};

/** An advance notice (forhåndsmelding): becomes a new case. */
export const RequestMessage = z.strictObject({
  ...envelope,
  kind: z.literal('request'),
  requestType: z.enum(REQUEST_TYPES),
  installation: Installation,
  production: Production.optional(),
  owner: Owner,
  installer: Installer,
  wantedStartDate: isoDate.optional(),
  wantedConnectionDate: isoDate.optional(),
  /** Construction power: the last day of the period that starts on wantedStartDate. */
  wantedEndDate: isoDate.optional(),
  freeText: z.string().max(MESSAGE_LIMITS.freeText).optional(),
  attachments: z.array(IncomingAttachment).max(MESSAGE_LIMITS.attachmentsPerMessage).default([]),
});
export type RequestMessage = z.infer<typeof RequestMessage>;

/** Either reference finds the case: the message id of its request, or the case number we gave it. */
const caseReference = {
  caseMessageId: z.string().trim().min(1).max(100).optional(),
  caseNumber: z.string().regex(/^\d{4}-\d{6}$/).optional(),
};

/** The installer's answer to a request for information (mangelbrev): changed fields, new documents, a text. */
export const SupplementMessage = z.strictObject({
  ...envelope,
  kind: z.literal('supplement'),
  ...caseReference,
  changes: z
    .strictObject({
      installation: InstallationChanges.partial().optional(),
      production: Production.partial().optional(),
      owner: Owner.partial().optional(),
      wantedStartDate: isoDate.optional(),
      wantedConnectionDate: isoDate.optional(),
      wantedEndDate: isoDate.optional(),
    })
    .default({}),
  attachments: z.array(IncomingAttachment).max(MESSAGE_LIMITS.attachmentsPerMessage).default([]),
  text: z.string().max(MESSAGE_LIMITS.freeText).optional(),
});
export type SupplementMessage = z.infer<typeof SupplementMessage>;

const MeterReading = z.strictObject({
  meterNumber: z.string().trim().min(1).max(40),
  readingKwh: z.number().min(0).max(100_000_000),
});

/** The installer reports the work done (ferdigmelding); for construction power it asks for termination. */
export const CompletionNoticeMessage = z.strictObject({
  ...envelope,
  kind: z.literal('completion_notice'),
  ...caseReference,
  completedOn: isoDate.optional(),
  /** The day the installation was energised (spenningssatt). */
  energisedOn: isoDate.optional(),
  meterNumbers: z.array(z.string().trim().min(1).max(40)).max(MESSAGE_LIMITS.identifiers).optional(),
  /** Each meter's reading when the work was done, in kWh. */
  meterReadings: z.array(MeterReading).max(MESSAGE_LIMITS.identifiers).optional(),
  /**
   * Some of the installation is done, not all (units of a block, some metering points): recorded, the case waits for
   * the notice that reports the rest (rules/completionNotice.ts completesCase).
   */
  partial: z.boolean().optional(),
  text: z.string().max(MESSAGE_LIMITS.freeText).optional(),
  /** The samsvarserklæring (kind declaration_of_conformity) and any other documents of the finished work. */
  attachments: z.array(IncomingAttachment).max(MESSAGE_LIMITS.attachmentsPerMessage).default([]),
});
export type CompletionNoticeMessage = z.infer<typeof CompletionNoticeMessage>;

export const IncomingMessage = z.discriminatedUnion('kind', [RequestMessage, SupplementMessage, CompletionNoticeMessage]);
export type IncomingMessage = z.infer<typeof IncomingMessage>;
export type IncomingMessageKind = IncomingMessage['kind'];

/** A file holds one message or an array of them. */
export const IncomingFile = z.union([IncomingMessage, z.array(IncomingMessage)]);

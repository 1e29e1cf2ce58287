// The central casework database (PostgreSQL), the system of record for every user of a grid company.
// drizzle describes the tables; what drizzle cannot express (the version clock, roles, grants, row-level
// security, the audit trail, claims) is hand-written SQL in migrations/0001… onwards.
//
// Mapping to the local cache (db/local/schema.ts), column for column, same names:
//   central type                  local type   how a value crosses (db/central/rowTypes.ts does the reading side)
//   bigint (ids, version, token)  integer      int8 arrives from pg as a string: Number() it (all values < 2^53)
//   integer                       integer      as is
//   double precision              real         as is (float8 = SQLite's REAL; `real`/float4 would lose digits)
//   boolean                       integer 0/1  true ⇔ 1
//   text                          text         as is
//   timestamptz                   text         ISO 8601 UTC with milliseconds, `Date#toISOString()`:
//                                              '2026-11-28T09:00:00.000Z' (microseconds are cut to milliseconds)
//   date                          text         'YYYY-MM-DD' (never through a JS Date: time zones shift it)
//   jsonb                         text         JSON.stringify(value); jsonb does not keep key order or spacing,
//                                              so compare parsed values, not strings
//   uuid                          text         lower-case canonical form, as is
// Table names are the same except central `app_users` = local `users` (its id is the person's username at the
// central service; `desk_actor()`, migration 0015, returns it for the person a transaction acts for). Central `version` is the sync version (see 0001_versions);
// local `cases.version` may hold it. Central-only: `deleted` (a tombstone: delete the local row),
// `attachment_blobs` (content, fetched on demand by sha256), `applied_mutations`, `sync_clock`. Local-only:
// `meta`, `outbox`, `pending_seq`, the FTS table.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const calendarDate = (name: string) => date(name, { mode: 'string' });
const id = (name = 'id') => bigint(name, { mode: 'number' });
/** Set by the BEFORE trigger of every synced table (desk_set_version), never by a client. */
const version = () => bigint('version', { mode: 'number' }).notNull();

export const municipalities = pgTable(
  'municipalities',
  {
    number: text('number').primaryKey(),
    name: text('name').notNull(),
    version: version(),
  },
  (t) => [index('municipalities_version').on(t.version, t.number)],
);

export const appUsers = pgTable(
  'app_users',
  {
    /** The person's PostgreSQL login role name. */
    id: text('id').primaryKey(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    version: version(),
  },
  (t) => [
    index('app_users_version').on(t.version, t.id),
    check('app_users_role', sql`${t.role} IN ('case_handler', 'supervisor', 'reader')`),
  ],
);

export const installers = pgTable(
  'installers',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    organisationNumber: text('organisation_number').notNull(),
    name: text('name').notNull(),
    dsbRegistrationId: text('dsb_registration_id'),
    dsbStatus: text('dsb_status'),
    email: text('email'),
    phone: text('phone'),
    contactPerson: text('contact_person'),
    version: version(),
  },
  (t) => [
    uniqueIndex('installers_org_number').on(t.organisationNumber),
    index('installers_version').on(t.version, t.id),
  ],
);

export const prequalifications = pgTable(
  'prequalifications',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    installerId: id('installer_id').notNull().references(() => installers.id),
    category: text('category').notNull(),
    validFrom: calendarDate('valid_from').notNull(),
    validTo: calendarDate('valid_to').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    version: version(),
  },
  (t) => [
    index('prequalifications_installer').on(t.installerId),
    index('prequalifications_version').on(t.version, t.id),
  ],
);

export const areaSuppliers = pgTable(
  'area_suppliers',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    organisationNumber: text('organisation_number').notNull(),
    name: text('name').notNull(),
    contactPerson: text('contact_person'),
    email: text('email'),
    phone: text('phone'),
    /** The framework agreement: JSON `{"<workKind>": due working days}` (0014_area_suppliers). */
    agreementWork: text('agreement_work').notNull().default('{}'),
    version: version(),
  },
  (t) => [index('area_suppliers_version').on(t.version, t.id), uniqueIndex('area_suppliers_org_number').on(t.organisationNumber)],
);

export const areaSupplierMunicipalities = pgTable(
  'area_supplier_municipalities',
  {
    supplierId: id('supplier_id').notNull().references(() => areaSuppliers.id),
    municipalityNumber: text('municipality_number').notNull().references(() => municipalities.number),
    deleted: boolean('deleted').notNull().default(false),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.supplierId, t.municipalityNumber] }),
    index('area_supplier_municipalities_version').on(t.version, t.supplierId, t.municipalityNumber),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    caseNumber: text('case_number').notNull(),
    messageId: text('message_id').notNull(),
    requestType: text('request_type').notNull(),
    status: text('status').notNull(),
    submittedAt: instant('submitted_at').notNull(),
    completeAt: instant('complete_at'),
    dueDate: calendarDate('due_date'),
    assigneeId: text('assignee_id').references(() => appUsers.id),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    postTown: text('post_town').notNull(),
    municipalityNumber: text('municipality_number').notNull(),
    gnr: integer('gnr'),
    bnr: integer('bnr'),
    fnr: integer('fnr'),
    snr: integer('snr'),
    buildingUse: text('building_use').notNull(),
    networkSystem: text('network_system').notNull(),
    phases: integer('phases').notNull(),
    mainFuseA: integer('main_fuse_a'),
    meterFuseA: integer('meter_fuse_a'),
    expectedPowerKw: doublePrecision('expected_power_kw'),
    expectedEnergyKwh: doublePrecision('expected_energy_kwh'),
    evChargingA: integer('ev_charging_a'),
    unitCount: integer('unit_count').notNull().default(1),
    /** JSON arrays of strings as typed by the installer. */
    meteringPointIds: jsonb('metering_point_ids').notNull().default(sql`'[]'::jsonb`),
    meterNumbers: jsonb('meter_numbers').notNull().default(sql`'[]'::jsonb`),
    hasProduction: boolean('has_production').notNull().default(false),
    productionKw: doublePrecision('production_kw'),
    inverter: text('inverter'),
    batteryKwh: doublePrecision('battery_kwh'),
    ownerName: text('owner_name').notNull(),
    ownerIdKind: text('owner_id_kind').notNull(),
    ownerNationalId: text('owner_national_id'),
    ownerOrganisationNumber: text('owner_organisation_number'),
    ownerEmail: text('owner_email'),
    ownerPhone: text('owner_phone'),
    installerId: id('installer_id').notNull().references(() => installers.id),
    installerContact: text('installer_contact'),
    wantedStartDate: calendarDate('wanted_start_date'),
    wantedConnectionDate: calendarDate('wanted_connection_date'),
    freeText: text('free_text'),
    // Completeness facts of issue 13 item 9 (0037_request_types).
    sharedServiceLine: boolean('shared_service_line').notNull().default(false),
    wantedEndDate: calendarDate('wanted_end_date'),
    companyCabinet: boolean('company_cabinet').notNull().default(false),
    cabinetId: text('cabinet_id'),
    /** Kept by the database (cases_guard): the last change to anything but the claim. */
    updatedAt: instant('updated_at').notNull().default(sql`now()`),
    version: version(),
    // The claim (0004_claims): written only by claim_case / renew_claim / release_case / fetch_next_case.
    claimedBy: text('claimed_by'),
    leaseUntil: instant('lease_until'),
    /** Fencing token: +1 on every grant of a claim; writes to the case must present the current one. */
    claimToken: id('claim_token').notNull().default(0),
    // Casework (issue 4); JSON kept as text so that both sides compare it as written.
    approvalConditions: text('approval_conditions').notNull().default('[]'),
    decisionReason: text('decision_reason'),
    completenessOverrides: text('completeness_overrides').notNull().default('{}'),
    workRouting: text('work_routing').notNull().default('{}'),
    supplementChanges: text('supplement_changes').notNull().default('[]'),
    clockPausedOn: calendarDate('clock_paused_on'),
    // The owner as a party and the grid assessment (issue 13, 0036_owner_party).
    ownerPostalAddress: text('owner_postal_address'),
    ownerPostcode: text('owner_postcode'),
    ownerPostTown: text('owner_post_town'),
    gridCustomerName: text('grid_customer_name'),
    gridAssessment: text('grid_assessment'),
    // Construction power (0032; rules/constructionPower.ts): the cabinet's period, its meter at both ends, the rent.
    powerConnectedOn: calendarDate('power_connected_on'),
    startMeterReading: numeric('start_meter_reading', { precision: 12, scale: 1 }),
    powerDisconnectedOn: calendarDate('power_disconnected_on'),
    finalMeterReading: numeric('final_meter_reading', { precision: 12, scale: 1 }),
    cabinetRentDays: integer('cabinet_rent_days'),
    cabinetRentRateOre: bigint('cabinet_rent_rate_ore', { mode: 'number' }),
    cabinetRentNetOre: bigint('cabinet_rent_net_ore', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('cases_case_number').on(t.caseNumber),
    uniqueIndex('cases_message_id').on(t.messageId),
    index('cases_submitted').on(t.submittedAt),
    index('cases_status_submitted').on(t.status, t.submittedAt),
    index('cases_type_submitted').on(t.requestType, t.submittedAt),
    index('cases_municipality_submitted').on(t.municipalityNumber, t.submittedAt),
    index('cases_assignee_submitted').on(t.assigneeId, t.submittedAt),
    index('cases_due').on(t.dueDate),
    index('cases_installer').on(t.installerId),
    index('cases_version').on(t.version, t.id),
    // Fetch next: the oldest complete, unassigned case waiting for a first look (claims are checked per row).
    index('cases_fetch_next')
      .on(t.completeAt, t.id)
      .where(sql`assignee_id IS NULL AND status = 'new' AND complete_at IS NOT NULL`),
    check('cases_metering_point_ids_array', sql`jsonb_typeof(${t.meteringPointIds}) = 'array'`),
    check('cases_meter_numbers_array', sql`jsonb_typeof(${t.meterNumbers}) = 'array'`),
  ],
);

/** Attachment content, stored once per SHA-256; immutable, so not versioned: clients fetch it by key. */
export const attachmentBlobs = pgTable(
  'attachment_blobs',
  {
    sha256: text('sha256').primaryKey(),
    content: bytea('content').notNull(),
  },
  (t) => [check('attachment_blobs_address', sql`${t.sha256} = encode(sha256(${t.content}), 'hex')`)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    caseId: id('case_id').notNull().references(() => cases.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull().references(() => attachmentBlobs.sha256),
    receivedAt: instant('received_at').notNull(),
    version: version(),
  },
  (t) => [index('attachments_case').on(t.caseId), index('attachments_version').on(t.version, t.id)],
);

/** The audit trail: written by the database's own triggers (0003_audit_trail), never updated or deleted. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    caseId: id('case_id').notNull().references(() => cases.id),
    at: instant('at').notNull().default(sql`now()`),
    actorId: text('actor_id').notNull(),
    kind: text('kind').notNull(),
    /** What changed: e.g. `{"from":"new","to":"in_review"}`. */
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    version: version(),
  },
  (t) => [index('case_events_case').on(t.caseId, t.at), index('case_events_version').on(t.version, t.id)],
);

export const notes = pgTable(
  'notes',
  {
    /** Made by the client when the note is written, so the optimistic local row and this one share a key. */
    id: uuid('id').primaryKey(),
    caseId: id('case_id').notNull().references(() => cases.id),
    authorId: text('author_id').notNull().default(sql`desk_actor()`),
    at: instant('at').notNull().default(sql`now()`),
    body: text('body').notNull(),
    version: version(),
  },
  (t) => [index('notes_case').on(t.caseId, t.at), index('notes_version').on(t.version, t.id)],
);

/** One row per pushed mutation, written in the transaction that applied (or refused) it: a retry is a no-op. */
export const appliedMutations = pgTable(
  'applied_mutations',
  {
    clientId: uuid('client_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    actor: text('actor').notNull().default(sql`desk_actor()`),
    appliedAt: instant('applied_at').default(sql`now()`),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.seq] }),
    check('applied_mutations_outcome', sql`${t.outcome} IN ('applied', 'rejected')`),
  ],
);

/** Messages for delivery to the portal; inserted by the person who wrote them (RLS), delivered by the integration. */
export const outgoingMessages = pgTable(
  'outgoing_messages',
  {
    id: uuid('id').primaryKey(),
    caseId: id('case_id').notNull().references(() => cases.id),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    items: text('items').notNull().default('[]'),
    createdAt: instant('created_at').notNull().default(sql`now()`),
    createdBy: text('created_by').notNull().default(sql`desk_actor()`),
    deliveryState: text('delivery_state').notNull().default('queued'),
    deliveredAt: instant('delivered_at'),
    version: version(),
  },
  (t) => [
    index('outgoing_messages_case').on(t.caseId, t.createdAt),
    index('outgoing_messages_version').on(t.version, t.id),
    check('outgoing_messages_delivery', sql`${t.deliveryState} IN ('queued', 'delivered')`),
  ],
);

export const dsbRegister = pgTable(
  'dsb_register',
  {
    organisationNumber: text('organisation_number').primaryKey(),
    name: text('name').notNull(),
    registrationId: text('registration_id'),
    status: text('status').notNull(),
    asOf: calendarDate('as_of').notNull(),
    version: version(),
  },
  (t) => [index('dsb_register_version').on(t.version, t.organisationNumber)],
);

export const companySettings = pgTable(
  'company_settings',
  {
    key: text('key').primaryKey(),
    value: text('value').notNull(),
    version: version(),
  },
  (t) => [index('company_settings_version').on(t.version, t.key)],
);

export const completenessRules = pgTable(
  'completeness_rules',
  {
    requestType: text('request_type').primaryKey(),
    rules: text('rules').notNull(),
    updatedAt: instant('updated_at').notNull().default(sql`now()`),
    version: version(),
  },
  (t) => [index('completeness_rules_version').on(t.version, t.requestType)],
);

export const importQuarantine = pgTable(
  'import_quarantine',
  {
    id: uuid('id').primaryKey(),
    source: text('source').notNull(),
    messageId: text('message_id'),
    receivedAt: instant('received_at').notNull().default(sql`now()`),
    raw: text('raw').notNull(),
    reasons: text('reasons').notNull(),
    state: text('state').notNull().default('open'),
    resolvedAt: instant('resolved_at'),
    resolvedBy: text('resolved_by'),
    /** Why it was discarded, in the words of the person who did it. */
    resolutionNote: text('resolution_note'),
    version: version(),
  },
  (t) => [
    index('import_quarantine_state').on(t.state, t.receivedAt),
    index('import_quarantine_version').on(t.version, t.id),
    check('import_quarantine_state_known', sql`${t.state} IN ('open', 'ready', 'imported', 'discarded')`),
  ],
);

/** Central only: every incoming message imported, so that a second import of it changes nothing. */
export const incomingMessages = pgTable('incoming_messages', {
  messageId: text('message_id').primaryKey(),
  kind: text('kind').notNull(),
  caseId: id('case_id').references(() => cases.id),
  receivedAt: instant('received_at').notNull(),
  importedAt: instant('imported_at').notNull().default(sql`now()`),
  /** SHA-256 of the record's canonical JSON (0016_import_content_hash): the same id with other content is flagged. */
  contentSha256: text('content_sha256'),
});

/** One loaded version of a price list; a trigger refuses any change to it (0010_offers_privileges). */
export const priceLists = pgTable(
  'price_lists',
  {
    id: text('id').notNull(),
    listVersion: integer('list_version').notNull(),
    name: text('name').notNull(),
    effectiveFrom: calendarDate('effective_from').notNull(),
    currency: text('currency').notNull(),
    validity: text('validity').notNull(),
    paymentTerms: integer('payment_terms').notNull(),
    body: text('body').notNull(),
    loadedAt: instant('loaded_at').notNull().default(sql`now()`),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.id, t.listVersion] }), index('price_lists_version').on(t.version, t.id, t.listVersion)],
);

/** An offer on a case (0010_offers_privileges: drafts under a claim; an issued offer only ever becomes superseded). */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey(),
    caseId: id('case_id').notNull().references(() => cases.id),
    offerVersion: integer('offer_version').notNull(),
    state: text('state').notNull().default('draft'),
    priceListId: text('price_list_id').notNull(),
    priceListVersion: integer('price_list_version').notNull(),
    lines: text('lines').notNull().default('[]'),
    connectionFeeDeductionOre: bigint('connection_fee_deduction_ore', { mode: 'number' }).notNull().default(0),
    totals: text('totals').notNull().default('{}'),
    validUntil: calendarDate('valid_until'),
    issuedAt: instant('issued_at'),
    issuedBy: text('issued_by'),
    pdfSha256: text('pdf_sha256').references(() => attachmentBlobs.sha256),
    createdAt: instant('created_at').notNull().default(sql`now()`),
    createdBy: text('created_by').notNull().default(sql`desk_actor()`),
    version: version(),
  },
  (t) => [
    uniqueIndex('offers_case_version').on(t.caseId, t.offerVersion),
    index('offers_version').on(t.version, t.id),
    check('offers_state_known', sql`${t.state} IN ('draft', 'issued', 'superseded')`),
    check('offers_issued_complete', sql`${t.state} = 'draft' OR (${t.issuedAt} IS NOT NULL AND ${t.issuedBy} IS NOT NULL AND ${t.validUntil} IS NOT NULL)`),
    check('offers_deduction_not_negative', sql`${t.connectionFeeDeductionOre} >= 0`),
    foreignKey({ columns: [t.priceListId, t.priceListVersion], foreignColumns: [priceLists.id, priceLists.listVersion] }),
  ],
);

/** Assignment rules (0013_assignment): a handler suggested by municipality or request type; only supervisors write. */
export const assignmentRules = pgTable(
  'assignment_rules',
  {
    criterion: text('criterion').notNull(),
    value: text('value').notNull(),
    /** Null: the rule was cleared (rows are never deleted, so no tombstones are needed). */
    assigneeId: text('assignee_id').references(() => appUsers.id),
    updatedAt: instant('updated_at').notNull().default(sql`now()`),
    updatedBy: text('updated_by').notNull().default(sql`desk_actor()`),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.criterion, t.value] }),
    index('assignment_rules_version').on(t.version, t.criterion, t.value),
    check('assignment_rules_criterion_known', sql`${t.criterion} IN ('municipality', 'request_type')`),
  ],
);

/** The billing steps of an offer (migrations/0012_offer_lifecycle.sql: grants, policies, guard, audit). */
export const billingEvents = pgTable(
  'billing_events',
  {
    id: text('id').primaryKey(),
    caseId: id('case_id').notNull().references(() => cases.id),
    offerId: uuid('offer_id').references(() => offers.id),
    offerVersion: integer('offer_version'),
    kind: text('kind').notNull(),
    amountOre: bigint('amount_ore', { mode: 'number' }),
    occurredOn: calendarDate('occurred_on').notNull(),
    reference: text('reference'),
    source: text('source').notNull(),
    outcome: text('outcome').notNull(),
    flagCode: text('flag_code'),
    flagParams: text('flag_params').notNull().default('{}'),
    recordedAt: instant('recorded_at').notNull().default(sql`now()`),
    recordedBy: text('recorded_by').notNull().default(sql`desk_actor()`),
    resolvedAt: instant('resolved_at'),
    resolvedBy: text('resolved_by'),
    version: version(),
  },
  (t) => [
    index('billing_events_case').on(t.caseId, t.recordedAt),
    index('billing_events_version').on(t.version, t.id),
    index('billing_events_open_flags').on(t.caseId).where(sql`outcome = 'flagged' AND resolved_at IS NULL`),
    check('billing_events_kind_known', sql`${t.kind} IN ('offer_sent', 'acceptance', 'invoice', 'payment')`),
    check('billing_events_source_known', sql`${t.source} IN ('desk', 'billing_file', 'portal')`),
    check('billing_events_outcome_known', sql`${t.outcome} IN ('applied', 'flagged')`),
    check('billing_events_flag_has_code', sql`(${t.outcome} = 'flagged') = (${t.flagCode} IS NOT NULL)`),
    check('billing_events_amount_not_negative', sql`${t.amountOre} IS NULL OR ${t.amountOre} >= 0`),
  ],
);

/** Work ordered from an area supplier (0014_area_suppliers: supervisors order; guard, audit, the case's advance). */
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey(),
    caseId: id('case_id').notNull().references(() => cases.id),
    supplierId: id('supplier_id').notNull().references(() => areaSuppliers.id),
    workKind: text('work_kind').notNull(),
    status: text('status').notNull().default('ordered'),
    agreementDays: integer('agreement_days').notNull(),
    dueDate: calendarDate('due_date').notNull(),
    orderedAt: instant('ordered_at').notNull().default(sql`now()`),
    orderedBy: text('ordered_by').notNull().default(sql`desk_actor()`),
    acceptedAt: instant('accepted_at'),
    acceptedBy: text('accepted_by'),
    doneAt: instant('done_at'),
    doneBy: text('done_by'),
    messageId: uuid('message_id'),
    pdfSha256: text('pdf_sha256'),
    // The supplier's answers in the portal (0023).
    plannedDate: calendarDate('planned_date'),
    doneOn: calendarDate('done_on'),
    meterNumber: text('meter_number'),
    meterReading: numeric('meter_reading', { precision: 12, scale: 1 }),
    confirmedInPortalBy: text('confirmed_in_portal_by'),
    reportedInPortalBy: text('reported_in_portal_by'),
    reportAttachmentIds: jsonb('report_attachment_ids').notNull().default(sql`'[]'::jsonb`),
    // What the fitter needs, given when ordering (0035).
    cabinetId: text('cabinet_id'),
    cableType: text('cable_type'),
    cableCrossSectionMm2: integer('cable_cross_section_mm2'),
    shortCircuitFuseA: integer('short_circuit_fuse_a'),
    frameworkItem: text('framework_item'),
    version: version(),
  },
  (t) => [
    uniqueIndex('work_orders_case_work').on(t.caseId, t.workKind),
    index('work_orders_version').on(t.version, t.id),
    check('work_orders_status_known', sql`${t.status} IN ('ordered', 'accepted', 'done')`),
    check('work_orders_agreement_days', sql`${t.agreementDays} BETWEEN 1 AND 60`),
  ],
);

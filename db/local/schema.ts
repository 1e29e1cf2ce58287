// The local casework cache (SQLite). In standalone mode it is the truth; with a central server it mirrors it.
// Column names are snake_case in SQL; timestamps are ISO 8601 UTC strings, calendar dates `YYYY-MM-DD`.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const municipalities = sqliteTable('municipalities', {
  number: text('number').primaryKey(),
  name: text('name').notNull(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['case_handler', 'supervisor', 'reader'] }).notNull(),
  email: text('email'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const installers = sqliteTable(
  'installers',
  {
    id: integer('id').primaryKey(),
    organisationNumber: text('organisation_number').notNull(),
    name: text('name').notNull(),
    dsbRegistrationId: text('dsb_registration_id'),
    dsbStatus: text('dsb_status', { enum: ['active', 'suspended', 'deregistered'] }),
    email: text('email'),
    phone: text('phone'),
    contactPerson: text('contact_person'),
  },
  (t) => [uniqueIndex('installers_org_number').on(t.organisationNumber)],
);

export const prequalifications = sqliteTable(
  'prequalifications',
  {
    id: integer('id').primaryKey(),
    installerId: integer('installer_id').notNull().references(() => installers.id),
    category: text('category', {
      enum: ['service_cable', 'direct_meter', 'insulated_cabinet_switching', 'uninsulated_cabinet_pole'],
    }).notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
  },
  (t) => [index('prequalifications_installer').on(t.installerId)],
);

export const areaSuppliers = sqliteTable('area_suppliers', {
  id: integer('id').primaryKey(),
  organisationNumber: text('organisation_number').notNull(),
  name: text('name').notNull(),
  contactPerson: text('contact_person'),
  email: text('email'),
  phone: text('phone'),
  /** The framework agreement: the work it includes with the due time in working days, JSON `{"<workKind>": days}`. */
  agreementWork: text('agreement_work').notNull().default('{}'),
}, (t) => [uniqueIndex('area_suppliers_org_number').on(t.organisationNumber)]);

export const areaSupplierMunicipalities = sqliteTable(
  'area_supplier_municipalities',
  {
    supplierId: integer('supplier_id').notNull().references(() => areaSuppliers.id),
    municipalityNumber: text('municipality_number').notNull().references(() => municipalities.number),
  },
  (t) => [primaryKey({ columns: [t.supplierId, t.municipalityNumber] })],
);

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey(),
    caseNumber: text('case_number').notNull(),
    /** The portal's message id: importing the same message twice must yield one case. */
    messageId: text('message_id').notNull(),
    requestType: text('request_type').notNull(),
    status: text('status').notNull(),
    submittedAt: text('submitted_at').notNull(),
    completeAt: text('complete_at'),
    dueDate: text('due_date'),
    assigneeId: text('assignee_id').references(() => users.id),
    // Installation
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
    expectedPowerKw: real('expected_power_kw'),
    expectedEnergyKwh: real('expected_energy_kwh'),
    evChargingA: integer('ev_charging_a'),
    unitCount: integer('unit_count').notNull().default(1),
    /** JSON arrays of strings, as typed by the installer (checked on display, never silently corrected). */
    meteringPointIds: text('metering_point_ids').notNull().default('[]'),
    meterNumbers: text('meter_numbers').notNull().default('[]'),
    // Production (plusskunde)
    hasProduction: integer('has_production', { mode: 'boolean' }).notNull().default(false),
    productionKw: real('production_kw'),
    inverter: text('inverter'),
    batteryKwh: real('battery_kwh'),
    // Owner (grid customer)
    ownerName: text('owner_name').notNull(),
    ownerIdKind: text('owner_id_kind').notNull(),
    ownerNationalId: text('owner_national_id'),
    ownerOrganisationNumber: text('owner_organisation_number'),
    ownerEmail: text('owner_email'),
    ownerPhone: text('owner_phone'),
    // Installer
    installerId: integer('installer_id').notNull().references(() => installers.id),
    installerContact: text('installer_contact'),
    wantedStartDate: text('wanted_start_date'),
    wantedConnectionDate: text('wanted_connection_date'),
    freeText: text('free_text'),
    // Completeness facts of issue 13 item 9 (0022_request_types).
    sharedServiceLine: integer('shared_service_line', { mode: 'boolean' }).notNull().default(false),
    wantedEndDate: text('wanted_end_date'),
    companyCabinet: integer('company_cabinet', { mode: 'boolean' }).notNull().default(false),
    cabinetId: text('cabinet_id'),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    // Claims (central mode): who holds the case's lease, until when, and the fencing token of that claim.
    claimedBy: text('claimed_by'),
    leaseUntil: text('lease_until'),
    claimToken: integer('claim_token').notNull().default(0),
    // Casework (issue 4). JSON texts, as the central side keeps them (text, not jsonb: compared as written).
    /** Conditions of an approval (e.g. "signert tilknytningsavtale"), a JSON array of strings. */
    approvalConditions: text('approval_conditions').notNull().default('[]'),
    /** Why the case was rejected or referred elsewhere, in words the installer reads. */
    decisionReason: text('decision_reason'),
    /** Why a closed case ended (rules/caseClosure.ts CLOSURE_REASONS); null while open. */
    closureReason: text('closure_reason'),
    /** A cancellation after acceptance: the costs already incurred, in øre. */
    cancellationCostsOre: integer('cancellation_costs_ore'),
    /** Completeness items a handler declared met: `{"<item>": {"reason", "by", "at"}}`. */
    completenessOverrides: text('completeness_overrides').notNull().default('{}'),
    /** Who does each kind of grid-side work: `{"<workKind>": {"performer", "supplierId", "by", "at"}}`. */
    workRouting: text('work_routing').notNull().default('{}'),
    /** Fields and attachments the last supplement changed, to highlight: a JSON array of field names. */
    supplementChanges: text('supplement_changes').notNull().default('[]'),
    /** The day the service clock stopped for the installer (request for information); null while it runs. */
    clockPausedOn: text('clock_paused_on'),
    // The owner as a party (issue 13): the postal address letters go to (a new build has no mailbox), and who will
    // hold the grid-rental agreement; null until known. The grid assessment (NEM-forskriften § 3-7), JSON
    // `{"outcome","note","by","at"}`; null until recorded.
    ownerPostalAddress: text('owner_postal_address'),
    ownerPostcode: text('owner_postcode'),
    ownerPostTown: text('owner_post_town'),
    gridCustomerName: text('grid_customer_name'),
    gridAssessment: text('grid_assessment'),
    // Construction power (0017; rules/constructionPower.ts): the cabinet's period, its meter at both ends, the rent.
    powerConnectedOn: text('power_connected_on'),
    startMeterReading: real('start_meter_reading'),
    powerDisconnectedOn: text('power_disconnected_on'),
    finalMeterReading: real('final_meter_reading'),
    cabinetRentDays: integer('cabinet_rent_days'),
    cabinetRentRateOre: integer('cabinet_rent_rate_ore'),
    cabinetRentNetOre: integer('cabinet_rent_net_ore'),
  },
  (t) => [
    uniqueIndex('cases_case_number').on(t.caseNumber),
    uniqueIndex('cases_message_id').on(t.messageId),
    index('cases_submitted').on(t.submittedAt),
    // The cold queue's (core/queue/coldQueue.ts), of the cases in work only (0030_queue_indexes_in_work).
    index('cases_in_work_status').on(t.status, t.submittedAt).where(sql`status NOT IN ('closed', 'rejected')`),
    index('cases_in_work_type').on(t.requestType, t.submittedAt).where(sql`status NOT IN ('closed', 'rejected')`),
    index('cases_in_work_municipality')
      .on(t.municipalityNumber, t.submittedAt)
      .where(sql`status NOT IN ('closed', 'rejected')`),
    // The overview's calendar reads max(due_date) at every open and catch-up step (overview/workCalendar.ts).
    index('cases_due').on(t.dueDate),
    index('cases_installer').on(t.installerId),
    // The workload view (0010_assignment): counts per handler, and a handler's (or nobody's) cases, oldest due first.
    index('cases_open_assignee_due')
      .on(t.assigneeId, sql`${t.dueDate} IS NULL`, t.dueDate, t.submittedAt, t.id, t.status)
      .where(sql`status NOT IN ('closed', 'rejected')`),
    // Fetch next: the oldest complete, unassigned case waiting for a first look.
    index('cases_fetch_next')
      .on(t.completeAt)
      .where(sql`assignee_id IS NULL AND status = 'new' AND complete_at IS NOT NULL`),
  ],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Content address in the attachment store (the file's SHA-256), so equal files are stored once. */
    sha256: text('sha256').notNull(),
    receivedAt: text('received_at').notNull(),
    /** Set on the letter of an offer issued here until the central database has the issue (0008_offer_sync). */
    pendingSeq: integer('pending_seq'),
  },
  (t) => [
    index('attachments_case').on(t.caseId),
    index('attachments_pending').on(t.pendingSeq).where(sql`pending_seq IS NOT NULL`),
  ],
);

export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    at: text('at').notNull(),
    actorId: text('actor_id').notNull(),
    kind: text('kind').notNull(),
    /** What changed, as JSON: e.g. `{"from":"new","to":"in_review"}`. */
    data: text('data').notNull().default('{}'),
    /** Set on an optimistic local event until the central database has applied its outbox entry. */
    pendingSeq: integer('pending_seq'),
  },
  (t) => [
    // Every read of the history is one case's dozen events (0027_case_events_by_case.sql).
    index('case_events_case').on(t.caseId),
    // Optimistic rows are a handful among the whole history: every pull looks for them (sync/rebase.ts).
    index('case_events_pending').on(t.pendingSeq).where(sql`pending_seq IS NOT NULL`),
  ],
);

export const notes = sqliteTable(
  'notes',
  {
    /** A UUID made where the note is written, so the local and the central copy share one key. */
    id: text('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    authorId: text('author_id').notNull(),
    at: text('at').notNull(),
    body: text('body').notNull(),
    pendingSeq: integer('pending_seq'),
  },
  (t) => [
    index('notes_case').on(t.caseId, t.at),
    index('notes_pending').on(t.pendingSeq).where(sql`pending_seq IS NOT NULL`),
  ],
);

/** Every mutation, in the order it was made; the sync engine ships it to the central database. */
export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  clientId: text('client_id').notNull(),
  mutation: text('mutation').notNull(),
  args: text('args').notNull(),
  caseId: integer('case_id'),
  actorId: text('actor_id').notNull(),
  createdAt: text('created_at').notNull(),
  /** What the mutation found when it was made (e.g. `{"status":"new"}`); the central side refuses it if that no longer holds. */
  precondition: text('precondition').notNull().default('{}'),
  /** pending → applied | rejected; a rejected one is then reapplied (as a new entry) or dismissed by its author. */
  state: text('state', { enum: ['pending', 'applied', 'rejected', 'reapplied', 'dismissed'] }).notNull().default('pending'),
  rejection: text('rejection'),
});

/** Messages for delivery to the portal (requests for information, decisions, start approvals). */
export const outgoingMessages = sqliteTable(
  'outgoing_messages',
  {
    /** A UUID made where the message is written (as notes). */
    id: text('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The completeness items a request for information names, a JSON array of item codes. */
    items: text('items').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /** queued → delivered (by the portal integration). */
    deliveryState: text('delivery_state').notNull().default('queued'),
    deliveredAt: text('delivered_at'),
    pendingSeq: integer('pending_seq'),
  },
  (t) => [
    index('outgoing_messages_case').on(t.caseId, t.createdAt),
    // Optimistic rows, as in the other tables a local change adds to (0033_pending_rows_indexed.sql).
    index('outgoing_messages_pending').on(t.pendingSeq).where(sql`pending_seq IS NOT NULL`),
  ],
);

/**
 * How each outgoing message reached its receiver, as the central service records it (message_deliveries): one row
 * per message and channel ('portal' | 'email'); 'offer' notices name an offer instead of a message. Pulled only.
 */
export const messageDeliveries = sqliteTable(
  'message_deliveries',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id'),
    offerId: text('offer_id'),
    caseId: integer('case_id').notNull(),
    channel: text('channel').notNull(),
    notice: text('notice').notNull(),
    recipient: text('recipient').notNull(),
    /** portal: delivered; email: queued → sending → sent | failed. */
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    deliveredAt: text('delivered_at'),
    readAt: text('read_at'),
  },
  (t) => [index('message_deliveries_message').on(t.messageId), index('message_deliveries_case').on(t.caseId)],
);

/** DSB's register of electrical businesses (Elvirksomhetsregisteret), as last loaded from its file. */
export const dsbRegister = sqliteTable('dsb_register', {
  organisationNumber: text('organisation_number').primaryKey(),
  name: text('name').notNull(),
  registrationId: text('registration_id'),
  status: text('status').notNull(),
  /** The day the register file said this (`YYYY-MM-DD`). */
  asOf: text('as_of').notNull(),
});

/** Company practice as data: `{"key": JSON value}` (due days, auto-approval switches, …). */
export const companySettings = sqliteTable('company_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Completeness rules per request type, as data the grid company changes (JSON, see resources/rules). */
export const completenessRules = sqliteTable('completeness_rules', {
  requestType: text('request_type').primaryKey(),
  rules: text('rules').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Incoming records that could not be imported: kept whole, with why, until fixed and imported again. */
export const importQuarantine = sqliteTable(
  'import_quarantine',
  {
    id: text('id').primaryKey(),
    source: text('source').notNull(),
    messageId: text('message_id'),
    receivedAt: text('received_at').notNull(),
    raw: text('raw').notNull(),
    /** JSON array of `{"path", "code", "message"}`. */
    reasons: text('reasons').notNull(),
    /** open → ready (fixed, waiting for re-import) → imported | discarded. */
    state: text('state').notNull().default('open'),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
    /** Why it was discarded, in the words of the person who did it. */
    resolutionNote: text('resolution_note'),
  },
  (t) => [index('import_quarantine_state').on(t.state, t.receivedAt)],
);

/** Every incoming message imported, by its portal id: a second import of the same message changes nothing. */
export const incomingMessages = sqliteTable('incoming_messages', {
  messageId: text('message_id').primaryKey(),
  kind: text('kind').notNull(),
  caseId: integer('case_id'),
  receivedAt: text('received_at').notNull(),
  importedAt: text('imported_at').notNull(),
  /** SHA-256 of the record's canonical JSON: the same id with other content is flagged, not taken as a duplicate. */
  contentSha256: text('content_sha256'),
});

/** One loaded version of a grid company's price list; never changed once loaded (a new version is a new row). */
export const priceLists = sqliteTable(
  'price_lists',
  {
    id: text('id').notNull(),
    /** The price list's own version (`version` is the sync clock's column centrally). */
    listVersion: integer('list_version').notNull(),
    name: text('name').notNull(),
    /** `YYYY-MM-DD`: the first day this version applies. */
    effectiveFrom: text('effective_from').notNull(),
    currency: text('currency').notNull(),
    /** JSON `{"days": n}` or `{"months": n}`. */
    validity: text('validity').notNull(),
    paymentTerms: integer('payment_terms').notNull(),
    /** The whole version as JSON (docs/price-list-format.md). */
    body: text('body').notNull(),
    loadedAt: text('loaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.listVersion] })],
);

/** An offer on a case: a draft until issued, then immutable; a revised offer is a new version that supersedes it. */
export const offers = sqliteTable(
  'offers',
  {
    id: text('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    /** 1, 2, … per case. */
    offerVersion: integer('offer_version').notNull(),
    /** draft → issued → superseded. */
    state: text('state').notNull().default('draft'),
    priceListId: text('price_list_id').notNull(),
    priceListVersion: integer('price_list_version').notNull(),
    /** JSON OfferLine[]. */
    lines: text('lines').notNull().default('[]'),
    connectionFeeDeductionOre: integer('connection_fee_deduction_ore').notNull().default(0),
    /** JSON OfferCalculation. */
    totals: text('totals').notNull().default('{}'),
    validUntil: text('valid_until'),
    issuedAt: text('issued_at'),
    issuedBy: text('issued_by'),
    /** The issued letter's PDF in the attachment store. */
    pdfSha256: text('pdf_sha256'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /** The outbox seq of the latest local change still waiting for the central database (0008_offer_sync). */
    pendingSeq: integer('pending_seq'),
    /**
     * The row as the central database last sent it (JSON), to roll a refused change back to: taken when a local change
     * begins, dropped when it settles (0025). NULL with pending_seq set: made here, never sent.
     */
    serverRow: text('server_row'),
  },
  (t) => [
    uniqueIndex('offers_case_version').on(t.caseId, t.offerVersion),
    index('offers_pending').on(t.pendingSeq).where(sql`pending_seq IS NOT NULL`),
  ],
);

/** Assignment rules: a handler suggested by municipality or request type (assignee_id null: the rule was cleared). */
export const assignmentRules = sqliteTable(
  'assignment_rules',
  {
    /** 'municipality' (value: kommunenummer) or 'request_type' (value: a request type code). */
    criterion: text('criterion').notNull(),
    value: text('value').notNull(),
    assigneeId: text('assignee_id'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.criterion, t.value] })],
);

/** Grid-side work ordered from an area supplier (issue 6): ordered → accepted → done, due by the agreement. */
export const workOrders = sqliteTable(
  'work_orders',
  {
    /** A UUID made where the order is placed (as notes). */
    id: text('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    supplierId: integer('supplier_id').notNull().references(() => areaSuppliers.id),
    workKind: text('work_kind').notNull(),
    status: text('status').notNull().default('ordered'),
    /** The agreement's due time when the order was placed, in working days. */
    agreementDays: integer('agreement_days').notNull(),
    dueDate: text('due_date').notNull(),
    orderedAt: text('ordered_at').notNull(),
    orderedBy: text('ordered_by').notNull(),
    acceptedAt: text('accepted_at'),
    acceptedBy: text('accepted_by'),
    doneAt: text('done_at'),
    doneBy: text('done_by'),
    /** The order letter stored for delivery (outgoing_messages). */
    messageId: text('message_id'),
    /** The order letter's PDF in the attachment store (kept locally, as the offer letter's). */
    pdfSha256: text('pdf_sha256'),
    /** The supplier's answers in the portal (local migration 0015); empty when the desk recorded them by hand. */
    plannedDate: text('planned_date'),
    doneOn: text('done_on'),
    meterNumber: text('meter_number'),
    meterReading: real('meter_reading'),
    /** "Name (Firm)" of the portal user who confirmed / reported. */
    confirmedInPortalBy: text('confirmed_in_portal_by'),
    reportedInPortalBy: text('reported_in_portal_by'),
    /** The photos and samsvarserklæring filed with the case by the report: attachment ids, JSON array. */
    reportAttachmentIds: text('report_attachment_ids').notNull().default('[]'),
    /** What the fitter needs, given when ordering (local migration 0020); the letter prints what is there. */
    cabinetId: text('cabinet_id'),
    cableType: text('cable_type'),
    cableCrossSectionMm2: integer('cable_cross_section_mm2'),
    shortCircuitFuseA: integer('short_circuit_fuse_a'),
    frameworkItem: text('framework_item'),
    pendingSeq: integer('pending_seq'),
  },
  (t) => [
    uniqueIndex('work_orders_case_work').on(t.caseId, t.workKind),
    index('work_orders_open_due').on(t.dueDate).where(sql`status <> 'done'`),
    index('work_orders_pending').on(t.pendingSeq).where(sql`pending_seq IS NOT NULL`),
  ],
);

/**
 * The billing steps of an offer (sent, accepted, invoice sent, paid), taken at the desk or reported by the billing
 * system's file (its event id is the key, so a file imported twice changes nothing). A row from the file that could
 * not be applied is kept 'flagged' with a code until a person marks it resolved.
 */
export const billingEvents = sqliteTable(
  'billing_events',
  {
    id: text('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    offerId: text('offer_id'),
    offerVersion: integer('offer_version'),
    /** offer_sent | acceptance | invoice | payment. */
    kind: text('kind').notNull(),
    amountOre: integer('amount_ore'),
    occurredOn: text('occurred_on').notNull(),
    reference: text('reference'),
    /** desk | billing_file. */
    source: text('source').notNull(),
    /** applied | flagged. */
    outcome: text('outcome').notNull(),
    flagCode: text('flag_code'),
    /** JSON: what the flag's message names (e.g. the offer's total and the amount paid). */
    flagParams: text('flag_params').notNull().default('{}'),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
    pendingSeq: integer('pending_seq'),
  },
  (t) => [
    index('billing_events_case').on(t.caseId, t.recordedAt),
    index('billing_events_open_flags').on(t.caseId).where(sql`outcome = 'flagged' AND resolved_at IS NULL`),
    index('billing_events_pending').on(t.pendingSeq).where(sql`pending_seq IS NOT NULL`),
  ],
);

/**
 * Norwegian working days as a table (local only, derived: filled from rules/workingDays.ts for the years the data
 * spans), so the overview counts working days with joins. `working_day_no` counts working days from 2000-01-01, so
 * the working days between two dates are a subtraction; the `next_*` columns answer for a moment on this UTC date
 * at or after `next_day_from_utc`, when it is already the next day in Norway.
 */
export const workCalendar = sqliteTable('work_calendar', {
  day: text('day').primaryKey(),
  isWorkingDay: integer('is_working_day', { mode: 'boolean' }).notNull(),
  workingDayNo: integer('working_day_no').notNull(),
  isoWeek: text('iso_week').notNull(),
  nextDayFromUtc: text('next_day_from_utc').notNull(),
  nextWorkingDayNo: integer('next_working_day_no').notNull(),
  nextIsoWeek: text('next_iso_week').notNull(),
});

// The overview's derived tables (0012_overview.sql, kept by core/overview/overviewFacts.ts; triggers on
// cases and case_events, which drizzle cannot declare, note the changed cases in overview_dirty_cases).
export const overviewDirtyCases = sqliteTable('overview_dirty_cases', {
  caseId: integer('case_id').primaryKey(),
});

export const overviewCaseFacts = sqliteTable(
  'overview_case_facts',
  {
    caseId: integer('case_id').primaryKey(),
    requestType: text('request_type').notNull(),
    /** UTC `YYYY-MM-DDTHH:MM:SS` of the first offer. */
    offerAt: text('offer_at'),
    /** Working days from completeness to the first offer, less the days waiting for the installer. */
    offerDays: integer('offer_days'),
    meterAt: text('meter_at'),
    /** Working days from the completion notice to the meter mounted. */
    meterDays: integer('meter_days'),
  },
  (t) => [
    index('overview_case_facts_offer').on(t.offerAt, t.requestType, t.offerDays).where(sql`offer_days IS NOT NULL`),
    index('overview_case_facts_meter').on(t.meterAt, t.requestType, t.meterDays).where(sql`meter_days IS NOT NULL`),
  ],
);

export const overviewOutcomes = sqliteTable(
  'overview_outcomes',
  {
    caseId: integer('case_id').notNull(),
    actorId: text('actor_id').notNull(),
    /** ISO week, `2026-W48`. */
    week: text('week').notNull(),
    decided: integer('decided').notNull(),
    closed: integer('closed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.actorId, t.week] }), index('overview_outcomes_week').on(t.week, t.actorId)],
);

export const overviewThroughput = sqliteTable(
  'overview_throughput',
  {
    week: text('week').notNull(),
    actorId: text('actor_id').notNull(),
    decided: integer('decided').notNull(),
    closed: integer('closed').notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [primaryKey({ columns: [t.week, t.actorId] })],
);

// Closed cases whose detail a first download through the service left out (0024; core/sync/caseDetailOnDemand.ts).
export const caseDetailOnServer = sqliteTable('case_detail_on_server', {
  caseId: integer('case_id').primaryKey(),
});

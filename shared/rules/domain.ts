// The words of the business, as stable codes. Norwegian and English labels live in the renderer's i18n files.

export const REQUEST_TYPES = [
  'new_installation',
  'new_metering_point',
  'temporary_installation',
  'fuse_change',
  'metering_point_work',
  'production',
  'join_split',
  'street_lighting',
  // Installer pages list these beside the types above (Area Nett, "Hva skal meldes i Elsmart": "Bruksendring";
  // Barents Nett, "Krav til meldingen ved eksisterende anlegg": meter number, and a map "ved skift av inntak").
  /** Change of use reported to the local electrical inspection (DLE) only: no grid work. */
  'change_of_use',
  /** Permanent disconnection or demolition (permanent frakobling / riving): service line off, meter taken down. */
  'permanent_disconnection',
  /** Moving the service line or the intake (flytting av stikkledning / inntak). */
  'service_line_move',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const CASE_STATUSES = [
  'new',
  'in_review',
  'waiting_for_info',
  'approved',
  'rejected',
  'offer_sent',
  'offer_accepted',
  'invoice_sent',
  'paid',
  'completion_reported',
  'meter_mounted',
  'metering_point_registered',
  'closed',
  /** A developer's large project: recognised on import and taken out of the normal flow. */
  'developer_project',
  /** Construction power: its completion notice asks for the temporary installation to be terminated. */
  'termination_requested',
  /** Construction power: the cabinet is connected, its meter read at the start, and in use. */
  'connected',
  /** Construction power: the cabinet is taken down and its meter read for the last time; the rent can be billed. */
  'disconnected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Statuses in which the grid company's service clock runs: handling from completeness to the decision, and
 * meter mounting after the completion notice. In the others the case waits for someone else or is done.
 */
export const CLOCK_RUNNING_STATUSES: readonly CaseStatus[] = ['new', 'in_review', 'completion_reported',
  'termination_requested'];

export const BUILDING_USES = ['house', 'holiday_home', 'apartment_building', 'commercial', 'agriculture',
  'street_light', 'construction_power'] as const;
export type BuildingUse = (typeof BUILDING_USES)[number];

export const NETWORK_SYSTEMS = ['230V_IT', '230V_TN', '400V_TN'] as const;
export type NetworkSystem = (typeof NETWORK_SYSTEMS)[number];

export const ATTACHMENT_KINDS = [
  'site_map',
  'single_line_diagram',
  'power_budget',
  'grid_rental_order',
  'co_owner_consent',
  'production_declaration',
  'inverter_certificate',
  'photo',
  /** Samsvarserklæring: the installer's declaration that the installation conforms (sent with the ferdigmelding). */
  'declaration_of_conformity',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const DSB_STATUSES = ['active', 'suspended', 'deregistered'] as const;
export type DsbStatus = (typeof DSB_STATUSES)[number];

export const PREQUALIFICATION_CATEGORIES = [
  'service_cable',
  'direct_meter',
  'insulated_cabinet_switching',
  'uninsulated_cabinet_pole',
] as const;
export type PrequalificationCategory = (typeof PREQUALIFICATION_CATEGORIES)[number];

/**
 * Grid-side work a request can need (domain.md, "Installer check"). Which prequalification lets an installer do
 * each, and which stays with the grid company, is in rules/gridWork.ts.
 */
export const GRID_WORK_KINDS = [
  'service_cable_connection',
  'direct_meter_mounting',
  'transformer_meter_mounting',
  'construction_power_connection',
  'uninsulated_cabinet_work',
] as const;
export type GridWorkKind = (typeof GRID_WORK_KINDS)[number];

/** Who does a piece of grid-side work. */
export const WORK_PERFORMERS = ['installer', 'area_supplier', 'grid_company'] as const;
export type WorkPerformer = (typeof WORK_PERFORMERS)[number];

/** Messages stored for delivery to the portal. */
export const OUTGOING_MESSAGE_KINDS = [
  'information_request', 'approval', 'rejection', 'developer_referral', 'start_approval', 'work_order',
  'withdrawal', 'cancellation', 'closure',
  // A ferdigmelding the grid company could not take, answered with the reasons (rules/completionNotice.ts).
  'completion_refused',
] as const;
export type OutgoingMessageKind = (typeof OUTGOING_MESSAGE_KINDS)[number];

export const USER_ROLES = ['case_handler', 'supervisor', 'reader'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const OWNER_ID_KINDS = ['national_id', 'organisation_number'] as const;
export type OwnerIdKind = (typeof OWNER_ID_KINDS)[number];

export const EVENT_KINDS = ['received', 'note_added', 'assigned', 'status_changed', 'attachment_added', 'claim_requested',
  'claim_released', 'completeness_overridden', 'completeness_reached', 'routing_decided', 'message_queued',
  'supplement_received', 'completion_notice_received', 'offer_issued', 'offer_superseded',
  'work_ordered', 'work_order_accepted', 'work_order_done', 'billing_recorded', 'billing_flag_resolved', 'owner_answered',
  'owner_party_corrected', 'grid_assessed'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The 25 municipalities of Agder (county 42). */
export const AGDER_MUNICIPALITIES: ReadonlyArray<{ number: string; name: string }> = [
  { number: '4201', name: 'Risør' },
  { number: '4202', name: 'Grimstad' },
  { number: '4203', name: 'Arendal' },
  { number: '4204', name: 'Kristiansand' },
  { number: '4205', name: 'Lindesnes' },
  { number: '4206', name: 'Farsund' },
  { number: '4207', name: 'Flekkefjord' },
  { number: '4211', name: 'Gjerstad' },
  { number: '4212', name: 'Vegårshei' },
  { number: '4213', name: 'Tvedestrand' },
  { number: '4214', name: 'Froland' },
  { number: '4215', name: 'Lillesand' },
  { number: '4216', name: 'Birkenes' },
  { number: '4217', name: 'Åmli' },
  { number: '4218', name: 'Iveland' },
  { number: '4219', name: 'Evje og Hornnes' },
  { number: '4220', name: 'Bygland' },
  { number: '4221', name: 'Valle' },
  { number: '4222', name: 'Bykle' },
  { number: '4223', name: 'Vennesla' },
  { number: '4224', name: 'Åseral' },
  { number: '4225', name: 'Lyngdal' },
  { number: '4226', name: 'Hægebostad' },
  { number: '4227', name: 'Kvinesdal' },
  { number: '4228', name: 'Sirdal' },
];

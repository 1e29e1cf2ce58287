// The tables the cache mirrors, in the order their rows must arrive (parents before children), with the
// central and local name of each column. Central-only bookkeeping (versions, tombstones) is not copied.

export interface SyncedTable {
  central: string;
  local: string;
  /** Key columns (same names on both sides). */
  key: readonly string[];
  /** Columns copied as they are; the key is among them. */
  columns: readonly string[];
  /** Central rows can be tombstones (`deleted = true`), which delete the local row. */
  tombstones?: boolean;
  /** A case's own rows (its detail): the column naming the case. */
  caseColumn?: 'case_id';
}


import { CASE_COLUMNS, CLAIM_COLUMNS } from '../db/caseColumns';

/** The column naming the case a row of `table` is about: the case's own id in `cases`, else its case column, if any. */
export const caseColumnOf = (table: SyncedTable): string | undefined => (table.local === 'cases' ? 'id' : table.caseColumn);

/**
 * A case's own row and the tables of its detail (history, notes, files, offers, billing, work orders, messages): what
 * a desk fetches of a closed case the first download left out.
 */
export const caseTables = (): SyncedTable[] => SYNCED_TABLES.filter((table) => caseColumnOf(table) !== undefined);

export const SYNCED_TABLES: readonly SyncedTable[] = [
  { central: 'municipalities', local: 'municipalities', key: ['number'], columns: ['number', 'name'] },
  { central: 'app_users', local: 'users', key: ['id'], columns: ['id', 'display_name', 'role', 'email', 'active'] },
  {
    central: 'installers',
    local: 'installers',
    key: ['id'],
    columns: ['id', 'organisation_number', 'name', 'dsb_registration_id', 'dsb_status', 'email', 'phone', 'contact_person'],
  },
  {
    central: 'prequalifications',
    local: 'prequalifications',
    key: ['id'],
    columns: ['id', 'installer_id', 'category', 'valid_from', 'valid_to'],
    tombstones: true,
  },
  {
    central: 'area_suppliers',
    local: 'area_suppliers',
    key: ['id'],
    columns: ['id', 'organisation_number', 'name', 'contact_person', 'email', 'phone', 'agreement_work'],
  },
  {
    central: 'area_supplier_municipalities',
    local: 'area_supplier_municipalities',
    key: ['supplier_id', 'municipality_number'],
    columns: ['supplier_id', 'municipality_number'],
    tombstones: true,
  },
  { central: 'cases', local: 'cases', key: ['id'], columns: [...CASE_COLUMNS, ...CLAIM_COLUMNS] },
  {
    central: 'attachments',
    local: 'attachments',
    key: ['id'], caseColumn: 'case_id',
    columns: ['id', 'case_id', 'kind', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'received_at'],
  },
  { central: 'case_events', local: 'case_events', key: ['id'], caseColumn: 'case_id', columns: ['id', 'case_id', 'at', 'actor_id', 'kind', 'data'] },
  { central: 'notes', local: 'notes', key: ['id'], caseColumn: 'case_id', columns: ['id', 'case_id', 'author_id', 'at', 'body'] },
  {
    central: 'outgoing_messages',
    local: 'outgoing_messages',
    key: ['id'], caseColumn: 'case_id',
    columns: ['id', 'case_id', 'kind', 'recipient', 'subject', 'body', 'items', 'created_at', 'created_by',
      'delivery_state', 'delivered_at'],
  },
  {
    central: 'dsb_register',
    local: 'dsb_register',
    key: ['organisation_number'],
    columns: ['organisation_number', 'name', 'registration_id', 'status', 'as_of'],
  },
  { central: 'company_settings', local: 'company_settings', key: ['key'], columns: ['key', 'value'] },
  {
    central: 'completeness_rules',
    local: 'completeness_rules',
    key: ['request_type'],
    columns: ['request_type', 'rules', 'updated_at'],
  },
  {
    central: 'import_quarantine',
    local: 'import_quarantine',
    key: ['id'],
    columns: ['id', 'source', 'message_id', 'received_at', 'raw', 'reasons', 'state', 'resolved_at', 'resolved_by',
      'resolution_note'],
  },
  {
    central: 'price_lists',
    local: 'price_lists',
    key: ['id', 'list_version'],
    columns: ['id', 'list_version', 'name', 'effective_from', 'currency', 'validity', 'payment_terms', 'body', 'loaded_at'],
  },
  {
    central: 'offers',
    local: 'offers',
    key: ['id'], caseColumn: 'case_id',
    columns: ['id', 'case_id', 'offer_version', 'state', 'price_list_id', 'price_list_version', 'lines',
      'connection_fee_deduction_ore', 'totals', 'valid_until', 'issued_at', 'issued_by', 'pdf_sha256', 'created_at',
      'created_by'],
  },
  {
    central: 'assignment_rules',
    local: 'assignment_rules',
    key: ['criterion', 'value'],
    columns: ['criterion', 'value', 'assignee_id', 'updated_at', 'updated_by'],
  },
  {
    central: 'work_orders',
    local: 'work_orders',
    key: ['id'], caseColumn: 'case_id',
    columns: ['id', 'case_id', 'supplier_id', 'work_kind', 'status', 'agreement_days', 'due_date', 'ordered_at', 'ordered_by',
      'accepted_at', 'accepted_by', 'done_at', 'done_by', 'message_id', 'pdf_sha256', 'planned_date', 'done_on',
      'meter_number', 'meter_reading', 'confirmed_in_portal_by', 'reported_in_portal_by', 'report_attachment_ids',
      'cabinet_id', 'cable_type', 'cable_cross_section_mm2', 'short_circuit_fuse_a', 'framework_item'],
  },
  {
    central: 'billing_events',
    local: 'billing_events',
    key: ['id'], caseColumn: 'case_id',
    columns: ['id', 'case_id', 'offer_id', 'offer_version', 'kind', 'amount_ore', 'occurred_on', 'reference', 'source',
      'outcome', 'flag_code', 'flag_params', 'recorded_at', 'recorded_by', 'resolved_at', 'resolved_by'],
  },
  {
    central: 'message_deliveries',
    local: 'message_deliveries',
    key: ['id'], caseColumn: 'case_id',
    columns: ['id', 'message_id', 'offer_id', 'case_id', 'channel', 'notice', 'recipient', 'state', 'attempts',
      'max_attempts', 'next_attempt_at', 'last_error', 'created_at', 'delivered_at', 'read_at'],
  },
];

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
}

const CASE_COLUMNS = [
  'id', 'case_number', 'message_id', 'request_type', 'status', 'submitted_at', 'complete_at', 'due_date',
  'assignee_id', 'address', 'postcode', 'post_town', 'municipality_number', 'gnr', 'bnr', 'fnr', 'snr',
  'building_use', 'network_system', 'phases', 'main_fuse_a', 'meter_fuse_a', 'expected_power_kw',
  'expected_energy_kwh', 'ev_charging_a', 'unit_count', 'metering_point_ids', 'meter_numbers', 'has_production',
  'production_kw', 'inverter', 'battery_kwh', 'owner_name', 'owner_id_kind', 'owner_national_id',
  'owner_organisation_number', 'owner_email', 'owner_phone', 'installer_id', 'installer_contact',
  'wanted_start_date', 'wanted_connection_date', 'free_text', 'updated_at', 'version', 'claimed_by', 'lease_until',
  'claim_token',
] as const;

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
    columns: ['id', 'organisation_number', 'name', 'contact_person', 'email', 'phone'],
  },
  {
    central: 'area_supplier_municipalities',
    local: 'area_supplier_municipalities',
    key: ['supplier_id', 'municipality_number'],
    columns: ['supplier_id', 'municipality_number'],
    tombstones: true,
  },
  { central: 'cases', local: 'cases', key: ['id'], columns: CASE_COLUMNS },
  {
    central: 'attachments',
    local: 'attachments',
    key: ['id'],
    columns: ['id', 'case_id', 'kind', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'received_at'],
  },
  { central: 'case_events', local: 'case_events', key: ['id'], columns: ['id', 'case_id', 'at', 'actor_id', 'kind', 'data'] },
  { central: 'notes', local: 'notes', key: ['id'], columns: ['id', 'case_id', 'author_id', 'at', 'body'] },
];

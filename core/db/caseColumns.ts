/** The columns of a case, as the local cache and the central database both name them. */
export const CASE_COLUMNS = [
  'id', 'case_number', 'message_id', 'request_type', 'status', 'submitted_at', 'complete_at', 'due_date',
  'assignee_id', 'address', 'postcode', 'post_town', 'municipality_number', 'gnr', 'bnr', 'fnr', 'snr',
  'building_use', 'network_system', 'phases', 'main_fuse_a', 'meter_fuse_a', 'expected_power_kw',
  'expected_energy_kwh', 'ev_charging_a', 'unit_count', 'metering_point_ids', 'meter_numbers', 'has_production',
  'production_kw', 'inverter', 'battery_kwh', 'owner_name', 'owner_id_kind', 'owner_national_id',
  'owner_organisation_number', 'owner_email', 'owner_phone', 'installer_id', 'installer_contact',
  'wanted_start_date', 'wanted_connection_date', 'free_text', 'updated_at', 'version', 'approval_conditions',
  'decision_reason', 'completeness_overrides', 'work_routing', 'supplement_changes', 'clock_paused_on',
  // The owner as a party and the grid assessment (issue 13; local 0021, central 0036).
  'owner_postal_address', 'owner_postcode', 'owner_post_town', 'grid_customer_name', 'grid_assessment',
  // Construction power (local 0017, central 0032)
  'power_connected_on', 'start_meter_reading', 'power_disconnected_on', 'final_meter_reading', 'cabinet_rent_days',
  'cabinet_rent_rate_ore', 'cabinet_rent_net_ore',
  'closure_reason', 'cancellation_costs_ore',
  // Issue 13 item 9 (local 0022_request_types, central 0037_request_types).
  'shared_service_line', 'wanted_end_date', 'company_cabinet', 'cabinet_id',
] as const;

/** Who holds the case's claim (central mode); written only by the central database's claim functions. */
export const CLAIM_COLUMNS = ['claimed_by', 'lease_until', 'claim_token'] as const;

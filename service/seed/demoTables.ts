// What the demo seed copies from the local demo database into the central one, in foreign-key order.
// Local and central columns have the same names; the types are the central ones (see schema.ts). Columns the
// central database owns (version, the claim, tombstones) are left to their defaults and triggers.
import { fromStoredLines } from '../../core/offers/storedLines';
import { calculateOffer } from '../../shared/rules';
import type { ColumnSpec } from './unnestInsert';

export interface TableCopy {
  table: string;
  /** The local table, when its name differs. */
  from?: string;
  columns: readonly ColumnSpec[];
  orderBy: string;
  onConflict?: string;
  /** Columns the central database keeps otherwise than the desk does, each worked out from the local row. */
  derived?: readonly { column: string; from: (row: Readonly<Record<string, unknown>>) => unknown }[];
}

/** 'id:bigint name' → [{ name: 'id', type: 'bigint' }, { name: 'name', type: 'text' }] */
function columns(list: string): ColumnSpec[] {
  return list.trim().split(/\s+/).map((entry) => {
    const [name, type = 'text'] = entry.split(':');
    return { name, type };
  });
}

export const DEMO_TABLES: readonly TableCopy[] = [
  { table: 'municipalities', columns: columns('number name'), orderBy: 'number' },
  {
    table: 'app_users',
    from: 'users',
    columns: columns('id display_name role email active:boolean'),
    orderBy: 'id',
    // Logins made with central:login before the seed keep their rows.
    onConflict: 'ON CONFLICT (id) DO NOTHING',
  },
  {
    table: 'installers',
    columns: columns('id:bigint organisation_number name dsb_registration_id dsb_status email phone contact_person'),
    orderBy: 'id',
  },
  {
    table: 'dsb_register',
    columns: columns('organisation_number name registration_id status as_of:date'),
    orderBy: 'organisation_number',
  },
  {
    table: 'prequalifications',
    columns: columns('id:bigint installer_id:bigint category valid_from:date valid_to:date'),
    orderBy: 'id',
  },
  {
    table: 'area_suppliers',
    columns: columns('id:bigint organisation_number name contact_person email phone agreement_work'),
    orderBy: 'id',
  },
  {
    table: 'area_supplier_municipalities',
    columns: columns('supplier_id:bigint municipality_number'),
    orderBy: 'supplier_id, municipality_number',
  },
  {
    table: 'cases',
    columns: columns(`
      id:bigint case_number message_id request_type status submitted_at:timestamptz complete_at:timestamptz
      due_date:date assignee_id address postcode post_town municipality_number gnr:integer bnr:integer fnr:integer
      snr:integer building_use network_system phases:integer main_fuse_a:integer meter_fuse_a:integer
      expected_power_kw:float8 expected_energy_kwh:float8 ev_charging_a:integer unit_count:integer
      metering_point_ids:jsonb meter_numbers:jsonb has_production:boolean production_kw:float8 inverter
      battery_kwh:float8 owner_name owner_id_kind owner_national_id owner_organisation_number owner_email
      owner_phone installer_id:bigint installer_contact wanted_start_date:date wanted_connection_date:date
      free_text updated_at:timestamptz shared_service_line:boolean wanted_end_date:date company_cabinet:boolean
      cabinet_id`),
    orderBy: 'id',
  },
  {
    table: 'attachments',
    columns: columns('id:bigint case_id:bigint kind file_name mime_type size_bytes:integer sha256 received_at:timestamptz'),
    orderBy: 'id',
  },
  {
    table: 'case_events',
    columns: columns('id:bigint case_id:bigint at:timestamptz actor_id kind data:jsonb'),
    orderBy: 'id',
  },
  { table: 'company_settings', columns: columns('key value'), orderBy: 'key' },
  { table: 'completeness_rules', columns: columns('request_type rules updated_at:timestamptz'), orderBy: 'request_type' },
  {
    table: 'price_lists',
    columns: columns('id list_version:integer name effective_from:date currency validity payment_terms:integer body loaded_at:timestamptz'),
    orderBy: 'id, list_version',
  },
  // The demo's offers and their billing steps (demoOffers.ts), with UUIDs as the central keys require.
  {
    table: 'offers',
    columns: columns(`id:uuid case_id:bigint offer_version:integer state price_list_id price_list_version:integer lines
      connection_fee_deduction_ore:bigint totals valid_until:date issued_at:timestamptz issued_by pdf_sha256
      created_at:timestamptz created_by`),
    orderBy: 'id',
    // A desk keeps an offer's figures as issued (core/mutations/offerMutations.ts storedFigures); the central database
    // its whole calculation, which the owner's portal shows line by line. The desk keeps the lines in a form of its
    // own (core/offers/storedLines.ts); the central database as OfferLine objects.
    derived: [
      { column: 'lines', from: (row) => JSON.stringify(fromStoredLines(row.lines as string)) },
      {
        column: 'totals',
        from: (row) => JSON.stringify(calculateOffer({
          lines: fromStoredLines(row.lines as string),
          connectionFeeDeduction: Number(row.connection_fee_deduction_ore) || null,
        })),
      },
    ],
  },
  {
    table: 'billing_events',
    columns: columns(`id case_id:bigint offer_id:uuid offer_version:integer kind amount_ore:bigint occurred_on:date
      reference source outcome flag_code flag_params recorded_at:timestamptz recorded_by`),
    orderBy: 'id',
  },
  // The demo's note ids are UUIDs already (demoNoteId), as the central key requires.
  { table: 'notes', columns: columns('id:uuid case_id:bigint author_id at:timestamptz body'), orderBy: 'id' },
];

/** Tables whose ids come from an identity sequence, to be moved past the copied ids. */
export const IDENTITY_TABLES = ['installers', 'prequalifications', 'area_suppliers', 'cases', 'attachments', 'case_events'];

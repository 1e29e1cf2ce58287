// Which screens' tables a pulled table feeds: the sync engine names the local tables a pull wrote, the change
// stream speaks of what the renderer reads.
import type { ChangeTable } from '../../shared/contract';

const BY_LOCAL_TABLE: Readonly<Record<string, readonly ChangeTable[]>> = {
  municipalities: ['users'],
  users: ['users', 'cases'],
  installers: ['installers'],
  prequalifications: ['installers'],
  dsb_register: ['installers'],
  area_suppliers: ['areaSuppliers', 'workOrders'],
  area_supplier_municipalities: ['areaSuppliers', 'workOrders'],
  cases: ['cases'],
  attachments: ['attachments'],
  case_events: ['history'],
  notes: ['history'],
  outgoing_messages: ['history'],
  message_deliveries: ['history'],
  company_settings: ['companySettings'],
  completeness_rules: ['completenessRules'],
  import_quarantine: ['quarantine'],
  price_lists: ['priceLists'],
  offers: ['offers'],
  assignment_rules: ['assignmentRules'],
  work_orders: ['workOrders'],
  billing_events: ['billing'],
};

/** The change tables of these local tables; a table the map does not know counts as a change to cases. */
export function changeTablesOfPulled(localTables: Iterable<string>): ChangeTable[] {
  const tables = new Set<ChangeTable>();
  for (const local of localTables) for (const table of BY_LOCAL_TABLE[local] ?? ['cases']) tables.add(table);
  return [...tables];
}

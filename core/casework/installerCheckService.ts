// The installer check of one case, read from the local database: the case's facts give the grid-side work,
// DSB's register (by the installer's organisation number) and the prequalifications give who may do it, and the
// area suppliers of the installation's municipality who else can.
import type Database from 'better-sqlite3';
import { fail } from '../../shared/contract';
import type { InstallerCheckView, RoutingDecision } from '../../shared/contract/installerCheck';
import { areaSuppliersCovering } from '../areaSuppliers/areaSupplierStore';
import {
  DSB_STATUSES,
  checkInstaller,
  requiredGridWork,
  supplierForWork,
  type BuildingUse,
  type DsbStatus,
  type GridWorkKind,
  type NetworkSystem,
  type PrequalificationCategory,
  type RequestType,
  type WorkOrderStatus,
} from '../../shared/rules';

interface CaseFacts {
  request_type: RequestType;
  main_fuse_a: number | null;
  meter_fuse_a: number | null;
  phases: number | null;
  network_system: NetworkSystem | null;
  building_use: BuildingUse | null;
  unit_count: number | null;
  has_production: number;
  municipality_number: string;
  municipality_name: string | null;
  work_routing: string;
  installer_id: number;
  installer_name: string;
  organisation_number: string;
  dsb_registration_id: string | null;
}

function caseFacts(sqlite: Database.Database, caseId: number): CaseFacts {
  const row = sqlite
    .prepare(
      `SELECT c.request_type, c.main_fuse_a, c.meter_fuse_a, c.phases, c.network_system, c.building_use, c.unit_count,
              c.has_production, c.municipality_number, m.name AS municipality_name, c.work_routing,
              i.id AS installer_id, i.name AS installer_name, i.organisation_number, i.dsb_registration_id
       FROM cases c
       JOIN installers i ON i.id = c.installer_id
       LEFT JOIN municipalities m ON m.number = c.municipality_number
       WHERE c.id = ?`,
    )
    .get(caseId) as CaseFacts | undefined;
  return row ?? fail('case.notFound', { caseId });
}

/** The area suppliers whose framework agreement covers the municipality, by name. */
export function areaSuppliersOf(sqlite: Database.Database, municipalityNumber: string): Array<{ id: number; name: string }> {
  return sqlite
    .prepare(
      `SELECT s.id, s.name FROM area_suppliers s
       JOIN area_supplier_municipalities am ON am.supplier_id = s.id
       WHERE am.municipality_number = ? ORDER BY s.name, s.id`,
    )
    .all(municipalityNumber) as Array<{ id: number; name: string }>;
}

/** The work ordered on the case from area suppliers, by work. */
function workOrdersByKind(sqlite: Database.Database, caseId: number): InstallerCheckView['workOrders'] {
  const rows = sqlite
    .prepare(
      `SELECT w.work_kind, w.status, w.due_date, coalesce(s.name, '') AS supplier_name
       FROM work_orders w LEFT JOIN area_suppliers s ON s.id = w.supplier_id WHERE w.case_id = ?`,
    )
    .all(caseId) as Array<{ work_kind: GridWorkKind; status: WorkOrderStatus; due_date: string; supplier_name: string }>;
  return Object.fromEntries(rows.map((r) => [r.work_kind, { supplierName: r.supplier_name, status: r.status, dueDate: r.due_date }]));
}

export function parseWorkRouting(text: string): Partial<Record<GridWorkKind, RoutingDecision>> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed) : {};
  } catch {
    return {};
  }
}

export function installerCheckFor(sqlite: Database.Database, caseId: number, today: string): InstallerCheckView {
  const c = caseFacts(sqlite, caseId);
  const dsbRow = sqlite
    .prepare('SELECT name, status, as_of FROM dsb_register WHERE organisation_number = ?')
    .get(c.organisation_number) as { name: string; status: string; as_of: string } | undefined;
  // The loader only stores known statuses; anything else found here is treated as not registered, never as active.
  const dsb =
    dsbRow && (DSB_STATUSES as readonly string[]).includes(dsbRow.status)
      ? { status: dsbRow.status as DsbStatus, asOf: dsbRow.as_of }
      : null;
  const prequalifications = (
    sqlite
      .prepare('SELECT category, valid_from, valid_to FROM prequalifications WHERE installer_id = ? ORDER BY category, valid_to DESC')
      .all(c.installer_id) as Array<{ category: PrequalificationCategory; valid_from: string; valid_to: string }>
  ).map((p) => ({ category: p.category, validFrom: p.valid_from, validTo: p.valid_to }));
  const areaSuppliers = areaSuppliersOf(sqlite, c.municipality_number);
  const work = requiredGridWork({
    requestType: c.request_type,
    mainFuseA: c.main_fuse_a,
    meterFuseA: c.meter_fuse_a,
    phases: c.phases,
    networkSystem: c.network_system,
    buildingUse: c.building_use,
    unitCount: c.unit_count,
    hasProduction: Boolean(c.has_production),
  });
  // The supplier proposed for a work is one whose agreement includes it; a municipality without one is a gap.
  const agreements = areaSuppliersCovering(sqlite, c.municipality_number);
  const areaSupplierFor = (kind: GridWorkKind) => {
    const supplier = supplierForWork(agreements, c.municipality_number, kind);
    return supplier ? { id: supplier.id, name: supplier.name } : null;
  };
  const check = checkInstaller({ today, dsb, prequalifications, work, areaSupplierFor });
  return {
    ...check,
    installer: {
      id: c.installer_id,
      name: c.installer_name,
      organisationNumber: c.organisation_number,
      dsbRegistrationId: c.dsb_registration_id,
      dsbName: dsbRow?.name ?? null,
    },
    municipality: { number: c.municipality_number, name: c.municipality_name },
    prequalifications,
    routing: parseWorkRouting(c.work_routing),
    areaSuppliers,
    workOrders: workOrdersByKind(sqlite, caseId),
  };
}

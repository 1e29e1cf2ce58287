// The area suppliers' framework agreements as the local database has them: who covers which municipalities and
// takes which work, with the agreement's due time. One reader for the register, the installer check and the
// work orders, so all three agree on who covers what.
import type Database from 'better-sqlite3';
import {
  AGREEMENT_DAYS_LIMITS, AGREEMENT_WORK_KINDS, type AgreementWork, type SupplierAgreement,
} from '../../shared/rules';

export interface StoredAreaSupplier extends SupplierAgreement {
  organisationNumber: string;
  contactPerson: string | null;
  email: string | null;
  phone: string | null;
}

/** The agreement's work as stored (JSON text); anything not a known kind with a whole number of days is left out. */
export function parseAgreementWork(text: string): AgreementWork {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object') return {};
  const work: AgreementWork = {};
  for (const kind of AGREEMENT_WORK_KINDS) {
    const days = (parsed as Record<string, unknown>)[kind];
    if (Number.isInteger(days) && (days as number) >= AGREEMENT_DAYS_LIMITS.min && (days as number) <= AGREEMENT_DAYS_LIMITS.max) {
      work[kind] = days as number;
    }
  }
  return work;
}

interface SupplierRow {
  id: number;
  organisation_number: string;
  name: string;
  contact_person: string | null;
  email: string | null;
  phone: string | null;
  agreement_work: string;
  municipalities: string | null;
}

/** Every supplier with its municipalities and agreement, by name. */
export function storedAreaSuppliers(sqlite: Database.Database): StoredAreaSupplier[] {
  const rows = sqlite
    .prepare(
      `SELECT s.id, s.organisation_number, s.name, s.contact_person, s.email, s.phone, s.agreement_work,
              (SELECT json_group_array(municipality_number) FROM
                 (SELECT municipality_number FROM area_supplier_municipalities WHERE supplier_id = s.id
                  ORDER BY municipality_number)) AS municipalities
       FROM area_suppliers s ORDER BY s.name, s.id`,
    )
    .all() as SupplierRow[];
  return rows.map((row) => ({
    id: row.id,
    organisationNumber: row.organisation_number,
    name: row.name,
    contactPerson: row.contact_person,
    email: row.email,
    phone: row.phone,
    municipalityNumbers: JSON.parse(row.municipalities ?? '[]') as string[],
    work: parseAgreementWork(row.agreement_work),
  }));
}

/** The suppliers whose agreement covers the municipality. */
export function areaSuppliersCovering(sqlite: Database.Database, municipalityNumber: string): StoredAreaSupplier[] {
  return storedAreaSuppliers(sqlite).filter((s) => s.municipalityNumbers.includes(municipalityNumber));
}

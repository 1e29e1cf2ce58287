// `areaSupplier.save`: a supervisor adds a supplier to the register or changes one — its details, the
// municipalities it covers and the work in its agreement. Like company practice it belongs to no case: one outbox
// row with case_id NULL, made at once standalone; with a central server shipped and applied there as the person,
// where PostgreSQL grants these writes to supervisors only (0014_area_suppliers).
import { fail } from '../../shared/contract';
import { AreaSupplierSaveInput, type AreaSupplierValues } from '../../shared/contract/areaSuppliers';
import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { recordCaselessChange } from './caselessChange';

export const AREA_SUPPLIER_SAVE = 'areaSupplier.save';

/** The outbox's arguments: the validated values (a new supplier has id null; the server gives it one). */
export const AreaSupplierSaveArgs = AreaSupplierSaveInput;

/** Writes the supplier and its municipalities to a local database; returns its id. */
export function writeAreaSupplier(sqlite: Database.Database, values: AreaSupplierValues): number {
  const row = [values.organisationNumber, values.name, values.contactPerson, values.email, values.phone,
    JSON.stringify(values.agreementWork)];
  let id = values.id;
  if (id === null) {
    const next = sqlite.prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM area_suppliers').get() as { next: number };
    id = next.next;
    sqlite
      .prepare(
        `INSERT INTO area_suppliers (id, organisation_number, name, contact_person, email, phone, agreement_work)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, ...row);
  } else {
    sqlite
      .prepare(
        `UPDATE area_suppliers SET organisation_number = ?, name = ?, contact_person = ?, email = ?, phone = ?,
           agreement_work = ? WHERE id = ?`,
      )
      .run(...row, id);
  }
  const list = JSON.stringify(values.municipalityNumbers);
  sqlite
    .prepare('DELETE FROM area_supplier_municipalities WHERE supplier_id = ? AND municipality_number NOT IN (SELECT value FROM json_each(?))')
    .run(id, list);
  sqlite
    .prepare(
      `INSERT INTO area_supplier_municipalities (supplier_id, municipality_number)
       SELECT ?, value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`,
    )
    .run(id, list);
  return id;
}

/** Records the save (and, standalone, makes it); only a supervisor may. Returns the outbox seq. */
export function recordAreaSupplierSave(core: CoreContext, rawValues: unknown): number {
  const values = AreaSupplierSaveInput.parse(rawValues);
  if (core.currentUser().role !== 'supervisor') fail('permission.denied');
  const { sqlite } = core;
  if (values.id !== null && !sqlite.prepare('SELECT 1 FROM area_suppliers WHERE id = ?').get(values.id)) {
    fail('areaSupplier.notFound', { id: values.id });
  }
  const twin = sqlite
    .prepare('SELECT name FROM area_suppliers WHERE organisation_number = ? AND id IS NOT ?')
    .get(values.organisationNumber, values.id) as { name: string } | undefined;
  if (twin) fail('areaSupplier.organisationNumberTaken', { name: twin.name });
  const known = new Set((sqlite.prepare('SELECT number FROM municipalities').all() as { number: string }[]).map((m) => m.number));
  const unknown = values.municipalityNumbers.find((number) => !known.has(number));
  if (unknown) fail('input.invalid', { field: 'municipalityNumbers', value: unknown });
  return recordCaselessChange(core, {
    mutation: AREA_SUPPLIER_SAVE,
    args: values,
    precondition: { exists: values.id },
    applyLocally: () => {
      writeAreaSupplier(sqlite, values);
    },
  });
}

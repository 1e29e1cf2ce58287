// The register as "Områdeleverandører" shows it: every supplier (with this client's unsent saves on top, as the
// local view always is "server rows + pending outbox"), the gaps in the agreements per kind of work, and whether
// this person may change it (a supervisor).
import type { AreaSupplierEntry, AreaSupplierRegister, AreaSupplierValues } from '../../shared/contract';
import { AGREEMENT_WORK_KINDS } from '../../shared/rules';
import type { CoreContext } from '../context';
import { AREA_SUPPLIER_SAVE, recordAreaSupplierSave } from '../mutations/areaSupplierSave';
import { storedAreaSuppliers } from './areaSupplierStore';

function pendingSaves(core: CoreContext): AreaSupplierValues[] {
  return (
    core.sqlite
      .prepare(`SELECT args FROM outbox WHERE state = 'pending' AND mutation = ? ORDER BY seq`)
      .all(AREA_SUPPLIER_SAVE) as { args: string }[]
  ).map((row) => JSON.parse(row.args) as AreaSupplierValues);
}

export class AreaSupplierRegisterService {
  constructor(private readonly core: CoreContext) {}

  list(): AreaSupplierRegister {
    const entries = new Map<number, AreaSupplierEntry>();
    for (const s of storedAreaSuppliers(this.core.sqlite)) {
      entries.set(s.id, {
        id: s.id,
        organisationNumber: s.organisationNumber,
        name: s.name,
        contactPerson: s.contactPerson,
        email: s.email,
        phone: s.phone,
        municipalityNumbers: [...s.municipalityNumbers],
        agreementWork: s.work,
        pending: false,
      });
    }
    const pending = pendingSaves(this.core);
    // A new supplier has no id until the server gives it one: shown with a negative stand-in meanwhile.
    pending.forEach((values, index) => {
      const id = values.id ?? -(index + 1);
      entries.set(id, { ...values, id, municipalityNumbers: [...values.municipalityNumbers], pending: true });
    });
    const suppliers = [...entries.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id - b.id);
    const municipalities = (this.core.sqlite.prepare('SELECT number FROM municipalities ORDER BY number').all() as { number: string }[])
      .map((m) => m.number);
    const gaps = AGREEMENT_WORK_KINDS.map((workKind) => ({
      workKind,
      municipalityNumbers: municipalities.filter(
        (number) => !suppliers.some((s) => s.municipalityNumbers.includes(number) && typeof s.agreementWork[workKind] === 'number'),
      ),
    }));
    return { suppliers, gaps, canEdit: this.core.currentUser().role === 'supervisor', pendingSaves: pending.length };
  }

  save(input: unknown): AreaSupplierRegister {
    recordAreaSupplierSave(this.core, input);
    return this.list();
  }
}

// The area supplier register: a supplier saved with its municipalities and agreed working days (case-less).
import type { DomainMutations } from '../definition';
import { AREA_SUPPLIER_SAVE, AreaSupplierSaveArgs, recordAreaSupplierSave } from '../areaSupplierSave';
import { WORK_ORDER_APPLIERS } from '../../sync/workOrderAppliers';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

export const areaSupplierMutations = {
  [AREA_SUPPLIER_SAVE]: {
    args: AreaSupplierSaveArgs,
    record: recordAreaSupplierSave,
    central: WORK_ORDER_APPLIERS['areaSupplier.save'],
    // A new supplier has no id in the outbox: its organisation number is unique in the register.
    rowsChanged: (args) => ({ table: 'area_suppliers', where: 'organisation_number = $1', params: [args.organisationNumber] }),
  },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const areaSupplierMutationHandlers = ({ mutate, areaSupplierRegister }: MutationCallServices) => ({
  'areaSupplier.save': (input) => mutate(() => areaSupplierRegister.save(input)),
}) satisfies DomainHandlers;

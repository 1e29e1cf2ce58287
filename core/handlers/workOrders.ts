// The area supplier register and work orders to area suppliers.
import type { CoreServices, DomainHandlers } from './coreServices';

export const workOrdersHandlers = ({ areaSupplierRegister, workOrders }: CoreServices) => ({
  'areaSupplier.list': () => areaSupplierRegister.list(),
  'case.workOrders': (input) => workOrders.panel(input.caseId),
}) satisfies DomainHandlers;

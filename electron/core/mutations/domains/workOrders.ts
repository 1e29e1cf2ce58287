// Work orders to an area supplier: ordered by a supervisor once the work is released, then advanced step by step.
// The central side is in sync/workOrderAppliers.ts, with the register's.
import type { DomainMutations } from '../definition';
import { advanceWorkOrder, orderWork } from '../workOrderMutations';
import { WORK_ORDER_APPLIERS } from '../../sync/workOrderAppliers';

export const workOrderMutations = {
  'case.orderWork': { local: orderWork, central: WORK_ORDER_APPLIERS['case.orderWork'] },
  'case.advanceWorkOrder': { local: advanceWorkOrder, central: WORK_ORDER_APPLIERS['case.advanceWorkOrder'] },
} satisfies DomainMutations;

// Work orders to an area supplier: ordered by a supervisor once the work is released, then advanced step by step.
// The central side is in sync/workOrderAppliers.ts, with the register's.
import type { DomainMutations } from '../definition';
import { advanceWorkOrder, orderWork } from '../workOrderMutations';
import { WORK_ORDER_APPLIERS } from '../../sync/workOrderAppliers';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

export const workOrderMutations = {
  'case.orderWork': { local: orderWork, central: WORK_ORDER_APPLIERS['case.orderWork'] },
  'case.advanceWorkOrder': { local: advanceWorkOrder, central: WORK_ORDER_APPLIERS['case.advanceWorkOrder'] },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const workOrderMutationHandlers = ({ mutate, central, workOrders }: MutationCallServices) => ({
  'case.orderWork': async (input) => {
    const result = await workOrders.order(input.caseId, input.workKind, input.technical);
    central?.engine.nudge();
    return result;
  },
  'case.advanceWorkOrder': (input) => mutate(() => workOrders.advance(input.orderId, input.to)),
}) satisfies DomainHandlers;

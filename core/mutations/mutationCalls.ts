// What the calls that make a mutation are given (each domain module's `…MutationHandlers`): the core's context, the
// services that make a domain's changes, and of the central session only what these calls use — the session itself
// reaches back into the mutations (replay), and the domain modules must not depend on it.
import type { MutationResult } from '../../shared/contract';
import type { CoreContext } from '../context';
import type { AreaSupplierRegisterService } from '../areaSuppliers/areaSupplierRegisterService';
import type { CompanySettingsService } from '../casework/companySettingsService';
import type { QuarantineService } from '../import/quarantineService';
import type { OfferService } from '../offers/offerService';
import type { PriceListService } from '../pricing/priceListService';
import type { WorkOrderService } from '../workOrders/workOrderService';
import type { AssignmentRulesService } from '../workload/assignmentRulesService';

export interface CentralForMutationCalls {
  /** A claim is the service's to grant: asked for at once, not queued. */
  claim(caseId: number): Promise<MutationResult>;
  engine: { nudge(): void };
}

export interface MutationCallServices {
  context: CoreContext;
  /** A local change; with a central server, the engine is told to ship it now. */
  mutate: <T>(apply: () => T) => T;
  central: CentralForMutationCalls | null;
  quarantine: QuarantineService;
  companySettings: CompanySettingsService;
  priceLists: PriceListService;
  offers: OfferService;
  areaSupplierRegister: AreaSupplierRegisterService;
  workOrders: WorkOrderService;
  assignmentRules: AssignmentRulesService;
}

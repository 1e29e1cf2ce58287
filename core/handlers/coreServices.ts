// What the core's handlers are written against: the services createCore builds, once, for one database. Each
// domain's handlers (handlers/*) take what they need from it; createCore merges them into the one table of calls.
import type { UserSummary } from '../../shared/contract';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { CaseDetailService } from '../cases/caseDetailService';
import type { CaseDetailOnDemand } from '../sync/caseDetailOnDemand';
import type { Clock } from '../clock';
import type { CoreContext } from '../context';
import type { LocalDatabase } from '../db/openLocalDatabase';
import type { OutboxService } from '../mutations/outboxService';
import type { CompanySettingsService } from '../casework/companySettingsService';
import type { QuarantineService } from '../import/quarantineService';
import type { QueueService } from '../queue/queueService';
import type { CentralSettingsService } from '../settings/centralSettingsService';
import type { CentralSession } from '../sync/centralSession';
import type { PriceListService } from '../pricing/priceListService';
import type { AreaSupplierRegisterService } from '../areaSuppliers/areaSupplierRegisterService';
import type { WorkOrderService } from '../workOrders/workOrderService';
import type { OfferService } from '../offers/offerService';
import type { OverviewService } from '../overview/overviewService';
import type { AssignmentRulesService } from '../workload/assignmentRulesService';
import type { WorkloadService } from '../workload/workloadService';
import type { PortalFirmsService } from '../portal/portalFirmsService';
import type { SupportRequestsService } from '../portal/supportRequestsService';
import type { AttachmentOutputHost } from '../attachments/attachmentOutput';

export type { DomainHandlers, Handlers } from './handlerTypes';

export interface CoreServices {
  database: LocalDatabase;
  context: CoreContext;
  mode: 'standalone' | 'central';
  clock: Clock;
  /** The shell's: opens, prints and saves files (createCore's CoreHost). */
  host: AttachmentOutputHost & { openFile(absolutePath: string, fileName: string, mimeType: string): Promise<void> };
  currentUser: () => UserSummary;
  /** Today in Oslo, by the core's clock. */
  today: () => string;
  /** Who asks, for the queue's "mine" and its dates. */
  who: () => { userId: string; today: string };
  /** A local change; with a central server, the engine is told to ship it now. */
  mutate: <T>(apply: () => T) => T;
  central: CentralSession | null;
  queue: QueueService;
  caseDetail: CaseDetailService;
  detailOnDemand: CaseDetailOnDemand;
  attachments: AttachmentStore;
  outbox: OutboxService;
  settings: CentralSettingsService;
  quarantine: QuarantineService;
  companySettings: CompanySettingsService;
  priceLists: PriceListService;
  offers: OfferService;
  areaSupplierRegister: AreaSupplierRegisterService;
  workOrders: WorkOrderService;
  workload: WorkloadService;
  assignmentRules: AssignmentRulesService;
  overview: OverviewService;
  portalFirms: PortalFirmsService;
  supportRequests: SupportRequestsService;
}

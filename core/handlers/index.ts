// The core's handlers, merged into the one table of calls: the calls that read (and the system's own) from one module
// per domain here, the calls that make a mutation from the mutation's domain module (mutations/domains/*).
// `mergeDomains` refuses a call two modules both declare, and the table satisfies `Handlers`, so a call of the
// contract without a handler does not build.
import { mergeDomains } from '../../shared/contract/mergeDomains';
import type { CoreServices, Handlers } from './coreServices';
import { sessionHandlers } from './session';
import { queueHandlers } from './queue';
import { caseHandlers } from './cases';
import { caseworkHandlers } from './casework';
import { attachmentsHandlers } from './attachments';
import { syncHandlers } from './sync';
import { settingsHandlers } from './settings';
import { quarantineHandlers } from './quarantine';
import { companySettingsHandlers } from './companySettings';
import { priceListsHandlers } from './priceLists';
import { offersHandlers } from './offers';
import { workOrdersHandlers } from './workOrders';
import { workloadHandlers } from './workload';
import { overviewHandlers } from './overview';
import { billingHandlers } from './billing';
import { portalHandlers } from './portal';
import { areaSupplierMutationHandlers } from '../mutations/domains/areaSuppliers';
import { assignmentRuleMutationHandlers } from '../mutations/domains/assignmentRules';
import { billingFlagMutationHandlers } from '../mutations/domains/billingFlag';
import { caseActionMutationHandlers } from '../mutations/domains/caseActions';
import { claimMutationHandlers } from '../mutations/domains/claims';
import { companySettingsMutationHandlers } from '../mutations/domains/companySettings';
import { completenessMutationHandlers } from '../mutations/domains/completeness';
import { gridAssessmentMutationHandlers } from '../mutations/domains/gridAssessment';
import { informationRequestMutationHandlers } from '../mutations/domains/informationRequest';
import { noteMutationHandlers } from '../mutations/domains/notes';
import { offerMutationHandlers } from '../mutations/domains/offers';
import { ownerPartyMutationHandlers } from '../mutations/domains/ownerParty';
import { priceListMutationHandlers } from '../mutations/domains/priceList';
import { quarantineMutationHandlers } from '../mutations/domains/quarantine';
import { routingMutationHandlers } from '../mutations/domains/routing';
import { workOrderMutationHandlers } from '../mutations/domains/workOrders';

export type { CoreServices, DomainHandlers, Handlers } from './coreServices';

export function coreHandlers(services: CoreServices): Handlers {
  return mergeDomains(
    sessionHandlers(services),
    queueHandlers(services),
    caseHandlers(services),
    caseworkHandlers(services),
    attachmentsHandlers(services),
    syncHandlers(services),
    settingsHandlers(services),
    quarantineHandlers(services),
    companySettingsHandlers(services),
    priceListsHandlers(services),
    offersHandlers(services),
    workOrdersHandlers(services),
    workloadHandlers(services),
    overviewHandlers(services),
    billingHandlers(services),
    portalHandlers(services),
    areaSupplierMutationHandlers(services),
    assignmentRuleMutationHandlers(services),
    billingFlagMutationHandlers(services),
    caseActionMutationHandlers(services),
    claimMutationHandlers(services),
    companySettingsMutationHandlers(services),
    completenessMutationHandlers(services),
    gridAssessmentMutationHandlers(services),
    informationRequestMutationHandlers(services),
    noteMutationHandlers(services),
    offerMutationHandlers(services),
    ownerPartyMutationHandlers(services),
    priceListMutationHandlers(services),
    quarantineMutationHandlers(services),
    routingMutationHandlers(services),
    workOrderMutationHandlers(services),
  ) satisfies Handlers;
}

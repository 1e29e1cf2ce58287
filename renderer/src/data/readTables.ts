// Which change tables each read of the contract depends on: when a change batch names one of them, the queries of
// that read are read again. `perCase` reads (a case's view and its sections) only when their own case is named.
// Commands are null: they are never cached. Typed against every ApiName, so a new call without an entry here
// fails the build.
import type { ApiName, ChangeTable } from '../api/contract';

export interface ReadDependency {
  tables: readonly ChangeTable[];
  /** The input's caseId scopes it: only a batch naming that case (or all cases) reads it again. */
  perCase?: true;
}

const CASE_VIEW: ReadDependency = { tables: ['cases', 'history', 'attachments', 'offers', 'workOrders', 'billing', 'users', 'installers', 'completenessRules'], perCase: true };

export const READS = {
  'session.get': { tables: ['users', 'settings'] },
  'reference.get': { tables: ['users'] },
  'queue.list': { tables: ['cases', 'users', 'offers'] },
  'queue.counts': { tables: ['cases', 'offers'] },
  'queue.fetchNext': null,
  'case.get': CASE_VIEW,
  'case.addNote': null,
  'case.assign': null,
  'case.setStatus': null,
  'case.act': null,
  'attachment.open': null,
  'case.claim': null,
  'case.release': null,
  'sync.status': { tables: ['syncStatus', 'outbox', 'settings'] },
  'outbox.refused': { tables: ['outbox'] },
  'outbox.reapply': null,
  'outbox.dismiss': null,
  'settings.get': { tables: ['settings'] },
  'settings.testCentral': null,
  'settings.saveCentral': null,
  'settings.signOut': null,
  'settings.useStandalone': null,
  'settings.identityProvider': null,
  'settings.signInWithProvider': null,
  'settings.cancelProviderSignIn': null,
  'quarantine.list': { tables: ['quarantine'] },
  'quarantine.get': { tables: ['quarantine'] },
  'quarantine.save': null,
  'quarantine.reimport': null,
  'quarantine.discard': null,
  'case.installerCheck': { tables: ['cases', 'history', 'installers'], perCase: true },
  'case.decideRouting': null,
  'case.completeness': { tables: ['cases', 'history', 'attachments', 'completenessRules'], perCase: true },
  'case.overrideCompletenessItem': null,
  'case.informationRequestDraft': { tables: ['cases', 'history', 'attachments', 'completenessRules', 'companySettings'], perCase: true },
  'case.requestInformation': null,
  'companySettings.get': { tables: ['companySettings'] },
  'companySettings.save': null,
  'offer.list': { tables: ['offers', 'cases'], perCase: true },
  'offer.get': { tables: ['offers', 'priceLists'] },
  'case.createOfferDraft': null,
  'case.saveOfferDraft': null,
  'case.reviseOffer': null,
  'case.issueOffer': null,
  'priceList.list': { tables: ['priceLists'] },
  'priceList.get': { tables: ['priceLists'] },
  'priceList.publish': null,
  'areaSupplier.list': { tables: ['areaSuppliers'] },
  'areaSupplier.save': null,
  'case.workOrders': { tables: ['workOrders', 'cases', 'areaSuppliers', 'attachments'], perCase: true },
  'case.orderWork': null,
  'case.advanceWorkOrder': null,
  'offer.catalogue': { tables: ['priceLists', 'offers'] },
  'attachment.print': null,
  'attachment.saveCopy': null,
  'workload.get': { tables: ['cases', 'users', 'assignmentRules'] },
  // Read when the person asks (showing a handler, after assigning): rows must not move under the keyboard.
  'workload.cases': { tables: [] },
  'case.assignMany': null,
  'assignmentRules.get': { tables: ['assignmentRules', 'users'] },
  'assignmentRules.save': null,
  'overview.get': { tables: ['cases', 'history', 'offers', 'workOrders', 'billing', 'overviewFacts'] },
  'case.billing': { tables: ['billing', 'offers', 'cases', 'workOrders'], perCase: true },
  'billing.resolveFlag': null,
  'portalFirm.list': { tables: ['portalFirms'] },
  'portalFirm.approve': null,
  'portalFirm.refuse': null,
  'supportRequest.list': { tables: ['supportRequests'] },
  'supportRequest.answer': null,
  'supportRequest.openAttachment': null,
  'case.correctOwnerParty': null,
  'case.recordGridAssessment': null,
} as const satisfies Record<ApiName, ReadDependency | null>;

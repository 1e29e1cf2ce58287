// What each call of the contract may change when it runs, so that `dispatch` can publish it after every local
// commit. Reads change nothing ([]). Cases a write touches are published by the write itself (runMutation,
// imports, pulls) and by `dispatch` from the input's caseId; this list adds the tables, including those of writes
// that never pass through runMutation (the central service's portal firms and support requests, settings).
// Typed against every ApiName: a new call without an entry here fails the build.
import type { ApiName, ChangeTable } from '../../shared/contract';

const CASE_WRITE: readonly ChangeTable[] = ['cases', 'history', 'outbox', 'syncStatus'];
const OFFER_WRITE: readonly ChangeTable[] = [...CASE_WRITE, 'offers', 'attachments', 'billing'];

export const CHANGES_BY_CALL = {
  'session.get': [],
  'reference.get': [],
  'queue.list': [],
  'queue.counts': [],
  'queue.fetchNext': CASE_WRITE,
  'case.get': [],
  'case.addNote': CASE_WRITE,
  'case.assign': CASE_WRITE,
  'case.setStatus': CASE_WRITE,
  'case.act': [...CASE_WRITE, 'billing', 'offers', 'workOrders'],
  'attachment.open': ['attachments'],
  'case.claim': CASE_WRITE,
  'case.release': CASE_WRITE,
  'sync.status': [],
  'outbox.refused': [],
  'outbox.reapply': CASE_WRITE,
  'outbox.dismiss': ['outbox', 'syncStatus'],
  'settings.get': [],
  'settings.testCentral': [],
  'settings.saveCentral': ['settings', 'syncStatus'],
  'settings.signOut': ['settings', 'syncStatus'],
  'settings.useStandalone': ['settings', 'syncStatus'],
  'settings.identityProvider': [],
  'settings.signInWithProvider': ['settings', 'syncStatus'],
  'settings.cancelProviderSignIn': [],
  'quarantine.list': [],
  'quarantine.get': [],
  'quarantine.save': ['quarantine', 'outbox', 'syncStatus'],
  'quarantine.reimport': ['quarantine', 'outbox', 'syncStatus', 'cases', 'history', 'attachments'],
  'quarantine.discard': ['quarantine', 'outbox', 'syncStatus'],
  'case.installerCheck': [],
  'case.decideRouting': CASE_WRITE,
  'case.completeness': [],
  'case.overrideCompletenessItem': CASE_WRITE,
  'case.informationRequestDraft': [],
  'case.requestInformation': CASE_WRITE,
  'companySettings.get': [],
  'companySettings.save': ['companySettings', 'outbox', 'syncStatus'],
  'offer.list': [],
  'offer.get': [],
  'case.createOfferDraft': OFFER_WRITE,
  'case.saveOfferDraft': OFFER_WRITE,
  'case.reviseOffer': OFFER_WRITE,
  'case.issueOffer': OFFER_WRITE,
  'priceList.list': [],
  'priceList.get': [],
  'priceList.publish': ['priceLists', 'outbox', 'syncStatus'],
  'areaSupplier.list': [],
  'areaSupplier.save': ['areaSuppliers', 'outbox', 'syncStatus'],
  'case.workOrders': [],
  'case.orderWork': [...CASE_WRITE, 'workOrders', 'attachments'],
  'case.advanceWorkOrder': [...CASE_WRITE, 'workOrders'],
  'offer.catalogue': [],
  'attachment.print': [],
  'attachment.saveCopy': [],
  'workload.get': [],
  'workload.cases': [],
  'case.assignMany': CASE_WRITE,
  'assignmentRules.get': [],
  'assignmentRules.save': ['assignmentRules', 'outbox', 'syncStatus'],
  'overview.get': [],
  'case.billing': [],
  'billing.resolveFlag': [...CASE_WRITE, 'billing'],
  'portalFirm.list': [],
  'portalFirm.approve': ['portalFirms'],
  'portalFirm.refuse': ['portalFirms'],
  'supportRequest.list': [],
  'supportRequest.answer': ['supportRequests'],
  'supportRequest.openAttachment': [],
  'case.correctOwnerParty': CASE_WRITE,
  'case.recordGridAssessment': CASE_WRITE,
} as const satisfies Record<ApiName, readonly ChangeTable[]>;

/** The case a call's input names, if any: its case-scoped reads are read again. */
export function caseIdOf(input: unknown): number | null {
  if (typeof input !== 'object' || input === null || !('caseId' in input)) return null;
  const caseId = (input).caseId;
  return typeof caseId === 'number' ? caseId : null;
}

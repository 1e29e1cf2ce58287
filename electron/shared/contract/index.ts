// The contract between renderer and core: every call across the process boundary, declared once.
// Main (and the browser harness) validate each input with its schema before any service sees it.
import { z } from 'zod';
import type { FetchNextResult, QueueCounts, QueuePage } from './queue';
import { QueueCountsInput, QueueListInput } from './queue';
import type { AttachmentOpenResult, CaseDetail, MutationResult } from './cases';
import { AddNoteInput, AssignInput, AttachmentOpenInput, CaseGetInput, SetStatusInput } from './cases';
import type { ReferenceData, SessionInfo } from './session';
import type { RefusedChange, SyncStatusView } from './sync';
import { OutboxSeqInput } from './sync';
import { CaseActInput } from './caseActions';
import type { CentralSettingsView, ConnectionTestResult, IdentityProviderOffer } from './settings';
import { CentralSignInInput, CentralTestInput, ProviderSignInInput } from './settings';
import type { InstallerCheckView } from './installerCheck';
import { DecideRoutingInput, InstallerCheckInput } from './installerCheck';
import { Empty } from './common';
import type { QuarantineDetail, QuarantineItem, QuarantineList, QuarantineReimportResult } from './quarantine';
import { QuarantineDiscardInput, QuarantineGetInput, QuarantineListInput, QuarantineSaveInput } from './quarantine';
import type { CompletenessView, InformationRequestDraft } from './completeness';
import {
  CompletenessInput,
  InformationRequestDraftInput,
  OverrideCompletenessItemInput,
  RequestInformationInput,
} from './completeness';
import type { CompanySettingsView } from './companySettings';
import { CompanySettingsSaveInput } from './companySettings';
import type { CreateOfferDraftResult, IssueOfferResult, OfferDetail, OfferSummary } from './offers';
import {
  CreateOfferDraftInput, IssueOfferInput, OfferGetInput, OfferListInput, ReviseOfferInput, SaveOfferDraftInput,
} from './offers';
import type { AttachmentPrintResult, AttachmentSaveCopyResult, OfferCatalogue } from './offerOutput';
import { AttachmentPrintInput, AttachmentSaveCopyInput, OfferCatalogueInput } from './offerOutput';
import type { AssignManyResult, AssignmentRulesView, WorkloadCases, WorkloadView } from './workload';
import { AssignManyInput, AssignmentRuleSaveInput, WorkloadCasesInput } from './workload';
import type { Overview } from './overview';
import { OverviewInput } from './overview';
import type { CaseBillingView } from './offerFollowUp';
import { CaseBillingInput, ResolveBillingFlagInput } from './offerFollowUp';
import type { AreaSupplierRegister } from './areaSuppliers';
import { AreaSupplierSaveInput } from './areaSuppliers';
import type { OrderWorkResult, WorkOrderPanel } from './workOrders';
import { AdvanceWorkOrderInput, OrderWorkInput, WorkOrderPanelInput } from './workOrders';
import type { PriceListDetail, PriceListOverview, PriceListVersionSummary } from './priceLists';
import { PriceListGetInput, PriceListPublishInput } from './priceLists';
import type { PortalFirmDecision, PortalFirmsView } from './portalFirms';
import { PortalFirmDecideInput, PortalFirmRefuseInput } from './portalFirms';
import type { SupportAnswerResult, SupportAttachmentOpenResult, SupportRequestsView } from './supportRequests';
import { SupportAnswerInput, SupportAttachmentOpenInput } from './supportRequests';
import { CorrectOwnerPartyInput, RecordGridAssessmentInput } from './ownerParty';
import { API_NAMES, type ApiName } from './names';

interface Call<I extends z.ZodType, O> {
  input: I;
  /** Only a type: outputs come from our own core, inputs from a renderer we do not trust. */
  output?: O;
}
const call = <O>() => <I extends z.ZodType>(input: I): Call<I, O> => ({ input });

export const contract = {
  'session.get': call<SessionInfo>()(Empty),
  'reference.get': call<ReferenceData>()(Empty),
  'queue.list': call<QueuePage>()(QueueListInput),
  'queue.counts': call<QueueCounts>()(QueueCountsInput),
  'queue.fetchNext': call<FetchNextResult>()(Empty),
  'case.get': call<CaseDetail>()(CaseGetInput),
  'case.addNote': call<MutationResult>()(AddNoteInput),
  'case.assign': call<MutationResult>()(AssignInput),
  'case.setStatus': call<MutationResult>()(SetStatusInput),
  'case.act': call<MutationResult>()(CaseActInput),
  'attachment.open': call<AttachmentOpenResult>()(AttachmentOpenInput),
  'case.claim': call<MutationResult>()(CaseGetInput),
  'case.release': call<MutationResult>()(CaseGetInput),
  'sync.status': call<SyncStatusView>()(Empty),
  'outbox.refused': call<RefusedChange[]>()(Empty),
  'outbox.reapply': call<MutationResult>()(OutboxSeqInput),
  'outbox.dismiss': call<{ seq: number }>()(OutboxSeqInput),
  'settings.get': call<CentralSettingsView>()(Empty),
  'settings.testCentral': call<ConnectionTestResult>()(CentralTestInput),
  'settings.saveCentral': call<ConnectionTestResult>()(CentralSignInInput),
  'settings.signOut': call<{ restarting: boolean }>()(Empty),
  'settings.useStandalone': call<{ restarting: boolean }>()(Empty),
  'settings.identityProvider': call<IdentityProviderOffer>()(ProviderSignInInput),
  'settings.signInWithProvider': call<ConnectionTestResult>()(ProviderSignInInput),
  'settings.cancelProviderSignIn': call<{ cancelled: boolean }>()(Empty),
  'quarantine.list': call<QuarantineList>()(QuarantineListInput),
  'quarantine.get': call<QuarantineDetail>()(QuarantineGetInput),
  'quarantine.save': call<QuarantineItem>()(QuarantineSaveInput),
  'quarantine.reimport': call<QuarantineReimportResult>()(QuarantineSaveInput),
  'quarantine.discard': call<QuarantineItem>()(QuarantineDiscardInput),
  'case.installerCheck': call<InstallerCheckView>()(InstallerCheckInput),
  'case.decideRouting': call<MutationResult>()(DecideRoutingInput),
  'case.completeness': call<CompletenessView>()(CompletenessInput),
  'case.overrideCompletenessItem': call<MutationResult>()(OverrideCompletenessItemInput),
  'case.informationRequestDraft': call<InformationRequestDraft>()(InformationRequestDraftInput),
  'case.requestInformation': call<MutationResult>()(RequestInformationInput),
  'companySettings.get': call<CompanySettingsView>()(Empty),
  'companySettings.save': call<CompanySettingsView>()(CompanySettingsSaveInput),
  'offer.list': call<OfferSummary[]>()(OfferListInput),
  'offer.get': call<OfferDetail>()(OfferGetInput),
  'case.createOfferDraft': call<CreateOfferDraftResult & MutationResult>()(CreateOfferDraftInput),
  'case.saveOfferDraft': call<MutationResult>()(SaveOfferDraftInput),
  'case.reviseOffer': call<CreateOfferDraftResult & MutationResult>()(ReviseOfferInput),
  'case.issueOffer': call<IssueOfferResult & MutationResult>()(IssueOfferInput),
  'priceList.list': call<PriceListOverview>()(Empty),
  'priceList.get': call<PriceListDetail>()(PriceListGetInput),
  'priceList.publish': call<PriceListVersionSummary>()(PriceListPublishInput),
  'areaSupplier.list': call<AreaSupplierRegister>()(Empty),
  'areaSupplier.save': call<AreaSupplierRegister>()(AreaSupplierSaveInput),
  'case.workOrders': call<WorkOrderPanel>()(WorkOrderPanelInput),
  'case.orderWork': call<OrderWorkResult & MutationResult>()(OrderWorkInput),
  'case.advanceWorkOrder': call<MutationResult>()(AdvanceWorkOrderInput),
  'offer.catalogue': call<OfferCatalogue>()(OfferCatalogueInput),
  'attachment.print': call<AttachmentPrintResult>()(AttachmentPrintInput),
  'attachment.saveCopy': call<AttachmentSaveCopyResult>()(AttachmentSaveCopyInput),
  'workload.get': call<WorkloadView>()(Empty),
  'workload.cases': call<WorkloadCases>()(WorkloadCasesInput),
  'case.assignMany': call<AssignManyResult>()(AssignManyInput),
  'assignmentRules.get': call<AssignmentRulesView>()(Empty),
  'assignmentRules.save': call<AssignmentRulesView>()(AssignmentRuleSaveInput),
  'overview.get': call<Overview>()(OverviewInput),
  'case.billing': call<CaseBillingView>()(CaseBillingInput),
  'billing.resolveFlag': call<MutationResult>()(ResolveBillingFlagInput),
  'portalFirm.list': call<PortalFirmsView>()(Empty),
  'portalFirm.approve': call<PortalFirmDecision>()(PortalFirmDecideInput),
  'portalFirm.refuse': call<PortalFirmDecision>()(PortalFirmRefuseInput),
  'supportRequest.list': call<SupportRequestsView>()(Empty),
  'supportRequest.answer': call<SupportAnswerResult>()(SupportAnswerInput),
  'supportRequest.openAttachment': call<SupportAttachmentOpenResult>()(SupportAttachmentOpenInput),
  'case.correctOwnerParty': call<MutationResult>()(CorrectOwnerPartyInput),
  'case.recordGridAssessment': call<MutationResult>()(RecordGridAssessmentInput),
} satisfies Record<ApiName, Call<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type InputOf<K extends ApiName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends ApiName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends ApiName> = NonNullable<Contract[K]['output']>;

/** What the preload (or the harness) puts on `window.api`: one typed function per call, nothing else. */
export type WindowApi = { [K in ApiName]: (input: InputOf<K>) => Promise<import('./errors').ApiResult<OutputOf<K>>> };

export { API_NAMES };
export type { ApiName };
export * from './errors';
export * from './changes';
export * from './queue';
export * from './queueDefaults';
export * from './cases';
export * from './messageDelivery';
export * from './session';
export * from './common';
export * from './sync';
export * from './settings';
export * from './installerCheck';
export * from './caseActions';
export * from './quarantine';
export * from './completeness';
export * from './companySettings';
export * from './offers';
export * from './priceLists';
export * from './areaSuppliers';
export * from './workOrders';
export * from './offerOutput';
export * from './workload';
export * from './ownerParty';
export * from './overview';
export * from './offerFollowUp';
export * from './portalFirms';
export * from './supportRequests';
export * from './constructionPower';

// The contract between renderer and core: every call across the process boundary, declared once — in its domain's
// file (`caseCalls` in cases.ts, `offerCalls` in offers.ts, …) and merged here. Main (and the browser harness)
// validate each input with its schema before any service sees it.
import type { z } from 'zod';
import type { Call } from './call';
import { mergeDomains } from './mergeDomains';
import { API_NAMES, type ApiName } from './names';
import { sessionCalls } from './session';
import { queueCalls } from './queue';
import { caseCalls } from './cases';
import { caseActionCalls } from './caseActions';
import { syncCalls } from './sync';
import { settingsCalls } from './settings';
import { quarantineCalls } from './quarantine';
import { installerCheckCalls } from './installerCheck';
import { completenessCalls } from './completeness';
import { companySettingsCalls } from './companySettings';
import { offerCalls } from './offers';
import { priceListCalls } from './priceLists';
import { areaSupplierCalls } from './areaSuppliers';
import { workOrderCalls } from './workOrders';
import { offerOutputCalls } from './offerOutput';
import { workloadCalls } from './workload';
import { overviewCalls } from './overview';
import { offerFollowUpCalls } from './offerFollowUp';
import { portalFirmCalls } from './portalFirms';
import { supportRequestCalls } from './supportRequests';
import { ownerPartyCalls } from './ownerParty';

export const contract = mergeDomains(
  sessionCalls,
  queueCalls,
  caseCalls,
  caseActionCalls,
  syncCalls,
  settingsCalls,
  quarantineCalls,
  installerCheckCalls,
  completenessCalls,
  companySettingsCalls,
  offerCalls,
  priceListCalls,
  areaSupplierCalls,
  workOrderCalls,
  offerOutputCalls,
  workloadCalls,
  overviewCalls,
  offerFollowUpCalls,
  portalFirmCalls,
  supportRequestCalls,
  ownerPartyCalls,
) satisfies Record<ApiName, Call<z.ZodType, unknown>>;

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

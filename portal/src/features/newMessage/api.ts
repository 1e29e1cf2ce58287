// The form's calls to the portal API (service/portal/draftRoutes.ts, lookupRoutes.ts, templateRoutes.ts,
// messageRoutes.ts), on the shell's call().
import type { PortalDraft, PortalDraftForm, PortalListDraftsOutput } from '../../../../shared/portalApi/drafts';
import type {
  PortalCompletenessRulesOutput, PortalListTemplatesOutput, PortalLookupInstallationOutput,
} from '../../../../shared/portalApi/lookup';
import type { PortalMessageRefused, PortalSubmitMessageOutput } from '../../../../shared/portalApi/messages';
import { call } from '../../app/api';

export const newMessageApi = {
  completenessRules: () => call<PortalCompletenessRulesOutput>('GET', '/completeness-rules'),
  templates: () => call<PortalListTemplatesOutput>('GET', '/templates'),
  lookupByMeteringPoint: (meteringPointId: string) =>
    call<PortalLookupInstallationOutput>('GET', `/installations?${new URLSearchParams({ meteringPointId })}`),
  lookupByAddress: (address: string, postcode: string) =>
    call<PortalLookupInstallationOutput>('GET', `/installations?${new URLSearchParams({ address, postcode })}`),
  listDrafts: () => call<PortalListDraftsOutput>('GET', '/drafts'),
  saveDraft: (form: PortalDraftForm, id?: string) => call<PortalDraft>('POST', '/drafts', id ? { id, form } : { form }),
  deleteDraft: (id: string) => call<{ ok: true }>('DELETE', `/drafts/${encodeURIComponent(id)}`),
  send: (message: Record<string, unknown>) => call<PortalSubmitMessageOutput>('POST', '/messages', message),
};

/** Where a template is downloaded (public, so a plain link). */
export const templateHref = (name: string) => `/api/portal/templates/${encodeURIComponent(name)}`;

export type { PortalMessageRefused };

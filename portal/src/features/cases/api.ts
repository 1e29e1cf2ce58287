// The case pages' calls: the firm's cases, one case, a file of it, and the answers sent through portalSubmitMessage.
import type { PortalCase, PortalListCasesOutput, PortalListCasesQuery } from '../../../../shared/portalApi/cases';
import type { PortalSubmitMessageOutput } from '../../../../shared/portalApi/messages';
import { call, downloadFile } from '../../app/api';

export type CaseFilter = NonNullable<PortalListCasesQuery['state']>;

function listQuery(query: PortalListCasesQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const caseFileHref = (caseNumber: string, id: number) =>
  `/api/portal/cases/${encodeURIComponent(caseNumber)}/attachments/${id}`;

/** A message the portal sends for a case: the import format's supplement or completion notice. */
export type CaseMessage = Record<string, unknown> & { kind: 'supplement' | 'completion_notice'; caseNumber: string };

export const casesApi = {
  list: (query: PortalListCasesQuery) => call<PortalListCasesOutput>('GET', `/cases${listQuery(query)}`),
  get: (caseNumber: string) => call<PortalCase>('GET', `/cases/${encodeURIComponent(caseNumber)}`),
  send: (message: CaseMessage) => call<PortalSubmitMessageOutput>('POST', '/messages', message),
  /** A file of the case, saved by the browser; false when it could not be fetched. */
  download: async (caseNumber: string, id: number, fileName: string): Promise<boolean> =>
    (await downloadFile(caseFileHref(caseNumber, id), fileName)).ok,
};

// The case pages' calls: the firm's cases, one case, a file of it, and the answers sent through portalSubmitMessage.
import type { PortalCase, PortalListCasesOutput, PortalListCasesQuery } from '../../../../electron/shared/portalApi/cases';
import type { PortalSubmitMessageOutput } from '../../../../electron/shared/portalApi/messages';
import { call } from '../../app/api';

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
  /**
   * A file of the case, saved by the browser: fetched on the session cookie and handed over as a download, so that
   * a missing file or an ended session is told on the page instead of as a browser error page.
   */
  async download(caseNumber: string, id: number, fileName: string): Promise<boolean> {
    const response = await fetch(caseFileHref(caseNumber, id), { credentials: 'same-origin', cache: 'no-store' }).catch(() => null);
    if (!response?.ok) return false;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  },
};

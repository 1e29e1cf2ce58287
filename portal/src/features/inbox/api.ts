// The inbox's calls (service/portal/inboxRoutes.ts): the firm's messages from the grid company, and reading one.
import type { PortalListInboxOutput, PortalMarkReadOutput } from '../../../../shared/portalApi/inbox';
import { call } from '../../app/api';

export const inboxApi = {
  list: () => call<PortalListInboxOutput>('GET', '/inbox'),
  markRead: (id: string) => call<PortalMarkReadOutput>('POST', `/inbox/${encodeURIComponent(id)}/read`),
};

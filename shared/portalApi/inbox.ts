// The firm's inbox in the portal (issue 12, item 6): what the grid company wrote to the installer on the firm's
// cases — requests for information, answers, start messages — newest first with the unread ones on top
// (GET /api/portal/inbox, portalListInbox), and the first reading recorded (POST /api/portal/inbox/:id/read,
// portalMarkRead). Work orders go to an area supplier, not to the installer's inbox.
import { z } from 'zod';

/** What the grid company writes to the installer (domain.ts OUTGOING_MESSAGE_KINDS but the area supplier's work order). */
export const PORTAL_INBOX_KINDS = ['information_request', 'approval', 'rejection', 'developer_referral', 'start_approval',
  'withdrawal', 'cancellation', 'closure', 'completion_refused'] as const;
export const PortalInboxKind = z.enum(PORTAL_INBOX_KINDS);
export type PortalInboxKind = z.infer<typeof PortalInboxKind>;

/** The most messages one answer lists (newest first after the unread ones). */
export const PORTAL_INBOX_LIMIT = 500;

export const PortalInboxMessage = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  kind: PortalInboxKind,
  subject: z.string(),
  body: z.string(),
  /** The completeness items a request for information names (item codes; the portal shows them in words). */
  items: z.array(z.string()),
  /** When the grid company sent it: it was in the inbox from then on. */
  sentAt: z.string(),
  /** When someone of the firm first read it; null while unread. */
  readAt: z.string().nullable(),
});
export type PortalInboxMessage = z.infer<typeof PortalInboxMessage>;

export const PortalListInboxOutput = z.object({
  unread: z.number().int().min(0),
  messages: z.array(PortalInboxMessage),
});
export type PortalListInboxOutput = z.infer<typeof PortalListInboxOutput>;

/** Any text: an id that is not a message of the firm's (malformed included) is answered 404 alike. */
export const PortalInboxMessageParams = z.object({ id: z.string().max(100) });

export const PortalMarkReadOutput = z.object({
  id: z.uuid(),
  /** The first reading's time (an earlier one stays). */
  readAt: z.string(),
});
export type PortalMarkReadOutput = z.infer<typeof PortalMarkReadOutput>;

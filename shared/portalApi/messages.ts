// Sending a message through the portal (issue 12, item 2): POST /api/portal/messages, operationId
// portalSubmitMessage. The body is the import format's message (docs/import-format.md; the zod schema is the
// importer's, core/import/incomingMessage.ts, which the service validates it with), its attachments inline
// in base64. The answer names the case: the new one, or for a supplement or completion notice the case it went to.
import { z } from 'zod';

/** The attachment types the portal takes, sniffed from the content. */
export const PORTAL_ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type PortalAttachmentType = (typeof PORTAL_ATTACHMENT_TYPES)[number];

const MiB = 1024 * 1024;

export const PORTAL_MESSAGE_LIMITS = {
  /** One attachment's content (as the importer's limit). */
  attachmentBytes: 20 * MiB,
  /** All attachments of one message together. */
  messageBytes: 50 * MiB,
  /** The request body: the attachments in base64 (4/3) and 1 MiB for the rest. */
  bodyBytes: Math.ceil((50 * MiB) / 3) * 4 + MiB,
  /** A message id as the firm gives it; the service keeps it as `<org number>:<id>`, unique per firm. */
  messageIdLength: 89,
} as const;

export const PortalSubmitMessageOutput = z.object({
  /** The case the message made, or went to. */
  caseNumber: z.string(),
  /** The same message had been sent before (same id, same content): nothing changed. */
  duplicate: z.boolean(),
});
export type PortalSubmitMessageOutput = z.infer<typeof PortalSubmitMessageOutput>;

/** Why a message was not taken: the importer's reasons, a path into the message and a stable code each. */
export const PortalMessageReason = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type PortalMessageReason = z.infer<typeof PortalMessageReason>;

export const PortalMessageRefused = z.object({
  code: z.string(),
  message: z.string(),
  /** Absent when the request was refused before its message was read (a body over the limit, not JSON). */
  reasons: z.array(PortalMessageReason).optional(),
});
export type PortalMessageRefused = z.infer<typeof PortalMessageRefused>;

// Support requests from installers to the grid company (issue 12, item 3) and the staff's answer. A signed-in user
// asks for the firm (POST/GET /api/portal/support); someone who cannot log in asks from the login page
// (POST /api/portal/support/public); case handlers and supervisors list and answer them from the desk
// (/api/portal/support-requests). The firm reads the answer in the portal and is told by e-mail.
import { z } from 'zod';
import { OrganisationNumber, PortalEmail } from './index';
import { PORTAL_ATTACHMENT_TYPES } from './messages';

/** What installers ask grid companies about, most asked first; `other` for the rest. */
export const SUPPORT_CATEGORIES = [
  'login', 'message_form', 'completion_notice', 'construction_power_billing', 'construction_power_reading', 'other',
] as const;
export const PortalSupportCategory = z.enum(SUPPORT_CATEGORIES);
export type PortalSupportCategory = z.infer<typeof PortalSupportCategory>;

/** The category whose request names a meter and its reading. */
export const READING_CATEGORY: PortalSupportCategory = 'construction_power_reading';

export const PortalSupportState = z.enum(['open', 'closed']);
export type PortalSupportState = z.infer<typeof PortalSupportState>;

const MiB = 1024 * 1024;
export const SUPPORT_LIMITS = {
  textLength: 4000,
  /** One attachment: a photo of the meter or a screenshot, not a drawing set. */
  attachmentBytes: 10 * MiB,
  /** The request body: the attachment in base64 (4/3) and 64 KiB for the rest. */
  bodyBytes: Math.ceil((10 * MiB) / 3) * 4 + 64 * 1024,
} as const;

const Text = z.string().trim().min(1).max(SUPPORT_LIMITS.textLength);
/** Norwegian numbers have 8 digits; +47 or another country's prefix may come first. */
export const ContactPhone = z.string().trim().regex(/^\+?[0-9 ]{8,20}$/);
/** As printed on the meter: digits, sometimes letters and dashes. */
export const MeterNumber = z.string().trim().regex(/^[0-9A-Za-z-]{1,30}$/);

export const PortalSupportAttachment = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** The type is sniffed from the content (PDF, JPEG or PNG); a name saying otherwise is refused. */
  contentBase64: z.string().min(4).max(Math.ceil(SUPPORT_LIMITS.attachmentBytes / 3) * 4).regex(/^[A-Za-z0-9+/]+={0,2}$/),
});

export const PortalSubmitSupportInput = z.object({
  category: PortalSupportCategory,
  /** One of the firm's own cases; any other number is answered as not found. */
  caseNumber: z.string().trim().min(1).max(40).optional(),
  meterNumber: MeterNumber.optional(),
  /** kWh as read on the cabinet's meter. */
  meterReading: z.number().nonnegative().max(99_999_999_999).optional(),
  text: Text,
  contactPhone: ContactPhone,
  attachment: PortalSupportAttachment.optional(),
}).refine((input) => input.category === READING_CATEGORY || (input.meterNumber === undefined && input.meterReading === undefined), {
  path: ['meterNumber'], message: 'A meter number and reading belong to a request about a reading.',
});
export type PortalSubmitSupportInput = z.infer<typeof PortalSubmitSupportInput>;

/** A request as the firm sees it, with the grid company's answer once given. */
export const PortalSupportRequest = z.object({
  id: z.uuid(),
  category: PortalSupportCategory,
  caseNumber: z.string().nullable(),
  meterNumber: z.string().nullable(),
  meterReading: z.number().nullable(),
  text: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  attachment: z.object({ fileName: z.string(), type: z.enum(PORTAL_ATTACHMENT_TYPES) }).nullable(),
  createdAt: z.string(),
  state: PortalSupportState,
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type PortalSupportRequest = z.infer<typeof PortalSupportRequest>;

export const PortalSubmitSupportOutput = z.object({ request: PortalSupportRequest });
export const PortalListSupportOutput = z.object({ requests: z.array(PortalSupportRequest) });
export type PortalListSupportOutput = z.infer<typeof PortalListSupportOutput>;

/** Signed out: who cannot log in says who they are and what happens; nothing tells whether the address is known. */
export const PortalPublicSupportInput = z.object({
  email: PortalEmail,
  organisationNumber: OrganisationNumber,
  text: Text,
  contactPhone: ContactPhone.optional(),
});
export type PortalPublicSupportInput = z.infer<typeof PortalPublicSupportInput>;
export const PortalPublicSupportOutput = z.object({ received: z.literal(true) });

/** A request as the staff see it: who asked, signed in or not, and who answered. */
export const PortalStaffSupportRequest = PortalSupportRequest.extend({
  /** Null when asked signed out. */
  firm: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  organisationNumber: z.string(),
  /** Asked by a signed-in user of the firm (its address is contactEmail); false: from the login page, unverified. */
  signedIn: z.boolean(),
  answeredBy: z.string().nullable(),
});
export type PortalStaffSupportRequest = z.infer<typeof PortalStaffSupportRequest>;

export const PortalStaffSupportQuery = z.object({ state: PortalSupportState.optional() });
export const PortalStaffSupportOutput = z.object({ requests: z.array(PortalStaffSupportRequest) });
export type PortalStaffSupportOutput = z.infer<typeof PortalStaffSupportOutput>;

export const PortalSupportIdParams = z.object({ id: z.uuid() });
export const PortalAnswerSupportInput = z.object({ answer: Text });
export type PortalAnswerSupportInput = z.infer<typeof PortalAnswerSupportInput>;
export const PortalAnswerSupportOutput = z.object({ request: PortalStaffSupportRequest, noticeSent: z.boolean() });

/** The file a request came with, for the staff to open (its type as sniffed when it was sent). */
export const PortalSupportAttachmentOutput = z.object({
  fileName: z.string(),
  type: z.enum(PORTAL_ATTACHMENT_TYPES),
  contentBase64: z.string(),
});

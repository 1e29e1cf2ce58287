// Henvendelser (case handlers and supervisors): the installers' support requests from the portal and the answer
// that closes each. Online only — the central service holds them; the desk asks it every time the screen opens.
import { z } from 'zod';
import { call, type DomainCalls } from './call';
import { Empty } from './common';

/** As the portal's categories (shared/portalApi/support.ts). */
export type SupportCategory =
  | 'login' | 'message_form' | 'completion_notice' | 'construction_power_billing' | 'construction_power_reading' | 'other';

/** The answer goes to the installer as written: words they read, not a code. */
export const SUPPORT_ANSWER_MAX = 4000;
export const SupportAnswerInput = z
  .object({ requestId: z.uuid(), answer: z.string().trim().min(1).max(SUPPORT_ANSWER_MAX) })
  .strict();
export type SupportAnswerInput = z.infer<typeof SupportAnswerInput>;

export const SupportAttachmentOpenInput = z.object({ requestId: z.uuid() }).strict();

export interface SupportRequestView {
  id: string;
  category: SupportCategory;
  /** The firm that asked signed in; null for a request from the login page (only what they typed is known). */
  firm: { id: string; name: string } | null;
  organisationNumber: string;
  contactEmail: string;
  contactPhone: string | null;
  /** The case asked about; caseId where this desk's cache has it (a link opens it). */
  case: { caseNumber: string; caseId: number | null } | null;
  meterNumber: string | null;
  /** kWh. */
  meterReading: number | null;
  text: string;
  attachmentName: string | null;
  createdAt: string;
  state: 'open' | 'closed';
  answer: string | null;
  answeredAt: string | null;
  answeredBy: { id: string; displayName: string } | null;
}

export interface SupportRequestsView {
  /** Waiting for an answer, oldest first. */
  open: SupportRequestView[];
  /** Answered, the latest first. */
  answered: SupportRequestView[];
  fetchedAt: string;
}

export interface SupportAnswerResult {
  requestId: string;
  /** Whether the e-mail notice to the installer went out (the answer is in the portal either way). */
  noticeSent: boolean;
}

export interface SupportAttachmentOpenResult {
  requestId: string;
  fileName: string;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const supportRequestCalls = {
  'supportRequest.list': call<SupportRequestsView>()(Empty),
  'supportRequest.answer': call<SupportAnswerResult>()(SupportAnswerInput),
  'supportRequest.openAttachment': call<SupportAttachmentOpenResult>()(SupportAttachmentOpenInput),
} satisfies DomainCalls;

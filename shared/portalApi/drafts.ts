// Drafts of a message in the portal (issue 12, item 2): the "Ny melding" form as the installer left it, kept on the
// server per firm and user (portal_drafts, migration 0021) so that it survives a reload and can be resumed on another
// device. The form's values only: an attachment is kept as its kind, name and size (the form asks for the file
// again), never its content — see 0021 for why. Operations portalListDrafts, portalSaveDraft, portalDeleteDraft.
import { z } from 'zod';
import { ATTACHMENT_KINDS, REQUEST_TYPES } from '../rules';

export const DRAFT_LIMITS = {
  /** Form fields (named by their path in the message, e.g. `installation.address`). */
  values: 120,
  valueLength: 4_000,
  attachments: 20,
  /** Drafts one user keeps; the oldest must be deleted (or sent) before another is started. */
  perUser: 50,
  /** The form as JSON, in characters (the table's check allows 256 KiB). */
  formJson: 200_000,
} as const;

/** One attachment the draft had: what it was, so that the form can ask for it again. */
export const PortalDraftAttachment = z.strictObject({
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string().trim().min(1).max(200),
  bytes: z.int().min(0),
});
export type PortalDraftAttachment = z.infer<typeof PortalDraftAttachment>;

export const PortalDraftForm = z.strictObject({
  requestType: z.enum(REQUEST_TYPES),
  /** The form's fields as typed: text or a checkbox, by the field's path in the import format's message. */
  values: z
    .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]{0,79}$/), z.union([z.string().max(DRAFT_LIMITS.valueLength), z.boolean()]))
    .refine((values) => Object.keys(values).length <= DRAFT_LIMITS.values, { message: `at most ${DRAFT_LIMITS.values} fields` }),
  attachments: z.array(PortalDraftAttachment).max(DRAFT_LIMITS.attachments),
}).refine((form) => JSON.stringify(form).length <= DRAFT_LIMITS.formJson, { message: `at most ${DRAFT_LIMITS.formJson} characters` });
export type PortalDraftForm = z.infer<typeof PortalDraftForm>;

export const PortalDraft = z.object({
  id: z.uuid(),
  /** What the list shows: the address typed so far (empty before one is). */
  title: z.string(),
  form: PortalDraftForm,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PortalDraft = z.infer<typeof PortalDraft>;

export const PortalListDraftsOutput = z.object({ drafts: z.array(PortalDraft) });
export type PortalListDraftsOutput = z.infer<typeof PortalListDraftsOutput>;

/** Without an id a new draft is made; with one, the user's own draft of that id is replaced (404 otherwise). */
export const PortalSaveDraftInput = z.strictObject({ id: z.uuid().optional(), form: PortalDraftForm });
export type PortalSaveDraftInput = z.infer<typeof PortalSaveDraftInput>;

export const PortalDraftIdParams = z.object({ id: z.uuid() });

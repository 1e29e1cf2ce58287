// The installers' portal API (issue 12): zod schemas shared by the central service (validation and its OpenAPI
// document) and, later, the portal web app. Firms and users: applications, the grid company's decision, sign-in,
// the firm's administration of its colleagues, password reset and invitations.
import { z } from 'zod';

/** Addresses are compared lower-case; the service lower-cases what it is given. */
export const PortalEmail = z.email().max(254);
/** At least 10 characters; argon2id takes any length, the limit only bounds the work an attacker can ask for. */
export const PortalPassword = z.string().min(10).max(200);
/** Nine digits (spaces allowed); the check digit is checked by the service (rules/identifiers). */
export const OrganisationNumber = z.string().max(20).regex(/^[0-9 ]+$/);
/** A token from a link or a login: base64url. */
export const PortalToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

export const PortalFirmState = z.enum(['applied', 'approved', 'refused']);
export type PortalFirmState = z.infer<typeof PortalFirmState>;

export const PortalApplyInput = z.object({
  organisationNumber: OrganisationNumber,
  contactEmail: PortalEmail,
  /** The firm's first user, who becomes its administrator. */
  user: z.object({ email: PortalEmail, name: z.string().trim().max(200).optional(), password: PortalPassword }),
});
export type PortalApplyInput = z.infer<typeof PortalApplyInput>;

export const PortalApplyOutput = z.object({
  id: z.uuid(),
  organisationNumber: z.string(),
  /** As DSB's register names the firm. */
  name: z.string(),
  state: z.literal('applied'),
});
export type PortalApplyOutput = z.infer<typeof PortalApplyOutput>;

export const PortalFirm = z.object({
  id: z.uuid(),
  organisationNumber: z.string(),
  name: z.string(),
  contactEmail: z.string(),
  state: PortalFirmState,
  refusalReason: z.string().nullable(),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** The user who applied with the firm: its first administrator. */
  firstUser: z.object({ name: z.string(), email: z.string() }).nullable(),
});
export type PortalFirm = z.infer<typeof PortalFirm>;

export const PortalListFirmsQuery = z.object({ state: PortalFirmState.optional() });
export const PortalListFirmsOutput = z.object({ firms: z.array(PortalFirm) });
export type PortalListFirmsOutput = z.infer<typeof PortalListFirmsOutput>;

export const PortalFirmIdParams = z.object({ id: z.uuid() });
export const PortalRefuseInput = z.object({ reason: z.string().trim().min(1).max(2000) });
export const PortalDecisionOutput = z.object({ id: z.uuid(), state: PortalFirmState });

export const PortalLoginInput = z.object({ email: PortalEmail, password: z.string().min(1).max(200) });
export type PortalLoginInput = z.infer<typeof PortalLoginInput>;

export const PortalUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  /** Invited and not yet chosen a password. */
  invited: z.boolean(),
  createdAt: z.string(),
});
export type PortalUser = z.infer<typeof PortalUser>;

export const PortalMe = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), isAdmin: z.boolean(), mustChangePassword: z.boolean() }),
  firm: z.object({ id: z.uuid(), name: z.string(), organisationNumber: z.string() }),
  expiresAt: z.string(),
  /** For the browser's cookie session: sent back in `x-csrf-token` on every request that changes something. */
  csrfToken: z.string(),
});
export type PortalMe = z.infer<typeof PortalMe>;

export const PortalLoginOutput = PortalMe.extend({ token: z.string() });
export type PortalLoginOutput = z.infer<typeof PortalLoginOutput>;

export const PortalListUsersOutput = z.object({ users: z.array(PortalUser) });
export type PortalListUsersOutput = z.infer<typeof PortalListUsersOutput>;

export const PortalAddUserInput = z.object({
  email: PortalEmail,
  name: z.string().trim().max(200).optional(),
  isAdmin: z.boolean().optional(),
  /** Given: the user signs in with it and is asked to choose another. Omitted: an invitation link is e-mailed. */
  temporaryPassword: PortalPassword.optional(),
});
export type PortalAddUserInput = z.infer<typeof PortalAddUserInput>;

export const PortalAddUserOutput = z.object({ user: PortalUser, invitationSent: z.boolean() });
export const PortalUserIdParams = z.object({ id: z.uuid() });
export const PortalUserOutput = z.object({ user: PortalUser });

export const PortalChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: PortalPassword });
export const PortalResetRequestInput = z.object({ email: PortalEmail });
export const PortalResetCompleteInput = z.object({ token: PortalToken, password: PortalPassword });
export const PortalOk = z.object({ ok: z.literal(true) });

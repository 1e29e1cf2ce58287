// Installatørfirmaer (supervisors only): the firms that applied for access to the installers' portal, and the
// decision on each. Online only — the central service holds the applications; the desk asks it every time.
import { z } from 'zod';
import type { DsbStatus } from '../rules/domain';
import { call, type DomainCalls } from './call';
import { Empty } from './common';

export const PortalFirmId = z.uuid();

export const PortalFirmDecideInput = z.object({ firmId: PortalFirmId }).strict();
export type PortalFirmDecideInput = z.infer<typeof PortalFirmDecideInput>;

/** The reason goes to the firm as written: words it reads, not a code. */
export const PORTAL_REFUSAL_REASON_MAX = 2000;
export const PortalFirmRefuseInput = z
  .object({ firmId: PortalFirmId, reason: z.string().trim().min(1).max(PORTAL_REFUSAL_REASON_MAX) })
  .strict();
export type PortalFirmRefuseInput = z.infer<typeof PortalFirmRefuseInput>;

export type PortalFirmState = 'applied' | 'approved' | 'refused';

export interface PortalFirmView {
  id: string;
  /** As DSB's register names the firm. */
  name: string;
  /** Nine digits. */
  organisationNumber: string;
  contactEmail: string;
  /** The firm's first user (its administrator), where the service tells it. */
  firstUser: { name: string; email: string } | null;
  /** The firm in DSB's register as this desk's copy has it now; null when it is not there. */
  dsb: { status: DsbStatus; asOf: string } | null;
  state: PortalFirmState;
  appliedAt: string;
  decidedAt: string | null;
  /** Who decided: their user id, and their name where the desk knows the person. */
  decidedBy: { id: string; displayName: string } | null;
  refusalReason: string | null;
}

export interface PortalFirmsView {
  /** Open applications, oldest first (the first to decide). */
  applied: PortalFirmView[];
  /** Decided firms, the latest decision first. */
  decided: PortalFirmView[];
  /** When the service answered (ISO timestamp). */
  fetchedAt: string;
}

export interface PortalFirmDecision {
  firmId: string;
  state: PortalFirmState;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const portalFirmCalls = {
  'portalFirm.list': call<PortalFirmsView>()(Empty),
  'portalFirm.approve': call<PortalFirmDecision>()(PortalFirmDecideInput),
  'portalFirm.refuse': call<PortalFirmDecision>()(PortalFirmRefuseInput),
} satisfies DomainCalls;

// Installatørfirmaer: the firms' applications for the installers' portal and a supervisor's decision on each. The
// central service holds them and decides; this asks it on each call (no copy is kept, nothing waits in the outbox)
// and adds what the desk's cache knows: the firm in DSB's register, and the name of the person who decided.
import type Database from 'better-sqlite3';
import {
  AppFailure,
  type PortalFirmDecision,
  type PortalFirmView,
  type PortalFirmsView,
  type UserSummary,
} from '../../shared/contract';
import { DSB_STATUSES, type DsbStatus } from '../../shared/rules/domain';
import type { PortalFirmAnswer, ServiceConnection } from '../service/serviceConnection';
import { ServiceRefusal, ServiceUnreachable } from '../service/serviceHttp';

/** What the service needs of the sync engine: its connection, beside a running pull, or a failure when offline. */
export interface OnlineRunner {
  alongside<T>(operation: (service: ServiceConnection) => Promise<T>): Promise<T>;
}

export interface PortalFirmsDeps {
  sqlite: Database.Database;
  /** Null standalone: there is no service to ask. */
  central: OnlineRunner | null;
  currentUser: () => UserSummary;
  now: () => Date;
}

/**
 * A failed call to the service, as the renderer's codes: not reachable (or signed out) → `central.offline`; a
 * supervisor's role missing → `permission.denied`; decided already or gone → `central.refused` with a reason.
 */
export function portalFailure(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error;
  if (error instanceof ServiceRefusal) {
    if (error.status === 401) return new AppFailure({ code: 'central.offline', params: { reason: 'signedOut' } });
    if (error.status === 403) return new AppFailure({ code: 'permission.denied' });
    if (error.code === 'portal.alreadyDecided') return new AppFailure({ code: 'central.refused', params: { reason: 'portalAlreadyDecided' } });
    if (error.code === 'portal.firmMissing') return new AppFailure({ code: 'central.refused', params: { reason: 'portalFirmMissing' } });
    // A service without the portal's routes answers 404 on the list itself.
    if (error.status === 404) return new AppFailure({ code: 'central.refused', params: { reason: 'portalNotOffered' } });
    if (error.status === 429) return new AppFailure({ code: 'central.offline', params: { reason: 'timeout' } });
    return new AppFailure({ code: 'central.refused', params: { reason: 'invalid' } });
  }
  if (error instanceof ServiceUnreachable) return new AppFailure({ code: 'central.offline', params: { reason: error.reason } });
  // The engine has no connection (offline), or the answer did not have the expected shape.
  return new AppFailure({ code: 'central.offline', params: { reason: 'connectionLost' } });
}

export class PortalFirmsService {
  constructor(private readonly deps: PortalFirmsDeps) {}

  async list(): Promise<PortalFirmsView> {
    const firms = await this.online((service) => service.portalFirms());
    const views = firms.map((firm) => this.viewOf(firm));
    const applied = views.filter((f) => f.state === 'applied').sort((a, b) => a.appliedAt.localeCompare(b.appliedAt));
    const decided = views
      .filter((f) => f.state !== 'applied')
      .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '') || a.name.localeCompare(b.name, 'nb'));
    return { applied, decided, fetchedAt: this.deps.now().toISOString() };
  }

  async approve(firmId: string): Promise<PortalFirmDecision> {
    const state = await this.online((service) => service.approvePortalFirm(firmId));
    return { firmId, state };
  }

  async refuse(firmId: string, reason: string): Promise<PortalFirmDecision> {
    const state = await this.online((service) => service.refusePortalFirm(firmId, reason.trim()));
    return { firmId, state };
  }

  /** Supervisors only (the service checks again); standalone there is nothing to ask. */
  private async online<T>(operation: (service: ServiceConnection) => Promise<T>): Promise<T> {
    const { central, currentUser } = this.deps;
    if (!central) throw new AppFailure({ code: 'central.offline', params: { reason: 'standalone' } });
    if (currentUser().role !== 'supervisor') throw new AppFailure({ code: 'permission.denied' });
    try {
      return await central.alongside(operation);
    } catch (error) {
      throw portalFailure(error);
    }
  }

  private viewOf(firm: PortalFirmAnswer): PortalFirmView {
    const { sqlite } = this.deps;
    const dsbRow = sqlite
      .prepare('SELECT status, as_of FROM dsb_register WHERE organisation_number = ?')
      .get(firm.organisationNumber) as { status: string; as_of: string } | undefined;
    // Only the register's known statuses are shown as such; anything else counts as not there.
    const dsb = dsbRow && (DSB_STATUSES as readonly string[]).includes(dsbRow.status)
      ? { status: dsbRow.status as DsbStatus, asOf: dsbRow.as_of }
      : null;
    const decider = firm.decidedBy === null
      ? null
      : ((sqlite.prepare('SELECT display_name FROM users WHERE id = ?').get(firm.decidedBy) as { display_name: string } | undefined)
          ?.display_name ?? firm.decidedBy);
    return {
      id: firm.id,
      name: firm.name,
      organisationNumber: firm.organisationNumber,
      contactEmail: firm.contactEmail,
      firstUser: firm.firstUser ?? null,
      dsb,
      state: firm.state,
      appliedAt: firm.appliedAt,
      decidedAt: firm.decidedAt,
      decidedBy: firm.decidedBy === null ? null : { id: firm.decidedBy, displayName: decider ?? firm.decidedBy },
      refusalReason: firm.refusalReason,
    };
  }
}

// The desk's portal-firm calls without a service: the failures said as the renderer's codes, and the checks made
// before the service is asked (standalone, a supervisor's role).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppFailure, type UserSummary } from '../../shared/contract';
import { PortalFirmsService, portalFailure, type OnlineRunner } from '../../core/portal/portalFirmsService';
import { ServiceRefusal, ServiceUnreachable } from '../../core/service/serviceHttp';

const codeOf = (error: unknown) => (error as AppFailure).appError;

describe('portalFailure', () => {
  it('sorts the service’s answers into the renderer’s codes', () => {
    expect(codeOf(portalFailure(new ServiceUnreachable('timeout')))).toEqual({ code: 'central.offline', params: { reason: 'timeout' } });
    expect(codeOf(portalFailure(new Error('Connection terminated')))).toEqual({ code: 'central.offline', params: { reason: 'connectionLost' } });
    expect(codeOf(portalFailure(new ServiceRefusal(401, 'auth.signedOut', '')))).toEqual({ code: 'central.offline', params: { reason: 'signedOut' } });
    expect(codeOf(portalFailure(new ServiceRefusal(403, 'notPermitted', '')))).toEqual({ code: 'permission.denied' });
    expect(codeOf(portalFailure(new ServiceRefusal(409, 'portal.alreadyDecided', '')))).toEqual({ code: 'central.refused', params: { reason: 'portalAlreadyDecided' } });
    expect(codeOf(portalFailure(new ServiceRefusal(404, 'portal.firmMissing', '')))).toEqual({ code: 'central.refused', params: { reason: 'portalFirmMissing' } });
    expect(codeOf(portalFailure(new ServiceRefusal(404, 'notFound', '')))).toEqual({ code: 'central.refused', params: { reason: 'portalNotOffered' } });
    const own = new AppFailure({ code: 'internal' });
    expect(portalFailure(own)).toBe(own);
  });
});

describe('PortalFirmsService', () => {
  const supervisor: UserSummary = { id: 'sara', displayName: 'Sara Berg', role: 'supervisor' };
  const handler: UserSummary = { id: 'henrik', displayName: 'Henrik', role: 'case_handler' };
  const offline: OnlineRunner = { alongside: () => Promise.reject(new Error('Connection terminated')) };
  const make = (central: OnlineRunner | null, user: UserSummary) =>
    new PortalFirmsService({ sqlite: new Database(':memory:'), central, currentUser: () => user, now: () => new Date() });

  it('standalone: needs the central service', async () => {
    await expect(make(null, supervisor).list()).rejects.toMatchObject({ appError: { code: 'central.offline', params: { reason: 'standalone' } } });
  });

  it('offline: says the connection is lost', async () => {
    await expect(make(offline, supervisor).approve('x')).rejects.toMatchObject({ appError: { code: 'central.offline', params: { reason: 'connectionLost' } } });
  });

  it('asks nothing of the service for someone who is not a supervisor', async () => {
    let asked = false;
    const runner: OnlineRunner = { alongside: () => { asked = true; return Promise.reject(new Error('no')); } };
    await expect(make(runner, handler).refuse('x', 'Nei')).rejects.toMatchObject({ appError: { code: 'permission.denied' } });
    expect(asked).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { checkInstaller, type CheckInstallerInput, type PrequalificationPeriod } from '../../shared/rules';

const TODAY = '2025-06-10';
const supplier = { id: 7, name: 'Agder Elektro Entreprenør AS' };
const meterPrequalification: PrequalificationPeriod = { category: 'direct_meter', validFrom: '2024-01-01', validTo: '2026-12-31' };

function check(overrides: Partial<CheckInstallerInput> = {}) {
  return checkInstaller({
    today: TODAY,
    dsb: { status: 'active', asOf: '2025-06-01' },
    prequalifications: [meterPrequalification],
    work: ['direct_meter_mounting'],
    areaSupplierFor: () => supplier,
    ...overrides,
  });
}
const only = (result: ReturnType<typeof check>) => result.work[0];

describe('checkInstaller: the DSB register', () => {
  it('an active installer does not block approval', () => {
    const result = check();
    expect(result.dsb).toEqual({ state: 'active', asOf: '2025-06-01' });
    expect(result.approvalBlock).toBeNull();
  });

  it.each(['suspended', 'deregistered'] as const)('a %s installer blocks approval and may do no grid-side work', (status) => {
    const result = check({ dsb: { status, asOf: '2025-06-01' } });
    expect(result.dsb.state).toBe(status);
    expect(result.approvalBlock).toEqual({ code: 'installer_not_active_in_dsb', params: { state: status } });
    expect(only(result)).toMatchObject({
      installerMay: false,
      why: { code: 'dsb_not_active' },
      proposed: { performer: 'area_supplier', supplier },
    });
  });

  it('an installer missing from the register is not registered, blocks approval, has no register date', () => {
    const result = check({ dsb: null });
    expect(result.dsb).toEqual({ state: 'not_registered', asOf: null });
    expect(result.approvalBlock?.params).toEqual({ state: 'not_registered' });
    expect(only(result).installerMay).toBe(false);
  });
});

describe('checkInstaller: prequalification on the day', () => {
  it('a valid prequalification lets the installer do the work', () => {
    expect(only(check())).toEqual({
      kind: 'direct_meter_mounting',
      installerMay: true,
      prequalification: { category: 'direct_meter', validTo: '2026-12-31', expiresSoon: false },
      why: { code: 'prequalified', params: { category: 'direct_meter', validTo: '2026-12-31' } },
      proposed: { performer: 'installer', supplier: null },
    });
  });

  it('valid from today and to today both count (inclusive)', () => {
    const onTheDay = { category: 'direct_meter' as const, validFrom: TODAY, validTo: TODAY };
    expect(only(check({ prequalifications: [onTheDay] })).installerMay).toBe(true);
  });

  it('one that expired yesterday does not count: the area supplier is proposed', () => {
    const expired = { ...meterPrequalification, validTo: '2025-06-09' };
    expect(only(check({ prequalifications: [expired] }))).toMatchObject({
      installerMay: false,
      why: { code: 'prequalification_expired', params: { category: 'direct_meter', validTo: '2025-06-09' } },
      proposed: { performer: 'area_supplier', supplier },
    });
  });

  it('one that starts tomorrow does not count yet', () => {
    const upcoming = { ...meterPrequalification, validFrom: '2025-06-11' };
    expect(only(check({ prequalifications: [upcoming] }))).toMatchObject({
      installerMay: false,
      why: { code: 'prequalification_not_yet_valid', params: { validFrom: '2025-06-11' } },
    });
  });

  it('one that expires in 10 days counts and is flagged; 31 days ahead is not flagged', () => {
    const soon = only(check({ prequalifications: [{ ...meterPrequalification, validTo: '2025-06-20' }] }));
    expect(soon.installerMay).toBe(true);
    expect(soon.prequalification?.expiresSoon).toBe(true);
    expect(soon.why).toEqual({ code: 'prequalified_expires_soon', params: { category: 'direct_meter', validTo: '2025-06-20', daysLeft: 10 } });
    const later = only(check({ prequalifications: [{ ...meterPrequalification, validTo: '2025-07-11' }] }));
    expect(later.prequalification?.expiresSoon).toBe(false);
  });

  it('an expired and a renewed prequalification: the renewed one counts', () => {
    const expired = { ...meterPrequalification, validFrom: '2022-01-01', validTo: '2024-12-31' };
    const renewed = { ...meterPrequalification, validFrom: '2025-01-01', validTo: '2027-12-31' };
    expect(only(check({ prequalifications: [expired, renewed] })).prequalification?.validTo).toBe('2027-12-31');
  });

  it('a prequalification for another category does not count', () => {
    const cable = { ...meterPrequalification, category: 'service_cable' as const };
    expect(only(check({ prequalifications: [cable] }))).toMatchObject({ installerMay: false, why: { code: 'not_prequalified' } });
  });

  it('transformer-connected metering stays with the grid company whatever the installer holds', () => {
    const result = check({ work: ['transformer_meter_mounting'] });
    expect(only(result)).toMatchObject({
      installerMay: false,
      why: { code: 'grid_company_only' },
      proposed: { performer: 'grid_company', supplier: null },
    });
  });
});

describe('checkInstaller: no area supplier', () => {
  it('is a gap to show: no supplier proposed, the grid company falls back, and no error', () => {
    const result = check({ prequalifications: [], areaSupplierFor: () => null });
    expect(only(result)).toMatchObject({
      installerMay: false,
      why: { code: 'no_area_supplier', params: { instead: 'not_prequalified' } },
      proposed: { performer: 'grid_company', supplier: null },
    });
  });

  it('does not matter when the installer may do the work itself', () => {
    expect(only(check({ areaSupplierFor: () => null })).proposed.performer).toBe('installer');
  });

  it('asks for the supplier per work kind', () => {
    const asked: string[] = [];
    check({ prequalifications: [], work: ['service_cable_connection', 'direct_meter_mounting'], areaSupplierFor: (w) => (asked.push(w), supplier) });
    expect(asked).toEqual(['service_cable_connection', 'direct_meter_mounting']);
  });
});

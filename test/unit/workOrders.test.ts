// The pure rules of area suppliers and work orders: who gets which work where, the due date in working days, and
// what done work does to the case.
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_WORK_KINDS, caseAdvanceAfterWorkDone, isWorkOrderOverdue, nextWorkOrderStatus, proposeWorkOrders,
  supplierForWork, workOrderDueDate, type SupplierAgreement, type WorkNeed,
} from '../../shared/rules';

const south: SupplierAgreement = {
  id: 1, name: 'Sørlandet Montasje AS', municipalityNumbers: ['4204', '4223'],
  work: { direct_meter_mounting: 5, service_cable_connection: 10 },
};
const cables: SupplierAgreement = {
  id: 2, name: 'Agder Kabel AS', municipalityNumbers: ['4204'], work: { service_cable_connection: 8, construction_power_connection: 3 },
};
const east: SupplierAgreement = {
  id: 3, name: 'Østre Linjebygg AS', municipalityNumbers: ['4203'], work: { direct_meter_mounting: 7 },
};
const suppliers = [south, cables, east];

describe('which supplier takes which work where', () => {
  it('is one whose agreement covers the municipality and includes the work', () => {
    expect(supplierForWork(suppliers, '4204', 'direct_meter_mounting')?.id).toBe(1);
    expect(supplierForWork(suppliers, '4203', 'direct_meter_mounting')?.id).toBe(3);
    expect(supplierForWork(suppliers, '4204', 'construction_power_connection')?.id).toBe(2);
  });

  it('is the first by name when several agreements include it, whatever order they come in', () => {
    expect(supplierForWork(suppliers, '4204', 'service_cable_connection')?.name).toBe('Agder Kabel AS');
    expect(supplierForWork([...suppliers].reverse(), '4204', 'service_cable_connection')?.name).toBe('Agder Kabel AS');
  });

  it('is nobody — a gap — where no agreement covers the municipality or includes the work', () => {
    expect(supplierForWork(suppliers, '4222', 'direct_meter_mounting')).toBeNull();
    expect(supplierForWork(suppliers, '4223', 'construction_power_connection')).toBeNull();
    expect(supplierForWork(suppliers, '4203', 'service_cable_connection')).toBeNull();
  });

  it('never names transformer-connected metering in an agreement', () => {
    expect(AGREEMENT_WORK_KINDS).not.toContain('transformer_meter_mounting');
    expect(AGREEMENT_WORK_KINDS).toContain('direct_meter_mounting');
  });
});

describe('what to order for a case', () => {
  const need = (kind: WorkNeed['kind'], installerMay = false, decided: WorkNeed['decided'] = null): WorkNeed => ({ kind, installerMay, decided });

  it('proposes the work the installer may not do, with the agreement days, and shows gaps', () => {
    const proposals = proposeWorkOrders({
      municipalityNumber: '4223',
      needs: [need('service_cable_connection'), need('direct_meter_mounting'), need('construction_power_connection')],
      suppliers,
      orders: [],
    });
    expect(proposals).toEqual([
      { kind: 'service_cable_connection', state: 'proposed', supplier: south, agreementDays: 10 },
      { kind: 'direct_meter_mounting', state: 'proposed', supplier: south, agreementDays: 5 },
      { kind: 'construction_power_connection', state: 'gap' },
    ]);
  });

  it('orders nothing the installer may do, or that was given to the installer or the grid company, or that only the grid company does', () => {
    const proposals = proposeWorkOrders({
      municipalityNumber: '4204',
      needs: [
        need('service_cable_connection', true),
        need('direct_meter_mounting', false, { performer: 'grid_company', supplierId: null }),
        need('transformer_meter_mounting'),
      ],
      suppliers,
      orders: [],
    });
    expect(proposals).toEqual([]);
  });

  it("takes the handler's choice of supplier when its agreement includes the work, and shows work already ordered", () => {
    const proposals = proposeWorkOrders({
      municipalityNumber: '4204',
      needs: [need('service_cable_connection', false, { performer: 'area_supplier', supplierId: 1 }), need('direct_meter_mounting')],
      suppliers,
      orders: [{ id: 'o-1', workKind: 'direct_meter_mounting' }],
    });
    expect(proposals).toEqual([
      { kind: 'service_cable_connection', state: 'proposed', supplier: south, agreementDays: 10 },
      { kind: 'direct_meter_mounting', state: 'ordered', orderId: 'o-1' },
    ]);
  });
});

describe('the due date', () => {
  it('is the agreement days in working days after the order day', () => {
    // Monday 30 November 2026 + 5 working days: Monday 7 December.
    expect(workOrderDueDate('2026-11-30', 5)).toBe('2026-12-07');
  });

  it('skips Christmas Day and the weekend after it', () => {
    // Wednesday 23 December 2026 + 3: Thursday 24 (1), Friday 25 is a holiday, Monday 28 (2), Tuesday 29 (3).
    expect(workOrderDueDate('2026-12-23', 3)).toBe('2026-12-29');
  });

  it('skips the Easter holidays, moving with Easter', () => {
    // Wednesday 24 March 2027: Maundy Thursday 25, Good Friday 26 and Easter Monday 29 are holidays.
    expect(workOrderDueDate('2027-03-24', 5)).toBe('2027-04-05');
  });

  it('is overdue only once it has passed and the work is not done', () => {
    expect(isWorkOrderOverdue({ status: 'accepted', dueDate: '2026-12-07' }, '2026-12-07')).toBe(false);
    expect(isWorkOrderOverdue({ status: 'accepted', dueDate: '2026-12-07' }, '2026-12-08')).toBe(true);
    expect(isWorkOrderOverdue({ status: 'done', dueDate: '2026-12-07' }, '2026-12-08')).toBe(false);
  });
});

describe('the steps of an order', () => {
  it('go ordered → accepted → done and no further', () => {
    expect(nextWorkOrderStatus('ordered')).toBe('accepted');
    expect(nextWorkOrderStatus('accepted')).toBe('done');
    expect(nextWorkOrderStatus('done')).toBeNull();
  });
});

describe('done work advances the case', () => {
  it('mounts the meter when all ordered work is done, one of it meter mounting, after the completion notice', () => {
    expect(caseAdvanceAfterWorkDone('completion_reported', [
      { workKind: 'service_cable_connection', status: 'done' },
      { workKind: 'direct_meter_mounting', status: 'done' },
    ], true)).toBe('registerMeterMounted');
  });

  it('waits while other ordered work is not done', () => {
    expect(caseAdvanceAfterWorkDone('completion_reported', [
      { workKind: 'service_cable_connection', status: 'accepted' },
      { workKind: 'direct_meter_mounting', status: 'done' },
    ], true)).toBeNull();
  });

  it('moves nothing before the completion notice, or when no meter work was ordered', () => {
    expect(caseAdvanceAfterWorkDone('paid', [{ workKind: 'direct_meter_mounting', status: 'done' }], true)).toBeNull();
    expect(caseAdvanceAfterWorkDone('completion_reported', [{ workKind: 'service_cable_connection', status: 'done' }], true)).toBeNull();
    expect(caseAdvanceAfterWorkDone('completion_reported', [], true)).toBeNull();
  });

  it('leaves the meter for the handler while no grid customer is named', () => {
    expect(caseAdvanceAfterWorkDone('completion_reported', [{ workKind: 'direct_meter_mounting', status: 'done' }], false)).toBeNull();
  });
});

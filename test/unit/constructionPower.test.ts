// Construction power's own rules: what connecting and taking down the cabinet need, and the rent for the days it
// actually stood, at the price list's rate per day.
import { describe, expect, it } from 'vitest';
import {
  cabinetRent,
  connectionRefusal,
  disconnectionRefusal,
  rentalDaysBetween,
  type ConstructionPowerRecord,
  type PriceList,
} from '../../shared/rules';

const TODAY = '2026-12-05';
const connected: ConstructionPowerRecord = {
  requestType: 'temporary_installation', connectedOn: '2026-09-01', startReading: 1520.5, disconnectedOn: null, finalReading: null,
};

const list = (rentOre: number | null): PriceList => ({
  id: 'test', version: 1, effectiveFrom: '2026-01-01', currency: 'NOK', catalogue: [], offerValidity: { months: 3 }, paymentTermsDays: 14,
  standardFees: rentOre === null ? [] : [{ code: 'construction_power_cabinet_rent_per_day', description: 'Leie av byggestrømskap',
    unit: 'døgn', unitPriceOre: rentOre, vatCode: 'standard', isConnectionFee: false }],
});

describe('the days a cabinet is rented', () => {
  it('counts the day it was connected and the day it came down', () => {
    expect(rentalDaysBetween('2026-09-01', '2026-09-01')).toBe(1);
    expect(rentalDaysBetween('2026-09-01', '2026-09-02')).toBe(2);
    expect(rentalDaysBetween('2026-09-01', '2026-11-30')).toBe(91);
  });

  it('counts calendar days across a leap day and a change to summer time', () => {
    expect(rentalDaysBetween('2028-02-28', '2028-03-01')).toBe(3);
    expect(rentalDaysBetween('2026-03-28', '2026-03-30')).toBe(3);
    expect(rentalDaysBetween('2026-12-31', '2027-01-01')).toBe(2);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => rentalDaysBetween('2026-09-02', '2026-09-01')).toThrow(RangeError);
  });
});

describe('the rent', () => {
  it('is the actual days times the rate per day, with 25 % VAT on the line', () => {
    expect(cabinetRent('2026-09-01', '2026-11-30', list(2_200))).toEqual({
      days: 91, rateOre: 2_200, netOre: 200_200, vatOre: 50_050, vatCode: 'standard',
    });
  });

  it('rounds VAT half up to whole øre', () => {
    // 3 days at 19,01 kr = 57,03 kr; 25 % is 14,2575 kr → 14,26 kr.
    expect(cabinetRent('2026-09-01', '2026-09-03', list(1_901)).vatOre).toBe(1_426);
  });

  it('still counts the days when the price list has no rate, but names no amount', () => {
    expect(cabinetRent('2026-09-01', '2026-09-10', list(null))).toEqual({ days: 10, rateOre: null, netOre: null, vatOre: null, vatCode: null });
    expect(cabinetRent('2026-09-01', '2026-09-10', null).netOre).toBeNull();
  });
});

describe('connecting the cabinet', () => {
  it('needs a construction-power case, the reading at the start and the day', () => {
    expect(connectionRefusal('temporary_installation', { startReading: 0, connectedOn: '2026-09-01' }, TODAY)).toBeNull();
    expect(connectionRefusal('new_installation', { startReading: 0, connectedOn: '2026-09-01' }, TODAY))
      .toEqual({ code: 'constructionPower.notConstructionPower' });
    expect(connectionRefusal('temporary_installation', { connectedOn: '2026-09-01' }, TODAY))
      .toEqual({ code: 'constructionPower.readingMissing', params: { which: 'start' } });
    expect(connectionRefusal('temporary_installation', { startReading: 10 }, TODAY))
      .toEqual({ code: 'constructionPower.dateMissing', params: { which: 'connected' } });
  });

  it('refuses a negative, endless or absurd reading, a day that does not exist, and a day ahead of today', () => {
    for (const startReading of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
      expect(connectionRefusal('temporary_installation', { startReading, connectedOn: '2026-09-01' }, TODAY)?.code).toBe('constructionPower.readingInvalid');
    }
    expect(connectionRefusal('temporary_installation', { startReading: 1, connectedOn: '2026-02-30' }, TODAY)?.code).toBe('constructionPower.dateMissing');
    expect(connectionRefusal('temporary_installation', { startReading: 1, connectedOn: '2026-12-06' }, TODAY))
      .toEqual({ code: 'constructionPower.dateInFuture', params: { date: '2026-12-06' } });
  });
});

describe('taking the cabinet down', () => {
  it('is allowed with a final reading at or above the start, on or after the day it was connected', () => {
    expect(disconnectionRefusal(connected, { finalReading: 1520.5, disconnectedOn: '2026-09-01' }, TODAY)).toBeNull();
    expect(disconnectionRefusal(connected, { finalReading: 4000, disconnectedOn: TODAY }, TODAY)).toBeNull();
  });

  it('refuses a final reading below the start reading', () => {
    expect(disconnectionRefusal(connected, { finalReading: 1520.4, disconnectedOn: '2026-11-30' }, TODAY)).toEqual({
      code: 'constructionPower.finalBelowStart', params: { startReading: 1520.5, finalReading: 1520.4 },
    });
  });

  it('refuses a disconnection dated before the connection, or ahead of today', () => {
    expect(disconnectionRefusal(connected, { finalReading: 2000, disconnectedOn: '2026-08-31' }, TODAY)).toEqual({
      code: 'constructionPower.disconnectedBeforeConnected', params: { connectedOn: '2026-09-01', disconnectedOn: '2026-08-31' },
    });
    expect(disconnectionRefusal(connected, { finalReading: 2000, disconnectedOn: '2026-12-06' }, TODAY)?.code).toBe('constructionPower.dateInFuture');
  });

  it('refuses a missing final reading or date', () => {
    expect(disconnectionRefusal(connected, { disconnectedOn: '2026-11-30' }, TODAY))
      .toEqual({ code: 'constructionPower.readingMissing', params: { which: 'final' } });
    expect(disconnectionRefusal(connected, { finalReading: 2000, disconnectedOn: null }, TODAY))
      .toEqual({ code: 'constructionPower.dateMissing', params: { which: 'disconnected' } });
  });

  it('for a case whose connection was never recorded, takes the start from the handler or refuses', () => {
    const unrecorded = { ...connected, connectedOn: null, startReading: null };
    expect(disconnectionRefusal(unrecorded, { finalReading: 2000, disconnectedOn: '2026-11-30' }, TODAY))
      .toEqual({ code: 'constructionPower.readingMissing', params: { which: 'start' } });
    expect(disconnectionRefusal(unrecorded, { finalReading: 2000, disconnectedOn: '2026-11-30', startReading: 100, connectedOn: '2026-10-01' }, TODAY)).toBeNull();
    expect(disconnectionRefusal(unrecorded, { finalReading: 50, disconnectedOn: '2026-11-30', startReading: 100, connectedOn: '2026-10-01' }, TODAY)?.code)
      .toBe('constructionPower.finalBelowStart');
  });

  it('keeps the recorded start over what the handler types', () => {
    expect(disconnectionRefusal(connected, { finalReading: 1600, disconnectedOn: '2026-11-30', startReading: 0, connectedOn: '2026-01-01' }, TODAY)).toBeNull();
    expect(disconnectionRefusal(connected, { finalReading: 1000, disconnectedOn: '2026-11-30', startReading: 0 }, TODAY)?.code).toBe('constructionPower.finalBelowStart');
  });

  it('is refused for any other kind of request', () => {
    expect(disconnectionRefusal({ ...connected, requestType: 'fuse_change' }, { finalReading: 2000, disconnectedOn: '2026-11-30' }, TODAY)?.code)
      .toBe('constructionPower.notConstructionPower');
  });
});

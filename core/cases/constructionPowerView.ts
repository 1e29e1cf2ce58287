// What the case view and the portal show of construction power: both readings, the dates, the days and the rent.
// Once the cabinet is down, the rent billed at disconnection (stored on the case); while it stands, the days and
// rent so far at today's rate, marked as running.
import type { ConstructionPowerView } from '../../shared/contract';
import { cabinetRent, priceListInEffect, vatOf, type PriceList, type VatCode } from '../../shared/rules';
import { constructionRecordOf } from '../mutations/caseActions';

/** The case row's columns (local or central names) as the view needs them. */
export interface ConstructionPowerRow {
  requestType: unknown;
  connectedOn: unknown;
  startReading: unknown;
  disconnectedOn: unknown;
  finalReading: unknown;
  rentDays: unknown;
  rentRateOre: unknown;
  rentNetOre: unknown;
}

const RENT_VAT: VatCode = 'standard';
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export function constructionPowerView(row: ConstructionPowerRow, today: string, priceLists: readonly PriceList[]): ConstructionPowerView | null {
  const record = constructionRecordOf(row as unknown as Record<string, unknown>);
  if (record.requestType !== 'temporary_installation') return null;
  const consumptionKwh = record.startReading !== null && record.finalReading !== null
    ? Math.round((record.finalReading - record.startReading) * 10) / 10 : null;
  const base = { connectedOn: record.connectedOn, startReading: record.startReading, disconnectedOn: record.disconnectedOn,
    finalReading: record.finalReading, consumptionKwh };
  if (record.disconnectedOn !== null) {
    const netOre = numberOrNull(row.rentNetOre);
    const rateOre = numberOrNull(row.rentRateOre);
    const vatOre = netOre === null ? null : vatOf(netOre, RENT_VAT);
    return {
      ...base, days: numberOrNull(row.rentDays), running: false,
      rent: netOre === null || rateOre === null || vatOre === null ? null : { rateOre, netOre, vatOre, grossOre: netOre + vatOre },
    };
  }
  if (record.connectedOn === null || record.connectedOn > today) return { ...base, days: null, running: false, rent: null };
  const soFar = cabinetRent(record.connectedOn, today, priceListInEffect(priceLists, today));
  return {
    ...base, days: soFar.days, running: true,
    rent: soFar.netOre === null || soFar.rateOre === null || soFar.vatOre === null ? null
      : { rateOre: soFar.rateOre, netOre: soFar.netOre, vatOre: soFar.vatOre, grossOre: soFar.netOre + soFar.vatOre },
  };
}

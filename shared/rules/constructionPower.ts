// Construction power (byggestrøm, request type `temporary_installation`) as grid companies run it: the cabinet is
// connected and its meter read at the start; the installer's ferdigmelding asks for it to be taken down (Elsmart's
// practice: "Forhåndsmeldingen dekker prosessen frem til og med tilkobling …; ferdigmeldingen betyr opphør",
// https://himmelbla.nettalliansen.no/byggestrom); the grid company disconnects it and reads the meter again for the
// final settlement ("leser av måleren i kassen ved demontering", https://nett-tjenester.net/leveringsvilkar-for-byggestrom/);
// the cabinet rent is a rate per day (døgnleie: https://jev.no/byggestrom, https://skiakernett.no/byggjestrom,
// https://kystnett.no/Bygg) billed for the days the cabinet actually stood, after it is taken down.
import type { CaseStatus, RequestType } from './domain';
import { vatOf, type Ore, type VatCode } from './money';
import { standardFee, type PriceList } from './priceList';

/** The rent code in the price list (priceList.ts STANDARD_FEE_CODES). */
export const CABINET_RENT_FEE = 'construction_power_cabinet_rent_per_day' as const;

/** The highest reading a meter register shows (kWh), as a sanity bound on what a person types. */
export const METER_READING_MAX = 99_999_999;

/** What the case holds about the cabinet's period, as stored (ISO dates, readings in kWh). */
export interface ConstructionPowerRecord {
  requestType: RequestType;
  connectedOn: string | null;
  startReading: number | null;
  disconnectedOn: string | null;
  finalReading: number | null;
}

/** Why a construction-power step may not be taken, as the code the handler reads (contract/errors.ts). */
export type ConstructionPowerRefusal =
  | { code: 'constructionPower.notConstructionPower' }
  | { code: 'constructionPower.readingMissing'; params: { which: 'start' | 'final' } }
  | { code: 'constructionPower.readingInvalid'; params: { which: 'start' | 'final' } }
  | { code: 'constructionPower.dateMissing'; params: { which: 'connected' | 'disconnected' } }
  | { code: 'constructionPower.dateInFuture'; params: { date: string } }
  | { code: 'constructionPower.finalBelowStart'; params: { startReading: number; finalReading: number } }
  | { code: 'constructionPower.disconnectedBeforeConnected'; params: { connectedOn: string; disconnectedOn: string } };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

function readingRefusal(value: number | null | undefined, which: 'start' | 'final'): ConstructionPowerRefusal | null {
  if (value === null || value === undefined) return { code: 'constructionPower.readingMissing', params: { which } };
  if (!Number.isFinite(value) || value < 0 || value > METER_READING_MAX) return { code: 'constructionPower.readingInvalid', params: { which } };
  return null;
}

function dateRefusal(value: string | null | undefined, which: 'connected' | 'disconnected', today: string): ConstructionPowerRefusal | null {
  if (!isIsoDate(value)) return { code: 'constructionPower.dateMissing', params: { which } };
  if (value > today) return { code: 'constructionPower.dateInFuture', params: { date: value } };
  return null;
}

/** Connecting the cabinet: a construction-power case, the meter's reading at the start and the day, not ahead of today. */
export function connectionRefusal(
  requestType: RequestType,
  args: { startReading?: number | null; connectedOn?: string | null },
  today: string,
): ConstructionPowerRefusal | null {
  if (requestType !== 'temporary_installation') return { code: 'constructionPower.notConstructionPower' };
  return readingRefusal(args.startReading, 'start') ?? dateRefusal(args.connectedOn, 'connected', today);
}

/**
 * The reading and day at the start that a disconnection counts from: the case's own, or — for a case connected
 * before the desk recorded it — those the handler gives with the disconnection.
 */
export function startOf(record: ConstructionPowerRecord, args: { startReading?: number | null; connectedOn?: string | null }) {
  return { startReading: record.startReading ?? args.startReading ?? null, connectedOn: record.connectedOn ?? args.connectedOn ?? null };
}

/**
 * Taking the cabinet down: a final reading not below the start reading (a meter register only counts up), on a
 * day not before the connection and not ahead of today.
 */
export function disconnectionRefusal(
  record: ConstructionPowerRecord,
  args: { finalReading?: number | null; disconnectedOn?: string | null; startReading?: number | null; connectedOn?: string | null },
  today: string,
): ConstructionPowerRefusal | null {
  if (record.requestType !== 'temporary_installation') return { code: 'constructionPower.notConstructionPower' };
  const start = startOf(record, args);
  const refusal = readingRefusal(start.startReading, 'start') ?? dateRefusal(start.connectedOn, 'connected', today)
    ?? readingRefusal(args.finalReading, 'final') ?? dateRefusal(args.disconnectedOn, 'disconnected', today);
  if (refusal) return refusal;
  const finalReading = args.finalReading as number;
  const disconnectedOn = args.disconnectedOn as string;
  if (finalReading < (start.startReading as number)) {
    return { code: 'constructionPower.finalBelowStart', params: { startReading: start.startReading as number, finalReading } };
  }
  if (disconnectedOn < (start.connectedOn as string)) {
    return { code: 'constructionPower.disconnectedBeforeConnected', params: { connectedOn: start.connectedOn as string, disconnectedOn } };
  }
  return null;
}

const DAY_MS = 86_400_000;

/**
 * Days the cabinet was rented, counting both the day it was connected and the day it was taken down: the rate is
 * per døgn and the cabinet stands on the site on both days, so a cabinet up and down the same day is one day.
 * (The companies' pages name the rate per day without saying more; this is our reading, stated on the invoice basis.)
 */
export function rentalDaysBetween(connectedOn: string, disconnectedOn: string): number {
  const days = Math.round((Date.parse(`${disconnectedOn}T00:00:00Z`) - Date.parse(`${connectedOn}T00:00:00Z`)) / DAY_MS);
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`disconnected ${disconnectedOn} before connected ${connectedOn}`);
  return days + 1;
}

export interface CabinetRent {
  days: number;
  /** The price list's rate per day, excl. VAT; null when the list has no rent rate. */
  rateOre: Ore | null;
  netOre: Ore | null;
  vatOre: Ore | null;
  vatCode: VatCode | null;
}

/** The rent for the actual days at the daily rate of the given price list (the one in effect on the day it came down). */
export function cabinetRent(connectedOn: string, disconnectedOn: string, priceList: PriceList | null): CabinetRent {
  const days = rentalDaysBetween(connectedOn, disconnectedOn);
  const fee = priceList ? standardFee(priceList, CABINET_RENT_FEE) : null;
  if (!fee) return { days, rateOre: null, netOre: null, vatOre: null, vatCode: null };
  const netOre = days * fee.unitPriceOre;
  return { days, rateOre: fee.unitPriceOre, netOre, vatOre: vatOf(netOre, fee.vatCode), vatCode: fee.vatCode };
}

/** The steps only construction power has; the case view offers them on no other request type. */
export const CONSTRUCTION_POWER_ONLY_ACTIONS = ['registerConnection', 'registerTerminationRequest', 'registerDisconnection',
  'deregisterMeteringPoint'] as const;

export function actionFitsRequestType(action: string, requestType: RequestType): boolean {
  return requestType === 'temporary_installation' || !(CONSTRUCTION_POWER_ONLY_ACTIONS as readonly string[]).includes(action);
}

/**
 * Statuses only their own step may set, because the step records the readings: the generic change of status
 * (`case.setStatus`) would leave a connected cabinet without its start reading or a disconnected one without its
 * final reading and rent.
 */
export const STATUSES_SET_ONLY_WITH_READINGS: readonly CaseStatus[] = ['connected', 'disconnected'];

// The standard items a request implies, as a data table (docs/price-list-format.md, "Standard items"): the offer
// builder starts from these and the case handler adds, edits and removes lines.
import type { RequestType } from './domain';
import { DIRECT_METER_MAX_FUSE_A } from './gridWork';
import type { Ore } from './money';
import { lineNetOre, type OfferLine } from './offerCalculation';
import { plusskundeAssessment } from './plusskunde';
import { catalogueItem, standardFee, type PriceList, type StandardFeeCode } from './priceList';

/** What the case tells about the work; unknown facts fall back to the defaults below. */
export interface StandardLineFacts {
  mainFuseA: number | null;
  /** Length of the new service cable and its trench, in metres. */
  serviceCableLengthM?: number | null;
  /** Production (plusskunde): whether, how much, and what the main fuse carries (rules/plusskunde.ts). */
  hasProduction?: boolean;
  productionKw?: number | null;
  networkSystem?: string | null;
  phases?: number | null;
}

export const DEFAULT_SERVICE_CABLE_LENGTH_M = 25;

/** A quantity: fixed (in thousandths), or one of the facts. */
type Quantity = { milli: number } | 'cable_length';
/** A fee, or a catalogue item; `meter` items differ with the metering (direct or transformer). */
type StandardItem =
  | { fee: StandardFeeCode | 'connect_by_meter'; quantity: Quantity }
  | { item: string; quantity: Quantity };

const one: Quantity = { milli: 1000 };
const hours = (n: number): Quantity => ({ milli: n * 1000 });

const CABLE_RUN: StandardItem[] = [
  { item: 'cable_tfxp_4x50_al', quantity: 'cable_length' },
  { item: 'cable_laying', quantity: 'cable_length' },
  { item: 'duct_110_mm', quantity: 'cable_length' },
  { item: 'cover_board', quantity: 'cable_length' },
  { item: 'trench_excavation', quantity: 'cable_length' },
];

/** The table: which standard items each request type implies. `meter_by_meter` and `connect_by_meter` pick
 * the direct or the transformer variant. */
export const STANDARD_ITEMS: Readonly<Record<RequestType, readonly StandardItem[]>> = {
  new_installation: [
    { fee: 'connect_by_meter', quantity: one },
    ...CABLE_RUN,
    { item: 'cabinet_connection', quantity: one },
    { item: 'planning_hour', quantity: hours(2) },
    { item: 'fitter_hour', quantity: hours(4) },
    { item: 'commissioning', quantity: one },
    { item: 'surveying_documentation', quantity: one },
    { item: 'meter_by_meter', quantity: one },
    { item: 'meter_mounting_hour', quantity: one },
  ],
  new_metering_point: [
    { fee: 'connect_by_meter', quantity: one },
    { item: 'planning_hour', quantity: hours(1) },
    { item: 'fitter_hour', quantity: hours(2) },
    { item: 'meter_by_meter', quantity: one },
    { item: 'meter_mounting_hour', quantity: one },
  ],
  // The cabinet rent is not in the offer: it is billed after the cabinet comes down, for the days it actually stood
  // (rules/constructionPower.ts), not guessed up front.
  temporary_installation: [
    { fee: 'construction_power_connect', quantity: one },
    { fee: 'construction_power_disconnect', quantity: one },
  ],
  // A fuse change the grid carries as it is costs no contribution; reinforcement, when the grid assessment finds it
  // needed, is added by the case handler.
  fuse_change: [],
  metering_point_work: [{ fee: 'meter_mounting', quantity: one }],
  production: [
    { item: 'planning_hour', quantity: hours(2) },
    { item: 'commissioning', quantity: one },
  ],
  join_split: [
    { item: 'planning_hour', quantity: hours(1) },
    { item: 'fitter_hour', quantity: hours(2) },
  ],
  change_of_use: [],
  // Disconnecting the service line in the cabinet and taking the meter down.
  permanent_disconnection: [
    { item: 'planning_hour', quantity: hours(1) },
    { item: 'fitter_hour', quantity: hours(2) },
  ],
  service_line_move: [
    ...CABLE_RUN,
    { item: 'cabinet_connection', quantity: one },
    { item: 'planning_hour', quantity: hours(1) },
    { item: 'fitter_hour', quantity: hours(2) },
  ],
  street_lighting: [
    ...CABLE_RUN,
    { item: 'planning_hour', quantity: hours(1) },
    { item: 'fitter_hour', quantity: hours(2) },
  ],
};

export interface StandardLines {
  lines: OfferLine[];
  /** The connection fee among the lines, capped at the contribution so it never turns negative; null if none. */
  connectionFeeDeduction: Ore | null;
  /** Codes the table asks for that the price list lacks: those lines are left out. */
  missing: string[];
}

/** The same line as the installer check's: above 80 A main fuse the meter is transformer connected. */
export function usesTransformerMeter(facts: StandardLineFacts): boolean {
  return facts.mainFuseA !== null && facts.mainFuseA > DIRECT_METER_MAX_FUSE_A;
}

function quantityMilli(quantity: Quantity, facts: StandardLineFacts): number {
  if (quantity === 'cable_length') return Math.round((facts.serviceCableLengthM ?? DEFAULT_SERVICE_CABLE_LENGTH_M) * 1000);
  return quantity.milli;
}

/** The standard items for this case: the table's, less what production within the rules does not cost. */
function standardItemsFor(requestType: RequestType, facts: StandardLineFacts): readonly StandardItem[] {
  const production = plusskundeAssessment({
    requestType, hasProduction: facts.hasProduction ?? false, productionKw: facts.productionKw ?? null,
    mainFuseA: facts.mainFuseA, networkSystem: facts.networkSystem ?? null, phases: facts.phases ?? null,
  });
  // A plusskunde within the main fuse pays no anleggsbidrag for the production (rules/plusskunde.ts).
  if (requestType === 'production' && production === 'within_main_fuse') return [];
  // A smart meter measures both ways: production alone is no meter mounting.
  if (production !== 'no_production' && (requestType === 'production' || requestType === 'metering_point_work')) {
    return STANDARD_ITEMS[requestType].filter((entry) => !('fee' in entry && entry.fee === 'meter_mounting'));
  }
  return STANDARD_ITEMS[requestType];
}

export function standardLinesFor(requestType: RequestType, facts: StandardLineFacts, priceList: PriceList): StandardLines {
  const transformer = usesTransformerMeter(facts);
  const lines: OfferLine[] = [];
  const missing: string[] = [];
  for (const entry of standardItemsFor(requestType, facts)) {
    const milli = quantityMilli(entry.quantity, facts);
    if ('fee' in entry) {
      const code = entry.fee === 'connect_by_meter'
        ? (transformer ? 'connect_transformer_meter' : 'connect_direct_meter') : entry.fee;
      const fee = standardFee(priceList, code);
      if (!fee) { missing.push(code); continue; }
      lines.push({
        id: `std:${code}`, component: 'fee', kind: 'work', description: fee.description, quantityMilli: milli,
        unit: fee.unit, unitPriceOre: fee.unitPriceOre, vatCode: fee.vatCode,
        source: { priceListId: priceList.id, version: priceList.version, itemCode: code },
      });
    } else {
      const code = entry.item === 'meter_by_meter' ? (transformer ? 'meter_transformer_set' : 'meter_direct') : entry.item;
      const item = catalogueItem(priceList, code);
      if (!item) { missing.push(code); continue; }
      lines.push({
        id: `std:${code}`, component: item.component, kind: item.kind, description: item.description, quantityMilli: milli,
        unit: item.unit, unitPriceOre: item.unitPriceOre, vatCode: item.vatCode,
        source: { priceListId: priceList.id, version: priceList.version, itemCode: code },
      });
    }
  }
  return { lines, connectionFeeDeduction: connectionFeeDeductionFor(lines, priceList), missing };
}

/**
 * The connection fee to deduct: the net of the lines that are connection fees in the price list, capped at the
 * regulated contribution (the exempt cost lines), since the contribution is actual cost minus the fee and never
 * below zero. Null when the offer has no connection fee.
 */
export function connectionFeeDeductionFor(lines: readonly OfferLine[], priceList: PriceList): Ore | null {
  let fee = 0;
  let contribution = 0;
  for (const line of lines) {
    if (line.component === 'fee') {
      const code = line.source?.itemCode;
      const isConnectionFee = code !== undefined && priceList.standardFees.some((f) => f.code === code && f.isConnectionFee);
      if (isConnectionFee) fee += lineNetOre(line);
    } else if (line.vatCode === 'exempt') {
      contribution += lineNetOre(line);
    }
  }
  if (fee === 0) return null;
  return Math.min(fee, contribution);
}

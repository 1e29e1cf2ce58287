// A grid company's price list: standard fees and a catalogue of cost items by main component, versioned by the
// date it takes effect. An offer records the list id and version of every line it took from the list, so a newer
// list never changes an offer already made. The file format is in docs/price-list-format.md.
import type { Ore, VatCode } from './money';

/** The main components of an investment contribution (domain.md, "Investment contribution"). */
export const MAIN_COMPONENTS = [
  'cable',
  'ducts_and_covers',
  'cabinet',
  'transformer_capacity_share',
  'planning_hours',
  'execution_hours',
  'groundworks',
  'commissioning',
  'surveying_and_documentation',
  'meter_with_mounting',
] as const;
export type MainComponent = (typeof MAIN_COMPONENTS)[number];

/** Norwegian (bokmål) names of the main components, as the offer letter and the explanation use them. */
export const MAIN_COMPONENT_LABELS_NB: Readonly<Record<MainComponent, string>> = {
  cable: 'Kabel',
  ducts_and_covers: 'Rør og dekkbord',
  cabinet: 'Kabelskap',
  transformer_capacity_share: 'Andel av økt transformatorkapasitet',
  planning_hours: 'Prosjekteringstimer',
  execution_hours: 'Utførelsestimer',
  groundworks: 'Grunnarbeider',
  commissioning: 'Idriftsettelse',
  surveying_and_documentation: 'Innmåling og dokumentasjon',
  meter_with_mounting: 'Måler med montering',
};

export const COST_KINDS = ['work', 'material'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const STANDARD_FEE_CODES = [
  'connect_direct_meter',
  'connect_transformer_meter',
  'construction_power_connect',
  'construction_power_disconnect',
  'construction_power_cabinet_rent_per_day',
  'meter_mounting',
] as const;
export type StandardFeeCode = (typeof STANDARD_FEE_CODES)[number];

export interface StandardFee {
  code: StandardFeeCode;
  /** Bokmål text as it stands on the offer. */
  description: string;
  unit: string;
  unitPriceOre: Ore;
  vatCode: VatCode;
  /** A connection fee is deducted from the investment contribution (domain.md); services are not. */
  isConnectionFee: boolean;
}

export interface CatalogueItem {
  /** Stable code, unique within one price list version, e.g. "cable_tfxp_4x50". */
  code: string;
  component: MainComponent;
  kind: CostKind;
  description: string;
  /** Unit as written on the offer: "m", "stk", "time", "dag", "kVA", … */
  unit: string;
  unitPriceOre: Ore;
  vatCode: VatCode;
}

export type OfferValidity = { days: number } | { months: number };

export interface PriceList {
  id: string;
  version: number;
  /** ISO date (YYYY-MM-DD): the first day this version applies. */
  effectiveFrom: string;
  currency: 'NOK';
  standardFees: StandardFee[];
  catalogue: CatalogueItem[];
  offerValidity: OfferValidity;
  paymentTermsDays: number;
}

/**
 * The version of a price list in effect on a date (ISO YYYY-MM-DD): the one with the latest effectiveFrom on or
 * before the date; a tie is broken by the higher version. Null when none has taken effect yet.
 */
export function priceListInEffect(lists: readonly PriceList[], date: string, id?: string): PriceList | null {
  let best: PriceList | null = null;
  for (const list of lists) {
    if (id !== undefined && list.id !== id) continue;
    if (list.effectiveFrom > date) continue;
    if (!best || list.effectiveFrom > best.effectiveFrom
      || (list.effectiveFrom === best.effectiveFrom && list.version > best.version)) best = list;
  }
  return best;
}

export function findPriceList(lists: readonly PriceList[], id: string, version: number): PriceList | null {
  return lists.find((list) => list.id === id && list.version === version) ?? null;
}

export function catalogueItem(list: PriceList, code: string): CatalogueItem | null {
  return list.catalogue.find((item) => item.code === code) ?? null;
}

export function standardFee(list: PriceList, code: StandardFeeCode): StandardFee | null {
  return list.standardFees.find((fee) => fee.code === code) ?? null;
}

/** The last day an offer issued on `issuedOn` is valid, by the price list's validity (ISO dates, calendar based). */
export function offerValidUntil(issuedOn: string, validity: OfferValidity): string {
  const [year, month, day] = issuedOn.split('-').map(Number);
  if ('days' in validity) {
    return new Date(Date.UTC(year, month - 1, day + validity.days)).toISOString().slice(0, 10);
  }
  // Same day n months later; a day the month lacks (31 March + 1 month) falls back to that month's last day.
  const target = new Date(Date.UTC(year, month - 1 + validity.months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Checks a list's own consistency beyond its shape (duplicate codes); returns the problems in words. */
export function priceListProblems(list: PriceList): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of list.catalogue) {
    if (seen.has(item.code)) problems.push(`catalogue: code "${item.code}" appears more than once`);
    seen.add(item.code);
  }
  const fees = new Set<string>();
  for (const fee of list.standardFees) {
    if (fees.has(fee.code)) problems.push(`standardFees: code "${fee.code}" appears more than once`);
    fees.add(fee.code);
  }
  // One name, one VAT rate (issue 13, item 13): the offer and the letter take names and rates from the list, so a
  // name used twice with two rates would tell the owner two things about the same service.
  const vatByName = new Map<string, VatCode>();
  for (const entry of [...list.standardFees, ...list.catalogue]) {
    const name = entry.description.trim().toLowerCase();
    const earlier = vatByName.get(name);
    if (earlier !== undefined && earlier !== entry.vatCode) {
      problems.push(`"${entry.description}" appears with two VAT codes (${earlier} and ${entry.vatCode})`);
    }
    vatByName.set(name, entry.vatCode);
  }
  return problems;
}

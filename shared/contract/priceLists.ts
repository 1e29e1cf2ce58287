// Price list calls (issue 5, item 1): the versions with their effective dates, one version whole, and publishing a
// new version. The schema of one version is the one the price list file is read with (core/pricing/priceListFile.ts),
// so a version made in the app and one loaded from a file obey the same rules (docs/price-list-format.md).
import { z } from 'zod';
import { COST_KINDS, MAIN_COMPONENTS, STANDARD_FEE_CODES, VAT_CODES, type PriceList } from '../rules';
import { call, type DomainCalls } from './call';
import { Empty } from './common';

const ore = z.number().int('must be a whole number of øre').nonnegative().max(Number.MAX_SAFE_INTEGER);
/** Descriptions and units become offer lines, whose schema allows no more (offers.ts OfferLineSchema). */
const description = z.string().trim().min(1).max(200);
const unit = z.string().trim().min(1).max(20);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine(
  (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  'is not a real date',
);
export const PRICE_LIST_MAX_ITEMS = 500;

export const StandardFeeSchema = z.strictObject({
  code: z.enum(STANDARD_FEE_CODES),
  description,
  unit,
  unitPriceOre: ore,
  vatCode: z.enum(VAT_CODES),
  isConnectionFee: z.boolean(),
});

export const CatalogueItemSchema = z.strictObject({
  code: z.string().max(100).regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits and _'),
  component: z.enum(MAIN_COMPONENTS),
  kind: z.enum(COST_KINDS),
  description,
  unit,
  unitPriceOre: ore,
  vatCode: z.enum(VAT_CODES),
});

export const PriceListSchema = z.strictObject({
  id: z.string().max(100).regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and -'),
  version: z.number().int().positive().max(1_000_000),
  effectiveFrom: isoDate,
  currency: z.literal('NOK'),
  standardFees: z.array(StandardFeeSchema).max(STANDARD_FEE_CODES.length),
  catalogue: z.array(CatalogueItemSchema).max(PRICE_LIST_MAX_ITEMS),
  offerValidity: z.union([
    z.strictObject({ days: z.number().int().positive().max(3_650) }),
    z.strictObject({ months: z.number().int().positive().max(120) }),
  ]),
  paymentTermsDays: z.number().int().positive().max(365),
}) satisfies z.ZodType<PriceList>;

export const PriceListGetInput = z.strictObject({ id: z.string().min(1).max(100), version: z.number().int().positive().max(1_000_000) });
export const PriceListPublishInput = z.strictObject({ priceList: PriceListSchema });

/**
 * inEffect: the version new offers take today; upcoming: takes effect later; earlier: an older version, kept for the
 * offers made with it; pending: published here and not yet recorded by the central database.
 */
export const PRICE_LIST_VERSION_STATES = ['inEffect', 'upcoming', 'earlier', 'pending'] as const;
export type PriceListVersionState = (typeof PRICE_LIST_VERSION_STATES)[number];

export interface PriceListVersionSummary {
  id: string;
  version: number;
  effectiveFrom: string;
  /** When the version was stored (loaded or published); null while it is pending. */
  loadedAt: string | null;
  state: PriceListVersionState;
  feeCount: number;
  itemCount: number;
}

export interface PriceListOverview {
  /** Today in Oslo: a new version may take effect today at the earliest. */
  today: string;
  /** Only a supervisor publishes price lists. */
  canPublish: boolean;
  /** Newest first (by effective date, then version). */
  versions: PriceListVersionSummary[];
}

export interface PriceListDetail extends PriceListVersionSummary {
  priceList: PriceList;
  /** The version a new one made from this one would take: one above the highest of this list's id. */
  nextVersion: number;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const priceListCalls = {
  'priceList.list': call<PriceListOverview>()(Empty),
  'priceList.get': call<PriceListDetail>()(PriceListGetInput),
  'priceList.publish': call<PriceListVersionSummary>()(PriceListPublishInput),
} satisfies DomainCalls;

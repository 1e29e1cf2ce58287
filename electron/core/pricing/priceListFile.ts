// A grid company's price list file (docs/price-list-format.md): read and checked whole. A file with any error is
// refused with every error's path; the pure rules (rules/priceList.ts) only ever see a valid list.
import { z } from 'zod';
import {
  COST_KINDS, MAIN_COMPONENTS, priceListProblems, STANDARD_FEE_CODES, VAT_CODES, type PriceList,
} from '../../shared/rules';

const ore = z.number().int('must be a whole number of øre').nonnegative().max(Number.MAX_SAFE_INTEGER);
const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine(
  (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  'is not a real date',
);

const StandardFeeSchema = z.strictObject({
  code: z.enum(STANDARD_FEE_CODES),
  description: text,
  unit: text,
  unitPriceOre: ore,
  vatCode: z.enum(VAT_CODES),
  isConnectionFee: z.boolean(),
});

const CatalogueItemSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits and _'),
  component: z.enum(MAIN_COMPONENTS),
  kind: z.enum(COST_KINDS),
  description: text,
  unit: text,
  unitPriceOre: ore,
  vatCode: z.enum(VAT_CODES),
});

const PriceListSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and -'),
  version: z.number().int().positive(),
  effectiveFrom: isoDate,
  currency: z.literal('NOK'),
  standardFees: z.array(StandardFeeSchema),
  catalogue: z.array(CatalogueItemSchema),
  offerValidity: z.union([
    z.strictObject({ days: z.number().int().positive() }),
    z.strictObject({ months: z.number().int().positive() }),
  ]),
  paymentTermsDays: z.number().int().positive(),
});

export const PriceListFileSchema = z.strictObject({
  $comment: z.string().optional(),
  priceLists: z.array(PriceListSchema).min(1),
});

export type PriceListFileReading = { ok: true; priceLists: PriceList[] } | { ok: false; errors: string[] };

export function readPriceListFile(textOfFile: string): PriceListFileReading {
  let json: unknown;
  try {
    json = JSON.parse(textOfFile);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = PriceListFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`),
    };
  }
  const priceLists: PriceList[] = parsed.data.priceLists;
  const errors: string[] = [];
  const versions = new Set<string>();
  priceLists.forEach((list, index) => {
    const key = `${list.id} v${list.version}`;
    if (versions.has(key)) errors.push(`priceLists.${index}: ${key} appears more than once`);
    versions.add(key);
    for (const problem of priceListProblems(list)) errors.push(`priceLists.${index}.${problem}`);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, priceLists };
}

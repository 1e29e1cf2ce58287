// A grid company's price list file (docs/price-list-format.md): read and checked whole. A file with any error is
// refused with every error's path; the pure rules (rules/priceList.ts) only ever see a valid list. One version's
// schema is the contract's, so a version published in the app obeys the same rules (contract/priceLists.ts).
import { z } from 'zod';
import { PriceListSchema } from '../../shared/contract/priceLists';
import { priceListProblems, type PriceList } from '../../shared/rules';

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

// A revised offer starts from the lines of the offer in force, priced by the price list in effect now: a line that
// came from the price list takes the item's price and VAT code from the new version (its quantity and wording stay as
// the case handler left them); a line typed in by hand stays as it was. A line whose item the new version no longer
// has keeps its old price but becomes a hand-typed line, so no line names a version the offer is not made from.
import type { OfferLine } from './offerCalculation';
import { catalogueItem, STANDARD_FEE_CODES, standardFee, type PriceList, type StandardFeeCode } from './priceList';
import { connectionFeeDeductionFor } from './standardOfferLines';
import type { Ore } from './money';

export interface RevisedLines {
  lines: OfferLine[];
  connectionFeeDeduction: Ore | null;
  /** Item codes the new version lacks: those lines were kept at their old price as hand-typed lines. */
  missing: string[];
}

const isFeeCode = (code: string): code is StandardFeeCode => (STANDARD_FEE_CODES as readonly string[]).includes(code);

function priceOf(list: PriceList, line: OfferLine, code: string): Pick<OfferLine, 'unitPriceOre' | 'vatCode'> | null {
  const entry = line.component === 'fee' && isFeeCode(code) ? standardFee(list, code) : catalogueItem(list, code);
  return entry ? { unitPriceOre: entry.unitPriceOre, vatCode: entry.vatCode } : null;
}

/**
 * The lines of `previous` (made from `previousList`) re-priced by `list`. The connection-fee deduction is worked out
 * afresh when the previous offer used the one the price list gives; a deduction the case handler set by hand stays.
 */
export function revisedLines(
  previous: { lines: readonly OfferLine[]; connectionFeeDeduction: Ore | null },
  previousList: PriceList | null,
  list: PriceList,
): RevisedLines {
  const missing: string[] = [];
  const lines = previous.lines.map((line): OfferLine => {
    if (!line.source) return { ...line };
    const price = priceOf(list, line, line.source.itemCode);
    if (!price) {
      missing.push(line.source.itemCode);
      return { ...line, source: null };
    }
    return { ...line, ...price, source: { priceListId: list.id, version: list.version, itemCode: line.source.itemCode } };
  });
  const previousDeduction = previous.connectionFeeDeduction || null;
  const wasStandard = previousList !== null && previousDeduction === connectionFeeDeductionFor(previous.lines, previousList);
  return {
    lines,
    connectionFeeDeduction: wasStandard ? connectionFeeDeductionFor(lines, list) : previousDeduction,
    missing,
  };
}

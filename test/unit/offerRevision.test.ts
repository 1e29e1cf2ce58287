// A revised offer's lines: price-list lines take the new version's price and VAT code and name it; hand-typed lines
// and quantities stay as they were; a line whose item the new version lacks keeps its old price as a free line; the
// connection-fee deduction follows the new fee unless the case handler had set it by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPriceListFile } from '../../core/pricing/priceListFile';
import { findPriceList, revisedLines, standardLinesFor, type OfferLine, type PriceList } from '../../shared/rules';

const reading = readPriceListFile(readFileSync(path.join(__dirname, '../../resources/pricelist/demo-price-list.json'), 'utf8'));
const lists = reading.ok ? reading.priceLists : [];
const v2 = findPriceList(lists, 'agder-nett-standard', 2)!;

/** Version 3: every catalogue item and fee 10 000 øre dearer, the fitter hour at 25 % VAT, the planning hour gone. */
const v3: PriceList = {
  ...structuredClone(v2),
  version: 3,
  effectiveFrom: '2026-12-01',
  standardFees: v2.standardFees.map((fee) => ({ ...fee, unitPriceOre: fee.unitPriceOre + 10_000 })),
  catalogue: v2.catalogue
    .filter((item) => item.code !== 'planning_hour')
    .map((item) => ({
      ...item,
      unitPriceOre: item.unitPriceOre + 10_000,
      vatCode: item.code === 'fitter_hour' ? 'standard' as const : item.vatCode,
    })),
};

const freeLine: OfferLine = {
  id: 'free:1', component: 'groundworks', kind: 'work', description: 'Sprenging av fjell', quantityMilli: 3500, unit: 'time',
  unitPriceOre: 145_000, vatCode: 'exempt', source: null,
};

function issuedOffer() {
  const standard = standardLinesFor('new_installation', { mainFuseA: 63 }, v2);
  // The case handler changed the cable length and the fitter line's wording before issuing.
  const lines = standard.lines.map((line) => line.source?.itemCode === 'cable_tfxp_4x50_al'
    ? { ...line, quantityMilli: 40_000 }
    : line.source?.itemCode === 'fitter_hour' ? { ...line, description: 'Montør, to mann' } : line);
  return { lines: [...lines, freeLine], connectionFeeDeduction: standard.connectionFeeDeduction };
}

describe('revisedLines', () => {
  it('re-prices price-list lines by the new version, keeping quantities, wording and free lines', () => {
    const previous = issuedOffer();
    const revised = revisedLines(previous, v2, v3);
    const byId = (lines: readonly OfferLine[], id: string) => lines.find((line) => line.id === id)!;

    const cable = byId(revised.lines, 'std:cable_tfxp_4x50_al');
    expect(cable).toMatchObject({
      quantityMilli: 40_000,
      unitPriceOre: byId(previous.lines, 'std:cable_tfxp_4x50_al').unitPriceOre + 10_000,
      source: { priceListId: 'agder-nett-standard', version: 3, itemCode: 'cable_tfxp_4x50_al' },
    });
    const fitter = byId(revised.lines, 'std:fitter_hour');
    expect(fitter).toMatchObject({ description: 'Montør, to mann', vatCode: 'standard', source: { version: 3 } });
    const fee = byId(revised.lines, 'std:connect_direct_meter');
    expect(fee).toMatchObject({ unitPriceOre: 240_000, source: { version: 3, itemCode: 'connect_direct_meter' } });
    expect(byId(revised.lines, 'free:1')).toEqual(freeLine);
    expect(revised.lines.map((line) => line.id)).toEqual(previous.lines.map((line) => line.id));
  });

  it('keeps a line the new version lacks at its old price as a free line, and names it', () => {
    const previous = issuedOffer();
    const revised = revisedLines(previous, v2, v3);
    const planning = revised.lines.find((line) => line.id === 'std:planning_hour')!;
    const before = previous.lines.find((line) => line.id === 'std:planning_hour')!;
    expect(planning).toEqual({ ...before, source: null });
    expect(revised.missing).toEqual(['planning_hour']);
    // No line names the version the offer is no longer made from.
    expect(revised.lines.filter((line) => line.source && line.source.version !== 3)).toEqual([]);
  });

  it('follows the new connection fee with a standard deduction, and keeps one set by hand', () => {
    const previous = issuedOffer();
    expect(previous.connectionFeeDeduction).toBe(230_000);
    expect(revisedLines(previous, v2, v3).connectionFeeDeduction).toBe(240_000);
    expect(revisedLines({ ...previous, connectionFeeDeduction: 100_000 }, v2, v3).connectionFeeDeduction).toBe(100_000);
    expect(revisedLines({ ...previous, connectionFeeDeduction: null }, v2, v3).connectionFeeDeduction).toBe(null);
  });
});

// An offer's lines as the desk stores them (core/offers/storedLines.ts): without their key names, giving back exactly
// the lines they were made from; a row stored before in the object form reads the same; anything that is not a line
// is kept as it came rather than stored as something else.
import { describe, expect, it } from 'vitest';
import { fromStoredLines, sameStoredLines, storedFromCentral, toStoredLines } from '../../core/offers/storedLines';
import type { OfferLine } from '../../shared/rules';

const LINES: OfferLine[] = [
  {
    id: 'std:cable_laying', component: 'cable', kind: 'work', description: 'Trekking og legging av kabel, «rør» 50 mm',
    quantityMilli: 12_500, unit: 'm', unitPriceOre: 4_500, vatCode: 'exempt',
    source: { priceListId: 'agder-nett-standard', version: 2, itemCode: 'cable_laying' },
  },
  {
    id: 'manual-1', component: 'groundworks', kind: 'work', description: 'Sprenging', quantityMilli: 1_000, unit: 'stk',
    unitPriceOre: 1_250_000, vatCode: 'standard', source: null,
  },
];

describe('stored offer lines', () => {
  it('give back exactly the lines, in their order, without the key names', () => {
    const stored = toStoredLines(LINES);
    expect(stored).not.toMatch(/description|unitPriceOre|priceListId/);
    expect(fromStoredLines(stored)).toEqual(LINES);
    expect(fromStoredLines(toStoredLines([...LINES].reverse()))).toEqual([...LINES].reverse());
    expect(toStoredLines([])).toBe('[]');
  });

  it('read lines stored before in the object form as they are', () => {
    expect(fromStoredLines(JSON.stringify(LINES))).toEqual(LINES);
    expect(sameStoredLines(JSON.stringify(LINES), toStoredLines(LINES))).toBe(true);
    expect(sameStoredLines(JSON.stringify(LINES), toStoredLines(LINES.slice(1)))).toBe(false);
    expect(sameStoredLines('not json', toStoredLines(LINES))).toBe(false);
  });

  it("store a central row's lines in the stored form, and anything that is not lines as it came", () => {
    expect(storedFromCentral(JSON.stringify(LINES))).toBe(toStoredLines(LINES));
    expect(storedFromCentral(LINES)).toBe(toStoredLines(LINES));
    for (const odd of ['[{"x":2}]', 'not json', '{"a":1}', [{ ...LINES[0], extra: 1 }], [{ ...LINES[1], source: undefined }]]) {
      expect(storedFromCentral(odd)).toBe(odd);
    }
  });
});

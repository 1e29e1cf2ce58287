// An offer's lines as the desk stores them (core/offers/storedLines.ts): without their key names and what the line
// before says, giving back exactly the lines they were made from; rows stored before in the object form or with every
// id and source written out read the same; anything that is not a line is kept as it came rather than stored as
// something else.
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
    id: 'std:duct_110_mm', component: 'ducts_and_covers', kind: 'material', description: 'Kabelrør 110 mm',
    quantityMilli: 12_500, unit: 'm', unitPriceOre: 3_800, vatCode: 'exempt',
    source: { priceListId: 'agder-nett-standard', version: 2, itemCode: 'duct_110_mm' },
  },
  {
    // A price-list line given an id of its own, from another version of the list.
    id: 'moved-1', component: 'cable', kind: 'work', description: 'Kabel', quantityMilli: 1_000, unit: 'm',
    unitPriceOre: 4_000, vatCode: 'exempt', source: { priceListId: 'agder-nett-standard', version: 3, itemCode: 'cable_laying' },
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

  it("leave out a price-list line's std: id, and a source's list and version where the line before has them", () => {
    const stored = JSON.parse(toStoredLines(LINES)) as unknown[][];
    expect(stored.map((line) => line[0])).toEqual([null, null, 'moved-1', 'manual-1']);
    expect(stored.map((line) => line[8])).toEqual([
      ['agder-nett-standard', 2, 'cable_laying'], 'duct_110_mm', ['agder-nett-standard', 3, 'cable_laying'], null,
    ]);
    // After a line without a source, the next line's source is written out again.
    const afterManual = [LINES[3], LINES[1]];
    expect((JSON.parse(toStoredLines(afterManual)) as unknown[][])[1][8]).toEqual(['agder-nett-standard', 2, 'duct_110_mm']);
    expect(fromStoredLines(toStoredLines(afterManual))).toEqual(afterManual);
  });

  it('refuse a stored text that leaves out what nothing before it says', () => {
    const stored = JSON.parse(toStoredLines(LINES)) as unknown[][];
    expect(() => fromStoredLines(JSON.stringify([stored[1]]))).toThrow(/list before it/);
    expect(() => fromStoredLines(JSON.stringify([[null, ...stored[3].slice(1)]]))).toThrow(/neither an id nor a source/);
    expect(sameStoredLines(JSON.stringify([stored[1]]), JSON.stringify([stored[1]]))).toBe(false);
  });

  it('read lines stored before in the object form, or with every id and source written out, as they are', () => {
    expect(fromStoredLines(JSON.stringify(LINES))).toEqual(LINES);
    const writtenOut = LINES.map((line) => [
      line.id, line.component, line.kind, line.description, line.quantityMilli, line.unit, line.unitPriceOre, line.vatCode,
      line.source && [line.source.priceListId, line.source.version, line.source.itemCode],
    ]);
    expect(fromStoredLines(JSON.stringify(writtenOut))).toEqual(LINES);
    expect(sameStoredLines(JSON.stringify(writtenOut), toStoredLines(LINES))).toBe(true);
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

// The offer builder's reading of what the handler typed: amounts as NOK text to whole øre, quantities to
// thousandths, each field that does not read named, and the deduction held to the contribution.
import { describe, expect, it } from 'vitest';
import {
  deductionText, freeRow, parseQuantityMilli, readDraft, rowFromCatalogueItem, rowFromFee, rowFromLine, type DraftRow,
} from '../../renderer/src/features/offers/draftRows';
import type { CatalogueItem, OfferLine, StandardFee } from '../../shared/rules';

const cable: CatalogueItem = {
  code: 'cable_tfxp_4x50_al', component: 'cable', kind: 'material', description: 'Kabel TFXP 4x50 Al',
  unit: 'm', unitPriceOre: 8_900, vatCode: 'exempt',
};
const fee: StandardFee = {
  code: 'meter_mounting', description: 'Montering av måler', unit: 'stk', unitPriceOre: 175_000, vatCode: 'standard',
  isConnectionFee: false,
};
const list = { id: 'agder-nett-standard', version: 2 };

function row(id: string, change: Partial<DraftRow>): DraftRow {
  return { ...rowFromCatalogueItem(cable, list, id), ...change };
}

describe('parseQuantityMilli', () => {
  it('reads Norwegian and plain decimals to thousandths', () => {
    expect(parseQuantityMilli('12,5')).toBe(12_500);
    expect(parseQuantityMilli('12.5')).toBe(12_500);
    expect(parseQuantityMilli(' 1 000 ')).toBe(1_000_000);
    expect(parseQuantityMilli('0,125')).toBe(125);
    expect(parseQuantityMilli('-2')).toBe(-2_000);
  });
  it('refuses what is not a quantity', () => {
    for (const text of ['', 'abc', '1,2345', '1,2,3', '12 m']) expect(parseQuantityMilli(text)).toBeNull();
  });
});

describe('rows from the price list and from the offer', () => {
  it('takes price, kind, unit, VAT code and source from the catalogue item, quantity 1', () => {
    expect(rowFromCatalogueItem(cable, list, 'x')).toEqual({
      id: 'x', component: 'cable', kind: 'material', description: 'Kabel TFXP 4x50 Al', quantityText: '1', unit: 'm',
      priceText: '89,00', vatCode: 'exempt', source: { priceListId: 'agder-nett-standard', version: 2, itemCode: 'cable_tfxp_4x50_al' },
    });
    expect(rowFromFee(fee, list, 'f')).toMatchObject({ component: 'fee', kind: 'work', priceText: '1\u00a0750,00', vatCode: 'standard' });
  });

  it('shows a stored line as the handler would type it and reads it back unchanged', () => {
    const line: OfferLine = {
      id: 'l1', component: 'cable', kind: 'material', description: 'Kabel', quantityMilli: 12_500, unit: 'm',
      unitPriceOre: 1_234_550, vatCode: 'exempt', source: null,
    };
    const shown = rowFromLine(line);
    expect(shown).toMatchObject({ quantityText: '12,5', priceText: '12\u00a0345,50' });
    expect(readDraft({ rows: [shown], deductionText: '' }).lines).toEqual([line]);
    expect(deductionText(230_000)).toBe('2\u00a0300,00');
    expect(deductionText(null)).toBe('');
  });
});

describe('readDraft', () => {
  it('turns typed NOK into exact øre and works out net and VAT per line', () => {
    const reading = readDraft({
      rows: [row('a', { quantityText: '25', priceText: '89' }), { ...rowFromFee(fee, list, 'b'), priceText: '1 750,55' }],
      deductionText: '',
    });
    expect(reading.lines?.map((l) => l.unitPriceOre)).toEqual([8_900, 175_055]);
    expect(reading.calculation?.lines.map((l) => [l.netOre, l.vatOre])).toEqual([[222_500, 0], [175_055, 43_764]]);
    expect(reading.calculation?.grossOre).toBe(222_500 + 175_055 + 43_764);
  });

  it('names every field that does not read, saves nothing, and still totals the lines that read', () => {
    const reading = readDraft({
      rows: [
        row('ok', { quantityText: '2', priceText: '100' }),
        row('bad', { description: ' ', quantityText: '-1', priceText: '12,345', unit: '' }),
        row('neg', { priceText: '-5' }),
        freeRow('free', 'Omlegging'),
      ],
      deductionText: '',
    });
    expect(reading.lines).toBeNull();
    expect(reading.problems).toEqual({
      bad: { description: 'descriptionRequired', quantityText: 'quantityNegative', priceText: 'priceInvalid', unit: 'unitRequired' },
      neg: { priceText: 'priceNegative' },
      free: { priceText: 'priceInvalid' },
    });
    expect(reading.calculation?.grossOre).toBe(20_000);
  });

  it('holds the deduction to the contribution before it, and refuses what does not read', () => {
    const rows = [row('a', { quantityText: '10', priceText: '100' })]; // 1 000,00 kr exempt cost
    expect(readDraft({ rows, deductionText: '1 000,00' })).toMatchObject({ deductionOre: 100_000, deductionProblem: null });
    expect(readDraft({ rows, deductionText: '1 000,00' }).calculation?.contributionOre).toBe(0);
    expect(readDraft({ rows, deductionText: '1 000,01' })).toMatchObject({ lines: null, deductionProblem: 'deductionAboveContribution', contributionOre: 100_000 });
    expect(readDraft({ rows, deductionText: 'tusen' })).toMatchObject({ lines: null, deductionProblem: 'deductionInvalid' });
    expect(readDraft({ rows, deductionText: '-5' })).toMatchObject({ lines: null, deductionProblem: 'deductionNegative' });
    expect(readDraft({ rows, deductionText: '0' })).toMatchObject({ deductionOre: null, deductionProblem: null });
    expect(readDraft({ rows, deductionText: '' }).lines).toHaveLength(1);
  });

  it('reports an amount too large to hold exactly instead of a wrong figure', () => {
    const reading = readDraft({ rows: [row('a', { quantityText: '999999999999', priceText: '99999999999' })], deductionText: '' });
    expect(reading.lines).toBeNull();
    expect(reading.calculationError).toMatch(/too large/);
    expect(reading.calculation).toBeNull();
  });
});

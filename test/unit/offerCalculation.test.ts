import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  calculateOffer, OfferCalculationError, type OfferLine,
} from '../../shared/rules/offerCalculation';
import { connectionFeeDeductionFor, standardLinesFor } from '../../shared/rules/standardOfferLines';
import { findPriceList, type PriceList } from '../../shared/rules/priceList';

const NBSP = '\u00a0';
let counter = 0;
function line(extra: Partial<OfferLine>): OfferLine {
  counter += 1;
  return {
    id: `l${counter}`, component: 'cable', kind: 'material', description: 'Kabel TFXP 4x50 Al', quantityMilli: 1000,
    unit: 'm', unitPriceOre: 100, vatCode: 'exempt', source: null, ...extra,
  };
}

const demo: PriceList[] = JSON.parse(
  readFileSync(path.join(__dirname, '../../resources/pricelist/demo-price-list.json'), 'utf8'),
).priceLists;
const v2 = findPriceList(demo, 'agder-nett-standard', 2)!;

describe('line amounts: quantity × price, rounded half-up once per line', () => {
  it('multiplies a fractional quantity exactly', () => {
    const { lines } = calculateOffer({ lines: [line({ quantityMilli: 12_500, unitPriceOre: 18_900 })], connectionFeeDeduction: null });
    expect(lines[0].netOre).toBe(236_250); // 12,5 m × 189,00 kr
  });

  it('rounds half an øre up and under half down', () => {
    const { lines } = calculateOffer({
      lines: [
        line({ quantityMilli: 500, unitPriceOre: 1 }), // 0,5 øre
        line({ quantityMilli: 499, unitPriceOre: 1 }), // 0,499 øre
        line({ quantityMilli: 1_500, unitPriceOre: 333 }), // 499,5 øre
      ],
      connectionFeeDeduction: null,
    });
    expect(lines.map((l) => l.netOre)).toEqual([1, 0, 500]);
  });

  it('sums the rounded lines, so many half-øre lines do not drift (no rounding of the sum)', () => {
    const lines = Array.from({ length: 1001 }, () => line({ quantityMilli: 500, unitPriceOre: 1 }));
    const offer = calculateOffer({ lines, connectionFeeDeduction: null });
    expect(offer.netOre).toBe(1001); // each 0,5 øre rounds to 1; rounding the unrounded sum (500,5) would give 501
  });

  it('stays exact for amounts beyond 2^31 øre, and refuses what cannot be held exactly', () => {
    const big = line({ component: 'transformer_capacity_share', quantityMilli: 2_500, unitPriceOre: 987_654_321 });
    const offer = calculateOffer({ lines: [big, line({ unitPriceOre: 1 })], connectionFeeDeduction: null });
    expect(offer.lines[0].netOre).toBe(2_469_135_803); // 2 469 135 802,5 øre, half rounds up
    expect(offer.netOre).toBe(2_469_135_804);
    expect(offer.netOre).toBeGreaterThan(2 ** 31);
    // Here quantity × price (44 147 966 088 250 500) is past 2^53: in floating point it would lose the ,5 and round
    // down to …250; done exactly it is …251.
    const huge = line({ quantityMilli: 45_410_190, unitPriceOre: 972_203_950 });
    expect(Math.round((45_410_190 * 972_203_950) / 1000)).toBe(44_147_966_088_250);
    expect(calculateOffer({ lines: [huge], connectionFeeDeduction: null }).netOre).toBe(44_147_966_088_251);
    expect(() => calculateOffer({
      lines: [line({ quantityMilli: 2 ** 52, unitPriceOre: 1_000_000 })], connectionFeeDeduction: null,
    })).toThrow(/too large/);
  });

  it('refuses a negative or fractional quantity, a negative or fractional price and duplicate ids', () => {
    const refuse = (bad: Partial<OfferLine>) =>
      expect(() => calculateOffer({ lines: [line(bad)], connectionFeeDeduction: null })).toThrow(OfferCalculationError);
    refuse({ quantityMilli: -1000 });
    refuse({ quantityMilli: 1.5 });
    refuse({ unitPriceOre: -100 });
    refuse({ unitPriceOre: 10.5 });
    refuse({ vatCode: 'reduced' as never });
    expect(() => calculateOffer({ lines: [line({ id: 'x' }), line({ id: 'x' })], connectionFeeDeduction: null }))
      .toThrow(/"x" appears more than once/);
  });
});

describe('VAT per line, by VAT code', () => {
  it('puts no VAT on the regulated contribution and 25 % on services', () => {
    const offer = calculateOffer({
      lines: [
        line({ id: 'cable', unitPriceOre: 1_000_000 }),
        line({ id: 'power', component: 'fee', kind: 'work', unitPriceOre: 328_000, vatCode: 'standard' }),
      ],
      connectionFeeDeduction: null,
    });
    expect(offer.lines.map((l) => [l.id, l.vatOre, l.grossOre])).toEqual([['cable', 0, 1_000_000], ['power', 82_000, 410_000]]);
    expect(offer.vatTotals).toEqual([
      { vatCode: 'exempt', percent: 0, netOre: 1_000_000, vatOre: 0 },
      { vatCode: 'standard', percent: 25, netOre: 328_000, vatOre: 82_000 },
    ]);
    expect(offer.grossOre).toBe(1_410_000);
  });

  it("a mixed offer's VAT is the sum of the lines' VAT, not 25 % of a total", () => {
    // Three 25 % lines of 2 øre each carry 0,5 → 1 øre VAT apiece: 3 øre. 25 % of their 6 øre total would be 2 øre,
    // and 25 % of the whole offer's net would be more still.
    const services = [1, 2, 3].map(() => line({ component: 'fee', kind: 'work', unitPriceOre: 2, vatCode: 'standard' }));
    const offer = calculateOffer({ lines: [line({ unitPriceOre: 1_000 }), ...services], connectionFeeDeduction: null });
    expect(offer.vatOre).toBe(3);
    expect(offer.vatTotals.find((t) => t.vatCode === 'standard')).toMatchObject({ netOre: 6, vatOre: 3 });
    expect(offer.grossOre).toBe(1_000 + 6 + 3);
  });
});

describe('totals per main component, work versus materials', () => {
  it('splits each component and the whole offer into work and materials, in the catalogue order', () => {
    const offer = calculateOffer({
      lines: [
        line({ component: 'groundworks', kind: 'work', unitPriceOre: 42_000, quantityMilli: 10_000 }),
        line({ component: 'cable', kind: 'material', unitPriceOre: 8_900, quantityMilli: 10_000 }),
        line({ component: 'cable', kind: 'work', unitPriceOre: 4_500, quantityMilli: 10_000 }),
        line({ component: 'fee', kind: 'work', unitPriceOre: 230_000 }),
      ],
      connectionFeeDeduction: null,
    });
    expect(offer.components.map((c) => [c.component, c.label, c.workNetOre, c.materialNetOre, c.netOre])).toEqual([
      ['cable', 'Kabel', 45_000, 89_000, 134_000],
      ['groundworks', 'Grunnarbeider', 420_000, 0, 420_000],
      ['fee', 'Gebyrer og tjenester', 230_000, 0, 230_000],
    ]);
    expect([offer.workNetOre, offer.materialNetOre]).toEqual([695_000, 89_000]);
    expect(offer.contributionBeforeDeductionOre).toBe(554_000); // the fee is not part of the cost of the connection
  });
});

describe('connection-fee deduction', () => {
  const costs = [
    line({ component: 'cable', unitPriceOre: 800_000 }),
    line({ component: 'execution_hours', kind: 'work', unitPriceOre: 200_000 }),
  ];
  const fee = line({ id: 'fee', component: 'fee', kind: 'work', unitPriceOre: 230_000 });
  const service = line({ id: 'mount', component: 'fee', kind: 'work', unitPriceOre: 175_000, vatCode: 'standard' });

  it('takes the connection fee off the contribution as a negative figure on the regulated part', () => {
    const offer = calculateOffer({ lines: [...costs, fee, service], connectionFeeDeduction: 230_000 });
    expect(offer.contributionBeforeDeductionOre).toBe(1_000_000);
    expect(offer.deduction).toEqual({ amountOre: -230_000, description: 'Fradrag for tilknytningsgebyr' });
    expect(offer.contributionOre).toBe(770_000);
    expect(offer.vatTotals[0]).toEqual({ vatCode: 'exempt', percent: 0, netOre: 1_230_000 - 230_000, vatOre: 0 });
    // The customer pays fee + (cost − fee) + the service with its VAT: the actual cost, the fee not twice.
    expect(offer.netOre).toBe(1_000_000 + 175_000);
    expect(offer.grossOre).toBe(1_000_000 + 175_000 + 43_750);
  });

  it('changes nothing when none applies', () => {
    const offer = calculateOffer({ lines: [...costs, fee], connectionFeeDeduction: null });
    expect(offer.deduction).toBeNull();
    expect(offer.contributionOre).toBe(1_000_000);
    expect(offer.netOre).toBe(1_230_000);
  });

  it('may bring the contribution to zero but never below, and refuses a larger deduction with a clear error', () => {
    expect(calculateOffer({ lines: [...costs], connectionFeeDeduction: 1_000_000 }).contributionOre).toBe(0);
    expect(() => calculateOffer({ lines: [...costs], connectionFeeDeduction: 1_000_001 })).toThrow(
      `the connection fee deduction (10${NBSP}000,01${NBSP}kr) is larger than the investment contribution (10${NBSP}000,00${NBSP}kr)`,
    );
  });

  it('deducts only from the regulated (exempt) cost lines, not from services carrying VAT', () => {
    const taxedCost = line({ component: 'cabinet', unitPriceOre: 5_000_000, vatCode: 'standard' });
    expect(() => calculateOffer({ lines: [taxedCost, line({ unitPriceOre: 100_000 })], connectionFeeDeduction: 230_000 }))
      .toThrow(OfferCalculationError);
  });

  it('refuses a negative or fractional deduction', () => {
    expect(() => calculateOffer({ lines: costs, connectionFeeDeduction: -100 })).toThrow(OfferCalculationError);
    expect(() => calculateOffer({ lines: costs, connectionFeeDeduction: 100.5 })).toThrow(OfferCalculationError);
  });
});

describe('explanation: how each figure came about', () => {
  it('writes each line, its VAT, the component totals, the deduction and the grand total in bokmål with the figures', () => {
    const offer = calculateOffer({
      lines: [
        line({ id: 'kabel', quantityMilli: 35_000, unitPriceOre: 18_900 }),
        line({ id: 'fee', component: 'fee', kind: 'work', description: 'Tilknytning', unitPriceOre: 230_000 }),
        line({ id: 'bygg', component: 'fee', kind: 'work', description: 'Tilkobling av byggestrøm', unitPriceOre: 328_000, vatCode: 'standard' }),
      ],
      connectionFeeDeduction: 230_000,
    });
    const texts = offer.explanation.map((step) => step.text.replaceAll(NBSP, ' '));
    expect(texts).toContain('Kabel: Kabel TFXP 4x50 Al, 35 m × 189,00 kr = 6 615,00 kr');
    expect(texts).toContain('Mva 25 % av 3 280,00 kr = 820,00 kr');
    expect(texts).toContain('Kabel: arbeid 0,00 kr + materiell 6 615,00 kr = 6 615,00 kr');
    expect(texts).toContain('Fradrag for tilknytningsgebyr: −2 300,00 kr');
    expect(texts).toContain('Anleggsbidrag: 4 315,00 kr');
    expect(texts.at(-1)).toBe('Totalt å betale: 9 895,00 kr + mva 820,00 kr = 10 715,00 kr');
    expect(offer.explanation.find((s) => s.lineId === 'kabel')?.amountOre).toBe(661_500);
  });
});

describe('standard lines a request implies', () => {
  it('a new installation with a direct meter: connection fee, cable run, cabinet, hours, meter — and its deduction', () => {
    const standard = standardLinesFor('new_installation', { mainFuseA: 63, serviceCableLengthM: 35 }, v2);
    expect(standard.missing).toEqual([]);
    const codes = standard.lines.map((l) => l.source?.itemCode);
    expect(codes).toContain('connect_direct_meter');
    expect(codes).toContain('meter_direct');
    expect(codes).not.toContain('connect_transformer_meter');
    expect(standard.lines.find((l) => l.source?.itemCode === 'cable_tfxp_4x50_al')?.quantityMilli).toBe(35_000);
    expect(standard.lines.every((l) => l.source?.priceListId === 'agder-nett-standard' && l.source.version === 2)).toBe(true);
    expect(standard.connectionFeeDeduction).toBe(230_000);
    const offer = calculateOffer(standard);
    expect(offer.vatOre).toBe(0); // a new installation is regulated contribution only
    expect(offer.netOre).toBe(offer.contributionBeforeDeductionOre); // the fee is paid, then taken off the cost
  });

  it('a main fuse above 80 A means the transformer-meter fee and meter set', () => {
    const codes = standardLinesFor('new_installation', { mainFuseA: 125 }, v2).lines.map((l) => l.source?.itemCode);
    expect(codes).toEqual(expect.arrayContaining(['connect_transformer_meter', 'meter_transformer_set']));
    expect(codes).not.toContain('meter_direct');
  });

  it('construction power: on and off with 25 % VAT and no deduction; the cabinet rent is not guessed up front', () => {
    const standard = standardLinesFor('temporary_installation', { mainFuseA: 63 }, v2);
    expect(standard.lines.map((l) => [l.source?.itemCode, l.quantityMilli, l.vatCode])).toEqual([
      ['construction_power_connect', 1000, 'standard'],
      ['construction_power_disconnect', 1000, 'standard'],
    ]);
    expect(standard.connectionFeeDeduction).toBeNull();
    const offer = calculateOffer(standard);
    expect(offer.netOre).toBe(328_000 + 228_000);
    expect(offer.vatOre).toBe((328_000 + 228_000) / 4);
  });

  it('metering-point work is meter mounting, a service with VAT', () => {
    const standard = standardLinesFor('metering_point_work', { mainFuseA: null }, v2);
    expect(standard.lines.map((l) => [l.source?.itemCode, l.unitPriceOre, l.vatCode])).toEqual([['meter_mounting', 175_000, 'standard']]);
  });

  it('caps the suggested deduction at the contribution, so the offer still calculates', () => {
    const lines = [line({ id: 'fee', component: 'fee', kind: 'work', unitPriceOre: 230_000,
      source: { priceListId: v2.id, version: 2, itemCode: 'connect_direct_meter' } }), line({ unitPriceOre: 100_000 })];
    expect(connectionFeeDeductionFor(lines, v2)).toBe(100_000);
    expect(calculateOffer({ lines, connectionFeeDeduction: connectionFeeDeductionFor(lines, v2) }).contributionOre).toBe(0);
  });

  it('reports what the price list lacks instead of inventing a price', () => {
    const bare: PriceList = { ...v2, catalogue: v2.catalogue.filter((item) => item.code !== 'planning_hour') };
    const standard = standardLinesFor('join_split', { mainFuseA: 50 }, bare);
    expect(standard.missing).toEqual(['planning_hour']);
    expect(standard.lines.map((l) => l.source?.itemCode)).toEqual(['fitter_hour']);
  });
});

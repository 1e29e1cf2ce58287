import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPriceListFile } from '../../core/pricing/priceListFile';
import { calculateOffer } from '../../shared/rules/offerCalculation';
import {
  catalogueItem, findPriceList, MAIN_COMPONENTS, offerValidUntil, priceListInEffect, standardFee, type PriceList,
} from '../../shared/rules/priceList';
import { standardLinesFor } from '../../shared/rules/standardOfferLines';

const demoText = readFileSync(path.join(__dirname, '../../resources/pricelist/demo-price-list.json'), 'utf8');
const demoReading = readPriceListFile(demoText);
const demo = demoReading.ok ? demoReading.priceLists : [];
const errorsOf = (file: unknown) => {
  const reading = readPriceListFile(JSON.stringify(file));
  return reading.ok ? [] : reading.errors;
};

describe('the demo price list', () => {
  it('validates, with two versions of one list taking effect on different dates', () => {
    expect(demoReading).toMatchObject({ ok: true });
    expect(demo.map((list) => [list.id, list.version, list.effectiveFrom])).toEqual([
      ['agder-nett-standard', 1, '2025-01-01'],
      ['agder-nett-standard', 2, '2026-01-01'],
    ]);
  });

  it("uses domain.md's fee levels and VAT codes: regulated connection fees exempt, services at 25 %", () => {
    const current = findPriceList(demo, 'agder-nett-standard', 2)!;
    const fee = (code: Parameters<typeof standardFee>[1]) => standardFee(current, code)!;
    expect(fee('connect_direct_meter')).toMatchObject({ unitPriceOre: 230_000, vatCode: 'exempt', isConnectionFee: true });
    expect(fee('connect_transformer_meter')).toMatchObject({ unitPriceOre: 620_000, vatCode: 'exempt', isConnectionFee: true });
    for (const code of ['construction_power_connect', 'construction_power_disconnect'] as const) {
      expect(fee(code).unitPriceOre).toBeGreaterThanOrEqual(208_000);
      expect(fee(code).unitPriceOre).toBeLessThanOrEqual(328_000);
      expect(fee(code)).toMatchObject({ vatCode: 'standard', isConnectionFee: false });
    }
    expect(fee('construction_power_cabinet_rent_per_day')).toMatchObject({ unit: 'dag', vatCode: 'standard' });
    expect(fee('meter_mounting').unitPriceOre).toBeGreaterThanOrEqual(160_000);
    expect(fee('meter_mounting').unitPriceOre).toBeLessThanOrEqual(200_000);
    expect(fee('meter_mounting').vatCode).toBe('standard');
  });

  it('has cost items for every main component, each exempt (regulated contribution)', () => {
    for (const list of demo) {
      expect(new Set(list.catalogue.map((item) => item.component))).toEqual(new Set(MAIN_COMPONENTS));
      expect(list.catalogue.every((item) => item.vatCode === 'exempt')).toBe(true);
    }
  });
});

describe('the version in effect', () => {
  it('is the older version before the newer takes effect, the newer from its first day on', () => {
    expect(priceListInEffect(demo, '2025-12-31')?.version).toBe(1);
    expect(priceListInEffect(demo, '2026-01-01')?.version).toBe(2);
    expect(priceListInEffect(demo, '2027-06-15')?.version).toBe(2);
  });

  it('is none before any list takes effect', () => {
    expect(priceListInEffect(demo, '2024-12-31')).toBeNull();
  });

  it('does not depend on the order of the lists, breaks a date tie by the higher version, and can be asked by id', () => {
    const v1 = demo[0];
    const other: PriceList = { ...v1, id: 'other-company', effectiveFrom: '2026-06-01' };
    const fix: PriceList = { ...demo[1], version: 3 };
    const lists = [fix, other, demo[1], v1];
    expect(priceListInEffect(lists, '2026-03-01', 'agder-nett-standard')?.version).toBe(3);
    expect(priceListInEffect(lists, '2026-07-01')?.id).toBe('other-company');
    expect(priceListInEffect(lists, '2025-03-01', 'agder-nett-standard')?.version).toBe(1);
  });

  it('prices an offer by the version in effect on its date, and the offer keeps it when a newer list exists', () => {
    const december = priceListInEffect(demo, '2025-12-15')!;
    const lines = standardLinesFor('new_installation', { mainFuseA: 25, serviceCableLengthM: 40 }, december).lines;
    expect(lines.every((line) => line.source?.version === 1)).toBe(true);
    const cable = lines.find((line) => line.source?.itemCode === 'cable_tfxp_4x50_al')!;
    expect(cable.unitPriceOre).toBe(catalogueItem(demo[0], 'cable_tfxp_4x50_al')!.unitPriceOre);
    expect(cable.unitPriceOre).not.toBe(catalogueItem(demo[1], 'cable_tfxp_4x50_al')!.unitPriceOre);
    // Calculated again in January, after version 2 took effect: the same lines give the same figures.
    const before = calculateOffer({ lines, connectionFeeDeduction: 220_000 });
    const again = calculateOffer({ lines: structuredClone(lines), connectionFeeDeduction: 220_000 });
    expect(again.grossOre).toBe(before.grossOre);
    expect(findPriceList(demo, cable.source!.priceListId, cable.source!.version)).toBe(demo[0]);
    // …whereas the same request dated in January is priced from version 2.
    const january = standardLinesFor('new_installation', { mainFuseA: 25, serviceCableLengthM: 40 }, priceListInEffect(demo, '2026-01-10')!);
    expect(calculateOffer(january).grossOre).toBeGreaterThan(before.grossOre);
  });
});

describe('offer validity', () => {
  it('runs months by the calendar, falling back to the last day of a shorter month', () => {
    expect(offerValidUntil('2026-03-15', { months: 3 })).toBe('2026-06-15');
    expect(offerValidUntil('2025-11-30', { months: 3 })).toBe('2026-02-28');
    expect(offerValidUntil('2026-12-31', { months: 2 })).toBe('2027-02-28');
  });

  it('runs days across months and years', () => {
    expect(offerValidUntil('2026-12-20', { days: 30 })).toBe('2027-01-19');
  });
});

describe('a bad price list file is refused with a clear error', () => {
  const v2 = JSON.parse(demoText).priceLists[1];
  const withList = (change: (list: Record<string, unknown>) => void) => {
    const list = structuredClone(v2);
    change(list);
    return errorsOf({ priceLists: [list] });
  };

  it('refuses text that is not JSON', () => {
    expect(readPriceListFile('{oops')).toEqual({ ok: false, errors: [expect.stringMatching(/^not valid JSON/)] });
  });

  it('names the place of a price in kroner with decimals instead of whole øre', () => {
    expect(withList((list) => { (list.catalogue as Array<Record<string, unknown>>)[0].unitPriceOre = 89.5; }))
      .toEqual([expect.stringMatching(/^priceLists\.0\.catalogue\.0\.unitPriceOre: must be a whole number of øre/)]);
  });

  it('names an unknown VAT code, main component and fee code', () => {
    const errors = withList((list) => {
      (list.catalogue as Array<Record<string, unknown>>)[1].vatCode = '25';
      (list.catalogue as Array<Record<string, unknown>>)[2].component = 'wires';
      (list.standardFees as Array<Record<string, unknown>>)[0].code = 'hookup';
    });
    expect(errors.map((e) => e.split(':')[0]).sort()).toEqual([
      'priceLists.0.catalogue.1.vatCode', 'priceLists.0.catalogue.2.component', 'priceLists.0.standardFees.0.code',
    ]);
  });

  it('refuses an impossible effective date, another currency, and a negative price', () => {
    expect(withList((list) => { list.effectiveFrom = '2026-02-30'; })).toEqual([expect.stringMatching(/^priceLists\.0\.effectiveFrom: is not a real date/)]);
    expect(withList((list) => { list.currency = 'EUR'; })).toEqual([expect.stringMatching(/^priceLists\.0\.currency/)]);
    expect(withList((list) => { (list.standardFees as Array<Record<string, unknown>>)[0].unitPriceOre = -1; }))
      .toEqual([expect.stringMatching(/^priceLists\.0\.standardFees\.0\.unitPriceOre/)]);
  });

  it('refuses a duplicate item code and the same version twice', () => {
    expect(withList((list) => { (list.catalogue as Array<Record<string, unknown>>)[1].code = 'cable_tfxp_4x50_al'; }))
      .toEqual(['priceLists.0.catalogue: code "cable_tfxp_4x50_al" appears more than once']);
    expect(errorsOf({ priceLists: [v2, v2] })).toEqual(['priceLists.1: agder-nett-standard v2 appears more than once']);
  });

  it('refuses unknown keys, so a misspelt field is not silently ignored', () => {
    expect(withList((list) => { list.paymentTerms = 30; })).toEqual([expect.stringMatching(/^priceLists\.0: Unrecognized key/)]);
  });
});

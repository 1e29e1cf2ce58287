// One name and one VAT rate per service (issue 13, item 13): the price list is the single source of what an item is
// called and how it is taxed; the builder's item names, the letter's lines and the letter's VAT note must agree with
// it. "Montering av måler" at 25 % in one place and "Montasje av måler" at 0 % in another was the fault.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VAT_NOTE } from '../../core/offers/letterTemplate';
import { priceListProblems, standardFee, type PriceList, type VatCode } from '../../shared/rules';
import { DEMO_OFFER_LINES } from '../fixtures/offers/demoOfferLetter';

const lists: PriceList[] = JSON.parse(
  readFileSync(path.join(__dirname, '../../resources/pricelist/demo-price-list.json'), 'utf8'),
).priceLists;
const nb = JSON.parse(readFileSync(path.join(__dirname, '../../renderer/src/i18n/nb.json'), 'utf8'));

interface Named { code: string; description: string; vatCode: VatCode; where: string }

function everyItem(): Named[] {
  return lists.flatMap((list) => [
    ...list.standardFees.map((fee) => ({ ...fee, where: `${list.id} v${list.version} fee` })),
    ...list.catalogue.map((item) => ({ ...item, where: `${list.id} v${list.version} catalogue` })),
  ]);
}

/** Groups the items by a key and returns the groups that hold more than one value of `value`. */
function conflicts(by: (item: Named) => string, value: (item: Named) => string): string[] {
  const seen = new Map<string, Map<string, string>>();
  for (const item of everyItem()) {
    const values = seen.get(by(item)) ?? new Map<string, string>();
    values.set(value(item), item.where);
    seen.set(by(item), values);
  }
  return [...seen].filter(([, values]) => values.size > 1).map(([key, values]) => `${key}: ${[...values.keys()].join(' / ')}`);
}

describe('the price list names each service once, with one VAT rate', () => {
  it('gives a name one VAT code, in every list and version', () => {
    expect(conflicts((item) => item.description.toLowerCase(), (item) => item.vatCode)).toEqual([]);
  });

  it('gives a code one name and one VAT code across versions', () => {
    expect(conflicts((item) => item.code, (item) => item.description)).toEqual([]);
    expect(conflicts((item) => item.code, (item) => item.vatCode)).toEqual([]);
  });

  it('finds a conflict when two items share a name with different VAT (the check itself works)', () => {
    const original = lists[0].catalogue;
    lists[0].catalogue = [...original, { ...original[0], code: 'twin', description: 'Montering av måler', vatCode: 'exempt' }];
    try {
      expect(conflicts((item) => item.description.toLowerCase(), (item) => item.vatCode)).toEqual([
        'montering av måler: standard / exempt',
      ]);
    } finally {
      lists[0].catalogue = original;
    }
  });

  it("names each item in the builder's messages exactly as the price list does", () => {
    const items: Record<string, string> = nb.offers.items;
    for (const item of everyItem()) {
      if (items[item.code] !== undefined) expect(items[item.code], item.code).toBe(item.description);
    }
  });

  it("keeps the letter's VAT note true to the price list: meter mounting is a service at 25 %", () => {
    for (const list of lists) {
      expect(standardFee(list, 'meter_mounting')).toMatchObject({ description: 'Montering av måler', vatCode: 'standard' });
    }
    expect(VAT_NOTE).toContain('montering av måler har 25 % merverdiavgift');
  });

  it('gives the demo letter lines named as price-list items the same VAT code as the list', () => {
    const byName = new Map(everyItem().map((item) => [item.description.toLowerCase(), item.vatCode]));
    const named = DEMO_OFFER_LINES.filter((line) => byName.has(line.description.toLowerCase()));
    expect(named.map((line) => line.description)).toContain('Montering av måler');
    for (const line of named) expect(line.vatCode, line.description).toBe(byName.get(line.description.toLowerCase()));
  });
});

describe('a price list that names one service with two VAT codes', () => {
  it('is refused when it is loaded or published (priceListProblems)', () => {
    const list = structuredClone(lists[1]);
    expect(priceListProblems(list)).toEqual([]);
    list.catalogue.push({ ...list.catalogue[0], code: 'meter_mounting_exempt', description: 'Montering av måler', vatCode: 'exempt' });
    expect(priceListProblems(list)).toEqual(['"Montering av måler" appears with two VAT codes (standard and exempt)']);
  });
});

// The price list editor's draft: a copy of the newest version with prices as typed NOK text, read back into whole
// øre only when every field reads, each problem named per field; the date today at the earliest.
import { describe, expect, it } from 'vitest';
import { demoPriceLists } from '../../core/pricing/demoPriceList';
import {
  dayAfter, draftFrom, itemsByComponent, newItemCode, readDraft, type PriceListDraft,
} from '../../renderer/src/features/priceLists/priceListDraft';

const newest = demoPriceLists().at(-1)!;
const TODAY = '2026-11-27';

const fresh = (): PriceListDraft => draftFrom(newest, newest.version + 1, TODAY);

describe('priceListDraft', () => {
  it('copies the newest version as the next one, taking effect tomorrow, and reads back unchanged', () => {
    const draft = fresh();
    expect(draft.version).toBe(newest.version + 1);
    expect(draft.effectiveFrom).toBe('2026-11-28');
    expect(draft.fees[0].priceText).toBe('2\u00a0300,00');
    const reading = readDraft(draft, TODAY);
    expect(reading.problems).toEqual({});
    expect(reading.priceList).toEqual({ ...newest, version: newest.version + 1, effectiveFrom: '2026-11-28' });
  });

  it('reads prices typed the Norwegian way exactly, in whole øre', () => {
    const draft = fresh();
    draft.fees[0].priceText = '2 450,50';
    draft.items[0].priceText = '1.234,5';
    const list = readDraft(draft, TODAY).priceList!;
    expect(list.standardFees[0].unitPriceOre).toBe(245_050);
    expect(list.catalogue[0].unitPriceOre).toBe(123_450);
  });

  it('names what does not read, per field, and gives no list', () => {
    const draft = fresh();
    const [first, second] = draft.items;
    draft.items = draft.items.map((item) =>
      item.code === first.code ? { ...item, priceText: 'to tusen' } : item.code === second.code ? { ...item, description: ' ', unit: '' } : item);
    draft.fees[1].priceText = '-100';
    draft.effectiveFrom = '2026-11-26';
    const reading = readDraft(draft, TODAY);
    expect(reading.priceList).toBeNull();
    expect(reading.problems).toEqual({
      [`item:${first.code}`]: { priceText: 'priceInvalid' },
      [`item:${second.code}`]: { description: 'descriptionRequired', unit: 'unitRequired' },
      [`fee:${draft.fees[1].code}`]: { priceText: 'priceInvalid' },
    });
    expect(reading.dateProblem).toBe('dateInPast');
    expect(readDraft({ ...fresh(), effectiveFrom: '' }, TODAY).dateProblem).toBe('dateInvalid');
    expect(readDraft({ ...fresh(), effectiveFrom: TODAY }, TODAY).dateProblem).toBeNull();
    expect(readDraft({ ...fresh(), items: [] }, TODAY).listProblem).toBe('noItems');
  });

  it('gives a new item a code of its own, and groups items in the main components’ order', () => {
    const draft = fresh();
    const code = newItemCode(draft, 'cable');
    expect(code).toBe('cable_ny_1');
    draft.items.push({ code, component: 'cable', kind: 'material', description: 'x', unit: 'm', priceText: '1', vatCode: 'exempt' });
    expect(newItemCode(draft, 'cable')).toBe('cable_ny_2');
    const groups = itemsByComponent(draft.items);
    expect(groups.map((g) => g.component)[0]).toBe('cable');
    expect(groups.find((g) => g.component === 'cable')!.items.at(-1)!.code).toBe(code);
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});

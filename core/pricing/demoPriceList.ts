// The shipped demo price list (resources/pricelist/demo-price-list.json), checked like any loaded file.
import demoPriceListFile from '../../resources/pricelist/demo-price-list.json';
import type { PriceList } from '../../shared/rules';
import { readPriceListFile } from './priceListFile';

export function demoPriceLists(): PriceList[] {
  const reading = readPriceListFile(JSON.stringify(demoPriceListFile));
  if (!reading.ok) throw new Error(`The demo price list is invalid: ${reading.errors.join('; ')}`);
  return reading.priceLists;
}

// npm run load-price-list -- <price-list.json> [--database desk.sqlite]
// Loads a grid company's price list versions (docs/price-list-format.md; the demo is
// resources/pricelist/demo-price-list.json) into the central database (DATABASE_URL) or, with --database, a
// standalone app's SQLite file. The file is checked whole first; a version already loaded is left as it is, and one
// already loaded with other content refuses the whole file (a loaded version never changes). Nothing is stored
// unless everything can be. Exit code: 0 loaded, 2 refused or bad arguments.
import { readPriceListFile } from '../core/pricing/priceListFile';
import { storePriceLists, storePriceListsCentral } from '../core/pricing/priceListStore';
import { runLoadFileCli } from './loadFileCli';

runLoadFileCli({
  script: 'load-price-list',
  fileArgument: '<price-list.json>',
  what: 'price list',
  read(text) {
    const reading = readPriceListFile(text);
    return reading.ok ? { ok: true, value: reading.priceLists } : reading;
  },
  storeLocal: storePriceLists,
  storeCentral: storePriceListsCentral,
  report: (result) => `Price list: ${result.added.length} version(s) added${result.added.length ? ` (${result.added.join(', ')})` : ''}, `
    + `${result.unchanged.length} already loaded.`,
});

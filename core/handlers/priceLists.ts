// Price lists: the versions, and a new version published.
import type { CoreServices, DomainHandlers } from './coreServices';

export const priceListsHandlers = ({ priceLists }: CoreServices) => ({
  'priceList.list': () => priceLists.overview(),
  'priceList.get': (input) => priceLists.get(input.id, input.version),
}) satisfies DomainHandlers;

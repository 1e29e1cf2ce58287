// What a handler may add to an offer: the fees and catalogue items of the price-list version the offer was made
// with (never the newest list: an offer keeps its version, so its lines and its catalogue agree).
import type { OfferCatalogue } from '../../shared/contract';
import type { CoreContext } from '../context';
import { loadOffer, priceListOf } from '../mutations/offerMutations';

export function offerCatalogue(context: CoreContext, offerId: string): OfferCatalogue {
  return priceListOf(context, loadOffer(context, offerId));
}

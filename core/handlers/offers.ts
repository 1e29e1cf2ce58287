// Offers: drafts, revisions, issuing with the letter, the catalogue of lines.
import { offerCatalogue } from '../offers/offerCatalogue';
import type { CoreServices, DomainHandlers } from './coreServices';

export const offersHandlers = ({ context, offers }: CoreServices) => ({
  'offer.list': (input) => offers.list(input.caseId),
  'offer.get': (input) => offers.get(input.offerId),
  'offer.catalogue': (input) => offerCatalogue(context, input.offerId),
}) satisfies DomainHandlers;

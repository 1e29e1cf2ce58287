// The owner's offer in the portal API (service/portal/ownerOfferRoutes.ts): the code goes in the body, never in the URL.
import type { OwnerAnswerOfferInput, OwnerAnswerOfferOutput, OwnerOfferView } from '../../../../shared/portalApi/ownerOffer';
import { call, type ApiResult } from '../../app/api';

const base = (offerId: string) => `/owner/offers/${encodeURIComponent(offerId)}`;

export const ownerOfferApi = {
  open: (offerId: string, code: string) => call<OwnerOfferView>('POST', `${base(offerId)}/open`, { code }),
  answer: (offerId: string, input: OwnerAnswerOfferInput) => call<OwnerAnswerOfferOutput>('POST', `${base(offerId)}/answer`, input),
  /** The letter's PDF as a Blob (POST with the code, so not a plain link). */
  async letter(offerId: string, code: string): Promise<Blob | null> {
    try {
      const response = await fetch(`/api/portal${base(offerId)}/letter`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }),
        credentials: 'omit', cache: 'no-store',
      });
      return response.ok ? await response.blob() : null;
    } catch {
      return null;
    }
  },
};

export type { ApiResult };

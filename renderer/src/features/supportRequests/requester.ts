// Who asked, in words: the firm that asked signed in, or the address typed on the login page (not verified).
import type { TFunction } from 'i18next';
import type { SupportRequestView } from '../../../../shared/contract/supportRequests';

export const requesterOf = (t: TFunction, request: SupportRequestView): string =>
  request.firm?.name ?? t('supportRequests.signedOutRequester', { email: request.contactEmail });

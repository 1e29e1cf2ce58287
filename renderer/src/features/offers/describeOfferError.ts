// The offer builder's failures in words: its own codes from the `offers` texts, anything else as everywhere else.
import type { TFunction } from 'i18next';
import type { AppError } from '../../api/contract';
import { describeError, type ErrorText } from '../../api/describeError';

const OWN_CODES = new Set<string>([
  'offer.notFound',
  'offer.notDraft',
  'offer.notInForce',
  'offer.invalid',
  'offer.noPriceList',
  'offer.changedWhileIssuing',
  'offer.plusskundeContribution',
  'attachment.notPrintable',
  'attachment.printFailed',
  'attachment.saveFailed',
]);

export function describeOfferError(t: TFunction, error: AppError): ErrorText {
  if (!OWN_CODES.has(error.code)) return describeError(t, error);
  const key = `offers.errors.${error.code.replace('.', '_')}`;
  const params = Object.fromEntries(Object.entries(error.params ?? {}).map(([name, value]) => [name, String(value)]));
  return { title: t(`${key}.title`, params), message: t(`${key}.message`, params) };
}

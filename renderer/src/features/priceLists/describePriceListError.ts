// The price list's own failures in words, from the `priceLists` texts; anything else as everywhere else.
import type { TFunction } from 'i18next';
import type { AppError } from '../../api/contract';
import { describeError, type ErrorText } from '../../api/describeError';
import { formatDate, formatNumber } from '../../i18n/format';

const OWN_CODES = new Set<string>(['priceList.notFound', 'priceList.effectiveInPast', 'priceList.versionTaken', 'priceList.invalid']);

export function describePriceListError(t: TFunction, error: AppError): ErrorText {
  if (!OWN_CODES.has(error.code)) return describeError(t, error);
  const key = `priceLists.errors.${error.code.replace('.', '_')}`;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    params[name] = typeof value === 'number' ? formatNumber(value) : /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatDate(String(value)) : String(value);
  }
  return { title: t(`${key}.title`, params), message: t(`${key}.message`, params) };
}

// Work order and register errors in words: our own codes from our keys, everything else as every screen says it.
import type { TFunction } from 'i18next';
import type { AppError } from '../../api/contract';
import { describeError, type ErrorText } from '../../api/describeError';

export function describeWorkOrderError(t: TFunction, error: AppError): ErrorText {
  for (const [prefix, key] of [['workOrder.', 'workOrders'], ['areaSupplier.', 'areaSuppliers']] as const) {
    if (error.code.startsWith(prefix)) {
      const params = { ...error.params } as Record<string, string | number>;
      if (typeof params.status === 'string') params.status = t(`workOrders.status.${params.status}`);
      return { title: t(`${key}.errors.title`), message: t(`${key}.errors.${error.code.slice(prefix.length)}`, params) };
    }
  }
  return describeError(t, error);
}

// Completeness's own refusals in words; anything else as every screen says it.
import type { TFunction } from 'i18next';
import type { AppError } from '../../api/contract';
import { describeError, type ErrorText } from '../../api/describeError';

export function completenessErrorText(t: TFunction, error: AppError): ErrorText {
  if (error.code === 'completeness.itemNotMissing' || error.code === 'completeness.itemUnknown') {
    return { title: t('completeness.errors.title'), message: t(`completeness.errors.${error.code.slice('completeness.'.length)}`) };
  }
  return describeError(t, error);
}

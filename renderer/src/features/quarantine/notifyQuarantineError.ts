// The quarantine's own failures in its own words; anything else as every screen says it.
import type { TFunction } from 'i18next';
import type { AppError } from '../../api/contract';
import { notifyError, notifyWarning } from '../../api/notify';

export function notifyQuarantineError(t: TFunction, error: AppError): void {
  const tooBig = error.code === 'input.invalid' && error.issues?.some((issue) => issue.path === 'raw' && issue.code === 'too_big');
  const own = tooBig ? 'tooBig' : error.code.startsWith('quarantine.') ? error.code.slice('quarantine.'.length) : null;
  if (own === null) {
    notifyError(t, error);
    return;
  }
  const state = typeof error.params?.state === 'string' ? t(`quarantine.state.${error.params.state}`) : '';
  notifyWarning(t(`quarantine.errors.${own}.title`), t(`quarantine.errors.${own}.message`, { state }));
}

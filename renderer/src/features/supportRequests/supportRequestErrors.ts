// The screen's failures in words: it needs the central service (standalone, offline, signed out), the request was
// answered meanwhile or is gone, the role may not answer; anything else as everywhere else.
import type { TFunction } from 'i18next';
import type { AppError } from '../../api/contract';
import { describeError, type ErrorText } from '../../api/describeError';

export function describeSupportError(t: TFunction, error: AppError): ErrorText {
  const reason = String(error.params?.reason ?? '');
  if (error.code === 'central.offline') {
    const title = t('supportRequests.needsConnection.title');
    if (reason === 'standalone') return { title, message: t('supportRequests.needsConnection.standalone') };
    const why = t([`sync.reason.${reason}.short`, 'sync.reason.unknown.short']);
    return { title, message: t('supportRequests.needsConnection.offline', { reason: why }) };
  }
  if (error.code === 'central.refused' && ['supportAnswered', 'supportMissing', 'portalNotOffered'].includes(reason)) {
    return { title: t('supportRequests.errors.title'), message: t(`supportRequests.errors.${reason}`) };
  }
  if (error.code === 'permission.denied') {
    return { title: t('supportRequests.errors.title'), message: t('supportRequests.errors.notPermitted') };
  }
  return describeError(t, error);
}

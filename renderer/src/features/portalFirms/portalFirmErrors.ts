// The screen's failures in words: it needs the central service (standalone, offline, signed out), the application
// was decided meanwhile or is gone; anything else as everywhere else.
import type { TFunction } from 'i18next';
import type { AppError } from '../../api/contract';
import { describeError, type ErrorText } from '../../api/describeError';

/** The list cannot be had without the central service: standalone, or not connected now. */
export function needsConnection(error: AppError | null | undefined): boolean {
  return error?.code === 'central.offline';
}

export function describePortalError(t: TFunction, error: AppError): ErrorText {
  const reason = String(error.params?.reason ?? '');
  if (error.code === 'central.offline') {
    if (reason === 'standalone') {
      return { title: t('portalFirms.needsConnection.title'), message: t('portalFirms.needsConnection.standalone') };
    }
    const why = t([`sync.reason.${reason}.short`, 'sync.reason.unknown.short']);
    return { title: t('portalFirms.needsConnection.title'), message: t('portalFirms.needsConnection.offline', { reason: why }) };
  }
  if (error.code === 'central.refused' && ['portalAlreadyDecided', 'portalFirmMissing', 'portalNotOffered'].includes(reason)) {
    return { title: t('portalFirms.errors.title'), message: t(`portalFirms.errors.${reason}`) };
  }
  if (error.code === 'permission.denied') {
    return { title: t('portalFirms.errors.title'), message: t('portalFirms.errors.notSupervisor') };
  }
  return describeError(t, error);
}

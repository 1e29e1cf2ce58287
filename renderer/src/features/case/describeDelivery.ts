// A message's delivery in words, beside it in the history: "Levert i portalen 05.12.2026 14:02 · E-post sendt 14:03 ·
// Lest 15:10". Only what the central service recorded is said to have happened; a later moment on the same day
// shows its time only.
import type { TFunction } from 'i18next';
import type { MessageDeliveryView } from '../../api/contract';
import { formatDate, formatDateTime, formatTime } from '../../i18n/format';

export interface DeliveryText {
  text: string;
  /** An e-mail that failed (and may be trying again): shown as a problem. */
  problem: boolean;
}

export function describeDelivery(t: TFunction, view: MessageDeliveryView): DeliveryText {
  if (view.stage === 'standalone') return { text: t('delivery.standalone'), problem: false };
  if (view.stage === 'pending') return { text: t('delivery.pending'), problem: false };
  const { portal, email } = view;
  if (!portal && !email) return { text: t('delivery.noReceiver'), problem: true };
  let day: string | null = null;
  /** The first moment in full; later ones on the same day by their time. */
  const moment = (at: string) => {
    const date = formatDate(at);
    const text = day === date ? formatTime(at) : formatDateTime(at);
    day = date;
    return text;
  };
  const parts: string[] = [];
  if (portal) parts.push(t('delivery.portal', { at: moment(portal.deliveredAt) }));
  let problem = false;
  if (email) {
    if (email.state === 'sent' && email.sentAt) parts.push(t('delivery.emailSent', { at: moment(email.sentAt) }));
    else if (email.state === 'failed') {
      problem = true;
      parts.push(t('delivery.emailFailed', { reason: email.lastError ?? '–', attempts: email.attempts }));
    } else if (email.lastError && email.nextAttemptAt) {
      problem = true;
      parts.push(t('delivery.emailRetrying', { reason: email.lastError, time: formatTime(email.nextAttemptAt) }));
    } else parts.push(t(email.state === 'sending' ? 'delivery.emailSending' : 'delivery.emailQueued'));
  }
  if (portal) parts.push(portal.readAt ? t('delivery.read', { at: moment(portal.readAt) }) : t('delivery.unread'));
  return { text: parts.join(' · '), problem };
}

// Errors and notices as quiet toasts; failures stay until dismissed, notices go by themselves.
import { notifications, type NotificationData } from '@mantine/notifications';
import i18n, { type TFunction } from 'i18next';
import type { AppError } from './contract';
import { describeError } from './describeError';

function show(data: NotificationData): void {
  notifications.show({ withBorder: true, closeButtonProps: { 'aria-label': i18n.t('app.closeNotification') }, ...data });
}

/** `describe` lets a feature put its own error codes in words (e.g. the offer builder's). */
export function notifyError(t: TFunction, error: AppError, describe: typeof describeError = describeError): void {
  const { title, message } = describe(t, error);
  show({ title, message, color: 'red', autoClose: false });
}

export function notifyInfo(title: string, message: string): void {
  show({ title, message, color: 'blue', autoClose: 8000 });
}

/** Something the person should know and act on (a change of theirs was not saved): stays until dismissed. */
export function notifyWarning(title: string, message: string): void {
  show({ title, message, color: 'orange', autoClose: false });
}

export function notifySuccess(message: string): void {
  show({ message, color: 'teal', autoClose: 3000 });
}

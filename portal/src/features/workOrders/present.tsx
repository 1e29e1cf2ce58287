// Small pieces the work-order screens share: dates in the reader's language, the status badge, the refusal in words.
import { Alert, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api';
import { currentLanguage } from '../../i18n';

/** `2026-12-07` as "7. des. 2026" / "7 Dec 2026". */
export function formatDay(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString(currentLanguage() === 'nb' ? 'nb-NO' : 'en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC',
  });
}

export function formatReading(value: number): string {
  return value.toLocaleString(currentLanguage() === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 });
}

/** Today in Norway, as the service counts it. */
export const osloToday = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

const STATUS_COLOR = { ordered: 'blue', accepted: 'cyan', done: 'teal' } as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_COLOR }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={STATUS_COLOR[status]} c="gray.9" tt="none">{t(`workOrders.status.${status}`)}</Badge>;
}

/** The service's refusal: this feature's words for its codes, the portal's for the rest. */
export function WorkOrderError({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = t(`workOrders.errors.${error.code}`, {
    defaultValue: t(`errors.${error.code}`, { defaultValue: t('errors.unknown', { status: error.status }) }),
  });
  return <Alert color="red" variant="light" role="alert" title={t('errors.title')}>{text}</Alert>;
}

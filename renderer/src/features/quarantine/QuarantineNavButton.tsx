// "Karantene" in the header, with the number of records waiting for a handler; the screen is one Tab away.
import { Badge } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApiQuery';
import { ScreenNavButton } from '../../app/ScreenNavButton';
import { formatNumber } from '../../i18n/format';
import { onQuarantineChanged } from './quarantineChanged';

const POLL_MS = 10_000;

export function QuarantineNavButton() {
  const { t } = useTranslation();
  const { value, reload } = useApiQuery('quarantine.list', { states: ['open'] }, { pollMs: POLL_MS });
  const count = value?.openCount ?? 0;

  useEffect(() => onQuarantineChanged(() => void reload()), [reload]);

  return (
    <ScreenNavButton
      screen="quarantine"
      ariaLabel={t('quarantine.navLabel', { count, formatted: formatNumber(count) })}
      rightSection={
        count > 0 ? (
          <Badge size="sm" variant="filled" aria-hidden>
            {formatNumber(count)}
          </Badge>
        ) : undefined
      }
    />
  );
}

// "Karantene" in the header, with the number of records waiting for a handler; the screen is one Tab away.
import { Badge, Button } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApiQuery';
import { useNavigation } from '../../app/navigation';
import { formatNumber } from '../../i18n/format';
import { onQuarantineChanged } from './quarantineChanged';

const POLL_MS = 10_000;

export function QuarantineNavButton() {
  const { t } = useTranslation();
  const { view, openQuarantine, openQueue } = useNavigation();
  const { value, reload } = useApiQuery('quarantine.list', { states: ['open'] }, { pollMs: POLL_MS });
  const open = view.name === 'quarantine';
  const count = value?.openCount ?? 0;

  useEffect(() => onQuarantineChanged(() => void reload()), [reload]);

  return (
    <Button
      variant={open ? 'light' : 'subtle'}
      size="compact-sm"
      aria-pressed={open}
      aria-label={t('quarantine.navLabel', { count, formatted: formatNumber(count) })}
      onClick={open ? openQueue : openQuarantine}
      rightSection={
        count > 0 ? (
          <Badge size="sm" variant="filled" aria-hidden>
            {formatNumber(count)}
          </Badge>
        ) : undefined
      }
    >
      {t('quarantine.title')}
    </Button>
  );
}

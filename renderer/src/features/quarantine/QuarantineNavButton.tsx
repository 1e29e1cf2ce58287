// "Karantene" in the header, with the number of records waiting for a handler; the screen is one Tab away. The
// count follows the change stream: an import, a pull or a handler's change to a record reads it again.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApiQuery';
import { ScreenNavButton } from '../../app/ScreenNavButton';
import { formatNumber } from '../../i18n/format';

export function QuarantineNavButton() {
  const { t } = useTranslation();
  const { value } = useApiQuery('quarantine.list', { states: ['open'] });
  const count = value?.openCount ?? 0;

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

// The installer's prequalifications with the grid company, each with its validity on the day.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrequalificationDetail } from '../../api/contract';
import { formatDate } from '../../i18n/format';
import classes from '../case/Case.module.css';

const STATE_COLOR: Record<PrequalificationDetail['state'], string> = {
  valid: 'teal',
  expired: 'red',
  notYetValid: 'gray',
};

export function PrequalificationList({ items }: { items: PrequalificationDetail[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <span className={classes.notGiven}>{t('case.installer.noPrequalifications')}</span>;
  return (
    <ul className={classes.plainList}>
      {items.map((p) => (
        <li key={`${p.category}-${p.validFrom}`}>
          <Group gap={8} wrap="nowrap" align="baseline">
            <Badge size="sm" variant="light" color={STATE_COLOR[p.state]} c="gray.9" tt="none" style={{ flex: 'none' }}>
              {t(`case.installer.prequalificationState.${p.state}`)}
            </Badge>
            <Text size="sm" td={p.state === 'expired' ? 'line-through' : undefined}>
              {t(`enums.prequalificationCategory.${p.category}`)}
            </Text>
          </Group>
          <Text size="xs" c="gray.7" ml={4}>
            {t('case.installer.validity', { from: formatDate(p.validFrom), to: formatDate(p.validTo) })}
          </Text>
        </li>
      ))}
    </ul>
  );
}

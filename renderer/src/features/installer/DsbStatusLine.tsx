// The installer's standing in DSB's register (Elvirksomhetsregisteret), with the register's date; a clear red
// notice when the case cannot be approved because of it.
import { Alert, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstallerCheckView } from '../../../../shared/contract/installerCheck';
import { formatDate } from '../../i18n/format';

const STATE_COLOR = { active: 'teal', suspended: 'red', deregistered: 'red', not_registered: 'red' } as const;

export function DsbStatusLine({ check }: { check: InstallerCheckView }) {
  const { t } = useTranslation();
  const { state, asOf } = check.dsb;
  return (
    <>
      <Group gap={8} wrap="wrap" align="baseline">
        <Badge size="sm" variant="light" color={STATE_COLOR[state]} c="gray.9" tt="none">
          {t(`installerCheck.dsbState.${state}`)}
        </Badge>
        {check.installer.dsbRegistrationId ? <Text size="sm">{check.installer.dsbRegistrationId}</Text> : null}
        <Text size="xs" c="gray.7">
          {asOf ? t('installerCheck.registerAsOf', { date: formatDate(asOf) }) : t('installerCheck.notInRegister')}
        </Text>
      </Group>
      {check.approvalBlock ? (
        <Alert color="red" variant="light" mt="xs" title={t('installerCheck.approvalBlocked')} data-testid="dsb-block">
          {t(`installerCheck.approvalBlockedBecause.${state}`)}
        </Alert>
      ) : null}
    </>
  );
}

// A case's status in plain words, coloured by whose turn it is: the installer's (orange), done (teal), refused (red).
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../shared/rules';

const COLOUR: Partial<Record<CaseStatus, string>> = {
  waiting_for_info: 'orange',
  rejected: 'red',
  approved: 'teal',
  paid: 'teal',
  meter_mounted: 'teal',
  metering_point_registered: 'teal',
  closed: 'gray',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOUR[status] ?? 'blue'} tt="none" size="md" h="auto" py={2}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

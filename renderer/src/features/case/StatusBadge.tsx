import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../shared/rules';
import { STATUS_COLOR } from '../../app/statusColor';

/** The dot variant keeps the text dark on white, so every status reads at full contrast. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={STATUS_COLOR[status]} size="lg" radius="sm" tt="none" c="gray.9">
      {t(`enums.status.${status}`)}
    </Badge>
  );
}

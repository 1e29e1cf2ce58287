// What the area supplier answered a work order with in the portal: the planned date, the reported meter number and
// reading, the day done, who in the supplier's firm confirmed and reported it, and the photos and samsvarserklæring
// it sent (opened with the desktop's viewer, as every attachment). Nothing when the answers were typed in at the desk.
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderView } from '../../../../shared/contract/workOrders';
import { call } from '../../api/call';
import { notifyError } from '../../api/notify';
import { formatDate, formatNumber } from '../../i18n/format';

export function WorkOrderPortalReport({ order }: { order: WorkOrderView }) {
  const { t } = useTranslation();
  const [opening, setOpening] = useState<number | null>(null);
  if (!order.confirmedInPortalBy && !order.reportedInPortalBy) return null;

  const open = async (attachmentId: number) => {
    setOpening(attachmentId);
    const result = await call('attachment.open', { attachmentId });
    setOpening(null);
    if (!result.ok) notifyError(t, result.error);
  };

  return (
    <div data-testid="work-order-portal-report">
      {order.plannedDate ? (
        <Text size="sm">{t('workOrders.portal.planned', { date: formatDate(order.plannedDate), by: order.confirmedInPortalBy ?? '' })}</Text>
      ) : null}
      {order.reportedInPortalBy && order.doneOn ? (
        <Text size="sm">{t('workOrders.portal.reported', { date: formatDate(order.doneOn), by: order.reportedInPortalBy })}</Text>
      ) : null}
      {order.meterNumber ? (
        <Text size="sm" data-testid="work-order-meter">
          {t('workOrders.portal.meter', { meterNumber: order.meterNumber, reading: formatNumber(order.meterReading) })}
        </Text>
      ) : null}
      {order.reportFiles.length > 0 ? (
        <Group gap={6} wrap="wrap" mt={4}>
          {order.reportFiles.map((file) => (
            <Button key={file.attachmentId} size="xs" variant="default" loading={opening === file.attachmentId}
              onClick={() => void open(file.attachmentId)}>
              {t(`enums.attachmentKind.${file.kind}`)}: {file.fileName}
            </Button>
          ))}
        </Group>
      ) : null}
    </div>
  );
}

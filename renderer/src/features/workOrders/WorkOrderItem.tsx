// One work order on the case: the work, the supplier, the status and the due date (marked when overdue), who did
// what when (the supplier itself, when it answered in the portal, with its report), the letter, and the next step of
// the supplier's answer for those who may record it — by hand, for suppliers without portal access.
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkOrderView } from '../../../../shared/contract/workOrders';
import { nextWorkOrderStatus } from '../../../../shared/rules/workOrders';
import { useAppData } from '../../app/AppData';
import { formatDate, formatDateTime } from '../../i18n/format';
import { LetterActions } from '../offers/LetterActions';
import { WorkOrderPortalReport } from './WorkOrderPortalReport';

const STATUS_COLOR = { ordered: 'blue', accepted: 'cyan', done: 'teal' } as const;

interface Props {
  order: WorkOrderView;
  canRecord: boolean;
  busy: boolean;
  onStep: (to: 'accepted' | 'done') => void;
}

export function WorkOrderItem({ order, canRecord, busy, onStep }: Props) {
  const { t } = useTranslation();
  const { userName } = useAppData();
  const next = nextWorkOrderStatus(order.status);
  const left = order.workingDaysLeft;
  const dueText = order.status === 'done' ? null
    : left > 0 ? t('workOrders.daysLeft', { count: left })
      : left === 0 ? t('workOrders.dueToday') : t('workOrders.overdueBy', { count: -left });

  return (
    <li data-testid={`work-order-${order.workKind}`} data-status={order.status}>
      <Stack gap={4}>
        <Group gap={8} wrap="wrap" align="baseline">
          <Text fw={600} size="sm">
            {t(`installerCheck.work.${order.workKind}`)}
          </Text>
          <Badge size="sm" variant="light" color={STATUS_COLOR[order.status]} c="gray.9" tt="none" data-testid="work-order-status">
            {t(`workOrders.status.${order.status}`)}
          </Badge>
          {order.overdue ? (
            <Badge size="sm" variant="filled" color="red.8" tt="none" data-testid="work-order-overdue">
              {t('workOrders.overdue')}
            </Badge>
          ) : null}
          {order.pending ? (
            <Badge size="sm" variant="outline" color="gray.7" tt="none">
              {t('workOrders.pending')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">{t('workOrders.supplierLine', { supplier: order.supplier.name })}</Text>
        <Text size="sm" data-testid="work-order-due">
          {t('workOrders.dueLine', { dueDate: formatDate(order.dueDate), count: order.agreementDays })}
          {dueText ? ` · ${dueText}` : ''}
        </Text>
        <Text size="xs" c="gray.7">
          {t('workOrders.orderedBy', { at: formatDateTime(order.orderedAt), by: userName(order.orderedBy) })}
          {order.acceptedAt && order.acceptedBy ? ` · ${order.confirmedInPortalBy
            ? t('workOrders.portal.confirmedBy', { at: formatDateTime(order.acceptedAt) })
            : t('workOrders.acceptedBy', { at: formatDateTime(order.acceptedAt), by: userName(order.acceptedBy) })}` : ''}
          {order.doneAt && order.doneBy ? ` · ${order.reportedInPortalBy
            ? t('workOrders.portal.doneBy', { at: formatDateTime(order.doneAt) })
            : t('workOrders.doneBy', { at: formatDateTime(order.doneAt), by: userName(order.doneBy) })}` : ''}
        </Text>
        <WorkOrderPortalReport order={order} />
        <Group gap={8} wrap="wrap">
          {canRecord && next ? (
            <Button size="xs" loading={busy} onClick={() => onStep(next as 'accepted' | 'done')}>
              {next === 'accepted' ? t('workOrders.markAccepted') : t('workOrders.markDone')}
            </Button>
          ) : null}
          <LetterActions attachmentId={order.pdfAttachmentId !== null && order.pdfAttachmentId > 0 ? order.pdfAttachmentId : null} />
        </Group>
      </Stack>
    </li>
  );
}

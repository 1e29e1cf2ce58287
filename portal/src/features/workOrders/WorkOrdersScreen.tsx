// Arbeidsordrer: the orders the grid company placed with the firm as area supplier — open ones first by due date,
// each a card with the work, the address, the case, the due (or planned) date and the status, leading to the order.
import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalWorkOrderSummary } from '../../../../shared/portalApi/workOrders';
import type { ApiError } from '../../app/api';
import { Link } from '../../app/router';
import { Screen } from '../../app/Screen';
import { useSession } from '../../app/session';
import { workOrderApi } from './api';
import { formatDay, StatusBadge, WorkOrderError } from './present';

function OrderCard({ order }: { order: PortalWorkOrderSummary }) {
  const { t } = useTranslation();
  const { site } = order;
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="work-order">
      <Stack gap={4}>
        <Link to="work-orders" params={[order.id]} fw={600} aria-label={t('workOrders.openOrder', { caseNumber: order.caseNumber })}>
          {t(`workOrders.work.${order.workKind}`)}
        </Link>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {site.address}, {site.postcode} {site.postTown}
        </Text>
        <Text size="sm" c="gray.7">{t('workOrders.case', { caseNumber: order.caseNumber })}</Text>
        <Group gap={8} wrap="wrap">
          <StatusBadge status={order.status} />
          {order.overdue ? <Badge color="red.8" variant="filled" tt="none">{t('workOrders.overdue')}</Badge> : null}
          <Text size="sm">
            {order.status === 'done' && order.doneOn ? t('workOrders.doneOn', { date: formatDay(order.doneOn) })
              : order.plannedDate ? `${t('workOrders.planned', { date: formatDay(order.plannedDate) })} · ${t('workOrders.due', { date: formatDay(order.dueDate) })}`
                : t('workOrders.due', { date: formatDay(order.dueDate) })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

function OrderList({ orders, title, id }: { orders: PortalWorkOrderSummary[]; title: string; id: string }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="sm">{title}</Title>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {orders.map((order) => <OrderCard key={order.id} order={order} />)}
      </Stack>
    </section>
  );
}

export function WorkOrdersScreen() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [orders, setOrders] = useState<PortalWorkOrderSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void workOrderApi.list().then((answer) => {
      if (answer.ok) setOrders(answer.value.orders);
      else setError(answer.error);
    });
  }, []);
  const open = orders?.filter((order) => order.status !== 'done') ?? [];
  const done = orders?.filter((order) => order.status === 'done') ?? [];

  return (
    <Screen title={t('workOrders.title')} intro={<Text>{t('workOrders.intro', { firm: me?.firm.name ?? '' })}</Text>}>
      <WorkOrderError error={error} />
      {orders === null ? (error ? null : <Loader aria-label={t('app.loading')} size="sm" />)
        : orders.length === 0 ? <Text role="status">{t('workOrders.none')}</Text>
          : (
            <>
              {open.length > 0 ? <OrderList orders={open} title={t('workOrders.openTitle')} id="work-orders-open" />
                : <Text role="status">{t('workOrders.noneOpen')}</Text>}
              {done.length > 0 ? <OrderList orders={done} title={t('workOrders.doneTitle')} id="work-orders-done" /> : null}
            </>
          )}
    </Screen>
  );
}

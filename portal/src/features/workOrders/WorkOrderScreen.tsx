// One work order: the work and its status, the site as the order letter describes it (address, cadastre, metering
// point, fuse, who to reach), the letter to download, and the next answer — confirm with a planned date, then report
// done — or, once done, what was reported with its photos and the samsvarserklæring.
import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalWorkOrder } from '../../../../shared/portalApi/workOrders';
import type { ApiError } from '../../app/api';
import { Link } from '../../app/router';
import { Card, Screen } from '../../app/Screen';
import { downloadFile } from '../../app/api';
import { workOrderApi } from './api';
import { ConfirmWorkOrderForm } from './ConfirmWorkOrderForm';
import { formatDay, formatReading, StatusBadge, WorkOrderError } from './present';
import { ReportWorkOrderForm } from './ReportWorkOrderForm';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7" component="dt">{label}</Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

function Download({ url, fileName, children }: { url: string; fileName: string; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <Stack gap={4}>
      <Button variant="default" size="sm" loading={busy} w="fit-content" maw="100%" styles={{ label: { whiteSpace: 'normal' } }}
        onClick={() => {
          setBusy(true);
          void downloadFile(url, fileName).then((answer) => {
            setBusy(false);
            setError(answer.ok ? null : answer.error);
          });
        }}>
        {children}
      </Button>
      <WorkOrderError error={error} />
    </Stack>
  );
}

function SiteCard({ order }: { order: PortalWorkOrder }) {
  const { t } = useTranslation();
  const none = t('workOrders.order.notGiven');
  const { site, installation } = order;
  return (
    <Card labelledBy="work-order-site">
      <Stack gap="sm">
        <Title order={2} id="work-order-site">{t('workOrders.order.siteTitle')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Fact label={t('workOrders.order.address')}>
            {site.address}, {site.postcode} {site.postTown} ({site.municipality.number} {site.municipality.name ?? ''})
          </Fact>
          <Fact label={t('workOrders.order.cadastral')}>{site.cadastralNumber ?? none}</Fact>
          <Fact label={t('workOrders.order.meteringPoint')}>{installation.meteringPointIds.join(', ') || none}</Fact>
          <Fact label={t('workOrders.order.meterNumbers')}>{installation.meterNumbers.join(', ') || none}</Fact>
          <Fact label={t('workOrders.order.mainFuse')}>
            {installation.mainFuseA !== null
              ? t('workOrders.order.mainFuseValue', { amperes: installation.mainFuseA, phases: installation.phases ?? '', network: installation.networkSystem?.replace('_', ' ').replace('V', ' V') ?? '' })
              : none}
          </Fact>
          <Fact label={t('workOrders.order.owner')}>{order.owner.name}{order.owner.phone ? `, ${order.owner.phone}` : ''}</Fact>
          <Fact label={t('workOrders.order.installer')}>{order.installer.name}{order.installer.phone ? `, ${order.installer.phone}` : ''}</Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function ReportedCard({ order }: { order: PortalWorkOrder }) {
  const { t } = useTranslation();
  const report = order.report;
  if (!report) return null;
  return (
    <Card labelledBy="work-order-reported">
      <Stack gap="sm">
        <Title order={2} id="work-order-reported">{t('workOrders.reported.title')}</Title>
        <Text size="sm">{t('workOrders.reported.summary', { date: formatDay(report.doneOn), by: report.reportedBy ?? '' })}</Text>
        {report.meterNumber ? (
          <Text size="sm">{t('workOrders.reported.meter', { meterNumber: report.meterNumber, reading: report.meterReading === null ? '' : formatReading(report.meterReading) })}</Text>
        ) : null}
        {report.files.length > 0 ? (
          <>
            <Title order={3} size="h5">{t('workOrders.reported.files')}</Title>
            <Group gap="xs" wrap="wrap">
              {report.files.map((file) => <Download key={file.id} url={file.url} fileName={file.fileName}>{file.fileName}</Download>)}
            </Group>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

export function WorkOrderScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<PortalWorkOrder | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void workOrderApi.get(id).then((answer) => {
      if (answer.ok) setOrder(answer.value);
      else setError(answer.error);
    });
  }, [id]);
  const answered = (next: PortalWorkOrder, text: string) => {
    setOrder(next);
    setNotice(text);
  };

  const title = order ? t('workOrders.order.title', { caseNumber: order.caseNumber }) : t('workOrders.title');
  return (
    <Screen title={title} intro={<Link to="work-orders">{t('workOrders.back')}</Link>}>
      <WorkOrderError error={error} />
      {order === null ? (error ? null : <Loader aria-label={t('app.loading')} size="sm" />) : (
        <>
          <Stack gap={6}>
            <Text fw={600} size="lg">{t(`workOrders.work.${order.workKind}`)}</Text>
            <Group gap={8} wrap="wrap">
              <StatusBadge status={order.status} />
              <Text size="sm">{t('workOrders.due', { date: formatDay(order.dueDate) })}</Text>
              {order.plannedDate ? <Text size="sm">{t('workOrders.planned', { date: formatDay(order.plannedDate) })}</Text> : null}
            </Group>
            {order.confirmedBy ? <Text size="sm" c="gray.7">{t('workOrders.order.confirmedBy', { by: order.confirmedBy })}</Text> : null}
          </Stack>
          {notice ? (
            <Alert color="teal" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          ) : null}
          {order.letterUrl ? (
            <Download url={order.letterUrl} fileName={`arbeidsordre-${order.caseNumber}.pdf`}>{t('workOrders.order.letter')}</Download>
          ) : null}
          {order.status === 'ordered' ? <ConfirmWorkOrderForm order={order} onAnswered={answered} /> : null}
          {order.status !== 'done' ? <ReportWorkOrderForm order={order} onAnswered={answered} /> : <ReportedCard order={order} />}
          <SiteCard order={order} />
        </>
      )}
    </Screen>
  );
}

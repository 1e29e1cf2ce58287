// Arbeidsordre in the case view: the grid-side work the case needs from an area supplier — proposed to the supplier
// whose agreement covers the installation's municipality, or shown as a gap where none does — and the orders placed,
// with their steps. Case handlers see the proposals; only supervisors order.
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderProposalView, WorkOrderTechnicalInput } from '../../../../shared/contract/workOrders';
import type { CaseDetail } from '../../api/contract';
import { notifySuccess } from '../../api/notify';
import { useApiQuery } from '../../api/useApiQuery';
import { useApiMutation } from '../../data/useApiMutation';
import { formatDate } from '../../i18n/format';
import classes from '../case/Case.module.css';
import { Section } from '../case/Section';
import { describeWorkOrderError } from './workOrderErrors';
import { WorkOrderItem } from './WorkOrderItem';
import { givenTechnical, WorkOrderTechnicalFields } from './WorkOrderTechnicalFields';

interface Props {
  detail: CaseDetail;
}

function ProposalItem({ proposal, municipality, canOrder, busy, onOrder }: {
  proposal: WorkOrderProposalView;
  municipality: string;
  canOrder: boolean;
  busy: boolean;
  onOrder: (technical: WorkOrderTechnicalInput | undefined) => void;
}) {
  const { t } = useTranslation();
  const [technical, setTechnical] = useState<WorkOrderTechnicalInput>({});
  return (
    <li data-testid={`work-proposal-${proposal.workKind}`} data-state={proposal.state}>
      <Stack gap={4}>
        <Group gap={8} align="baseline">
          <Text fw={600} size="sm">
            {t(`installerCheck.work.${proposal.workKind}`)}
          </Text>
          {proposal.state === 'gap' ? (
            <Badge size="sm" variant="light" color="orange" c="gray.9" tt="none">
              {t('workOrders.gapBadge')}
            </Badge>
          ) : null}
          {proposal.state === 'notReleased' ? (
            <Badge size="sm" variant="light" color="gray" c="gray.9" tt="none">
              {t('workOrders.notReleased.badge')}
            </Badge>
          ) : null}
        </Group>
        {proposal.state === 'gap' ? (
          <Text size="sm">{t('workOrders.gap', { municipality })}</Text>
        ) : proposal.state === 'notReleased' ? (
          <>
            <Text size="sm">{t('workOrders.notReleased.supplier', { supplier: proposal.supplier.name, count: proposal.agreementDays })}</Text>
            <Text size="sm" data-testid="work-release">{t(`workOrders.notReleased.${proposal.awaits}`)}</Text>
          </>
        ) : (
          <>
            <Text size="sm">
              {t('workOrders.proposed', { supplier: proposal.supplier.name, dueDate: formatDate(proposal.dueDate), count: proposal.agreementDays })}
            </Text>
            <Text size="xs" c="gray.7" data-testid="work-release">
              {proposal.releasedOn
                ? t(`workOrders.releasedBy.${proposal.releasedBy}`, { date: formatDate(proposal.releasedOn) })
                : t(`workOrders.releasedBy.${proposal.releasedBy}Undated`)}
            </Text>
            {canOrder ? (
              <>
                <WorkOrderTechnicalFields value={technical} onChange={setTechnical} />
                <Button size="xs" w="fit-content" loading={busy} onClick={() => onOrder(givenTechnical(technical))}>
                  {t('workOrders.order', { supplier: proposal.supplier.name })}
                </Button>
              </>
            ) : (
              <Text size="xs" c="gray.7">
                {t('workOrders.onlySupervisors')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </li>
  );
}

export function WorkOrderSection({ detail }: Props) {
  const { t } = useTranslation();
  const proposalsId = useId();
  const ordersId = useId();
  // An order, a step, a routing decision or a sync changes the case: the change stream has the panel read again.
  const { value: panel, error: loadError } = useApiQuery('case.workOrders', { caseId: detail.id });
  const [busy, setBusy] = useState<string | null>(null);
  const orderWork = useApiMutation('case.orderWork');
  const advance = useApiMutation('case.advanceWorkOrder');
  const [lastTried, setLastTried] = useState<'order' | 'step'>('order');

  const order = async (proposal: Extract<WorkOrderProposalView, { state: 'proposed' }>, technical: WorkOrderTechnicalInput | undefined) => {
    setBusy(proposal.workKind);
    setLastTried('order');
    advance.clearError();
    const ordered = await orderWork.run({ caseId: detail.id, workKind: proposal.workKind, ...(technical ? { technical } : {}) });
    if (ordered) notifySuccess(t('workOrders.ordered', { supplier: proposal.supplier.name, dueDate: formatDate(ordered.dueDate) }));
    setBusy(null);
  };

  const step = async (orderId: string, to: 'accepted' | 'done') => {
    setBusy(orderId);
    setLastTried('step');
    orderWork.clearError();
    if (await advance.run({ orderId, to })) notifySuccess(t('workOrders.stepSaved'));
    setBusy(null);
  };

  const shownError = (lastTried === 'order' ? orderWork.error : advance.error) ?? loadError;
  const errorText = shownError ? describeWorkOrderError(t, shownError) : null;
  if (panel && panel.proposals.length === 0 && panel.orders.length === 0 && !errorText) return null;
  const municipality = panel ? (panel.municipality.name ?? panel.municipality.number) : '';

  return (
    <div data-testid="work-order-panel">
      <Section title={t('workOrders.title')}>
        {errorText ? (
          <Alert color="red" title={errorText.title} role="alert" mb="xs">
            {errorText.message}
          </Alert>
        ) : null}
        {!panel ? (
          <Text size="sm" role="status">
            {t('workOrders.loading')}
          </Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm">{t('workOrders.intro', { municipality })}</Text>
            {panel.proposals.length > 0 ? (
              <>
                <Title order={3} size="h5" id={proposalsId}>
                  {t('workOrders.proposalsTitle')}
                </Title>
                <ul className={classes.plainList} aria-labelledby={proposalsId}>
                  {panel.proposals.map((proposal) => (
                    <ProposalItem
                      key={proposal.workKind}
                      proposal={proposal}
                      municipality={municipality}
                      canOrder={panel.canOrder}
                      busy={busy === proposal.workKind}
                      onOrder={(technical) => proposal.state === 'proposed' && void order(proposal, technical)}
                    />
                  ))}
                </ul>
              </>
            ) : null}
            {panel.orders.length > 0 ? (
              <>
                <Title order={3} size="h5" id={ordersId}>
                  {t('workOrders.ordersTitle')}
                </Title>
                <ul className={classes.plainList} aria-labelledby={ordersId}>
                  {panel.orders.map((o) => (
                    <WorkOrderItem key={o.id} order={o} canRecord={panel.canRecord} busy={busy === o.id} onStep={(to) => void step(o.id, to)} />
                  ))}
                </ul>
              </>
            ) : null}
          </Stack>
        )}
      </Section>
    </div>
  );
}

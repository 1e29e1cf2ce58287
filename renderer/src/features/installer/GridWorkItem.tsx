// One piece of grid-side work the case needs: whether the installer may do it and why, who the check proposes,
// and the decision — recorded with a choice pre-filled from the proposal.
import { Badge, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridWorkCheck } from '../../../../shared/rules/installerCheck';
import type { InstallerCheckView } from '../../../../shared/contract/installerCheck';
import { useAppData } from '../../app/AppData';
import { formatDate, formatDateTime } from '../../i18n/format';
import { describeWorkReason } from './workReason';

export interface RoutingChoice {
  performer: 'installer' | 'area_supplier' | 'grid_company';
  supplierId: number | null;
}

const encode = (choice: RoutingChoice) => (choice.performer === 'area_supplier' ? `area_supplier:${choice.supplierId}` : choice.performer);
function decode(value: string): RoutingChoice {
  const [performer, id] = value.split(':');
  return performer === 'area_supplier' ? { performer, supplierId: Number(id) } : { performer: performer as RoutingChoice['performer'], supplierId: null };
}

interface Props {
  work: GridWorkCheck;
  check: InstallerCheckView;
  canDecide: boolean;
  deciding: boolean;
  onDecide: (choice: RoutingChoice) => Promise<boolean>;
}

export function GridWorkItem({ work, check, canDecide, deciding, onDecide }: Props) {
  const { t } = useTranslation();
  const { userName } = useAppData();
  const selectId = useId();
  const municipality = check.municipality.name ?? check.municipality.number;
  const decided = check.routing[work.kind];
  const ordered = check.workOrders?.[work.kind];
  const supplierName = (id: number | null) => check.areaSuppliers.find((s) => s.id === id)?.name ?? String(id);
  const performerText = (choice: RoutingChoice) =>
    choice.performer === 'area_supplier'
      ? t('installerCheck.performer.area_supplier_named', { name: supplierName(choice.supplierId) })
      : t(`installerCheck.performer.${choice.performer}`);
  const proposal: RoutingChoice = { performer: work.proposed.performer, supplierId: work.proposed.supplier?.id ?? null };
  const [choice, setChoice] = useState<string>(encode(decided ?? proposal));
  const options = [
    ...(work.installerMay ? [{ value: 'installer', label: t('installerCheck.performer.installer') }] : []),
    ...check.areaSuppliers.map((s) => ({ value: `area_supplier:${s.id}`, label: t('installerCheck.performer.area_supplier_named', { name: s.name }) })),
    { value: 'grid_company', label: t('installerCheck.performer.grid_company') },
  ];
  const unchanged = decided !== undefined && encode(decided) === choice;

  return (
    <li data-testid={`grid-work-${work.kind}`}>
      <Stack gap={4}>
        <Group gap={8} wrap="wrap" align="baseline">
          <Text fw={600} size="sm">
            {t(`installerCheck.work.${work.kind}`)}
          </Text>
          <Badge size="sm" variant="light" color={work.installerMay ? 'teal' : 'orange'} c="gray.9" tt="none">
            {work.installerMay ? t('installerCheck.installerMay') : t('installerCheck.installerMayNot')}
          </Badge>
        </Group>
        <Text size="sm">{describeWorkReason(t, work.why, municipality)}</Text>
        <Text size="sm">
          {t('installerCheck.proposal', { performer: performerText(proposal) })}
        </Text>
        {decided ? (
          <Text size="sm" fw={600} data-testid="routing-decided">
            {t('installerCheck.decided', { performer: performerText(decided), by: userName(decided.by), at: formatDateTime(decided.at) })}
          </Text>
        ) : null}
        {ordered ? (
          <Text size="sm" data-testid="routing-work-order">
            {t('workOrders.routingLine', { supplier: ordered.supplierName, status: t(`workOrders.status.${ordered.status}`), dueDate: formatDate(ordered.dueDate) })}
          </Text>
        ) : null}
        {canDecide ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void onDecide(decode(choice));
            }}
          >
            <Group gap={8} align="flex-end" wrap="wrap">
              <NativeSelect
                id={selectId}
                size="xs"
                label={t('installerCheck.whoDoesIt')}
                data={options}
                value={choice}
                onChange={(event) => setChoice(event.currentTarget.value)}
              />
              <Button type="submit" size="xs" loading={deciding} disabled={unchanged}>
                {decided ? t('installerCheck.changeDecision') : t('installerCheck.recordDecision')}
              </Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </li>
  );
}

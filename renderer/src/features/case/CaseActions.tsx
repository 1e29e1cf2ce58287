// What the handler can do with the case from here: take or let go of it, and decide (the decision buttons).
// With a central server, who works on a case is a claim the central database grants: a case handler takes a case
// with "Ta saken" (or "Hent neste"); only a supervisor assigns. Casework needs the claim (casework.ts), so the
// decisions show only while the case is mine, and otherwise a line says how to get it; notes can be written either way.
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/contract';
import { useAppData } from '../../app/AppData';
import { AssignControl, assignAction } from './AssignControl';
import { useCasework } from './useCasework';
import { ClaimControl } from './ClaimControl';
import { DecisionBar, offeredDecisions } from '../decisions/DecisionBar';

export function CaseActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { session } = useAppData();
  const me = session.user;
  const central = session.mode === 'central';
  const showAssign = (!central || me.role === 'supervisor') && assignAction(detail, me) !== null;
  const canDecide = offeredDecisions(detail).length > 0;
  const { mayWork, hint } = useCasework(detail);

  if (!central && !showAssign && !canDecide) return null;
  return (
    <Stack gap="sm" mt="md">
      {central && <ClaimControl detail={detail} canClaim={me.role !== 'reader'} />}
      {showAssign && (
        <Group gap="md" align="flex-end" wrap="wrap">
          <AssignControl detail={detail} />
        </Group>
      )}
      {canDecide && mayWork && <DecisionBar detail={detail} />}
      {hint && (
        <Text size="sm" c="gray.7">
          {t(`case.claim.${hint}`)}
        </Text>
      )}
    </Stack>
  );
}

// What the handler can do with the case from here: take or let go of it, and move its status on.
// With a central server, who works on a case is a claim the central database grants: a case handler takes a case
// with "Ta saken" (or "Hent neste"); only a supervisor assigns. Casework needs the claim, so the status control
// shows only while the case is mine; notes can be written either way.
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/contract';
import { useAppData } from '../../app/AppData';
import { AssignControl, assignAction } from './AssignControl';
import { ClaimControl } from './ClaimControl';
import { StatusControl } from './StatusControl';

export function CaseActions({ detail, reload }: { detail: CaseDetail; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const { session } = useAppData();
  const me = session.user;
  const central = session.mode === 'central';
  const showAssign = (!central || me.role === 'supervisor') && assignAction(detail, me) !== null;
  const canChangeStatus = detail.allowedNextStatuses.length > 0;
  const claim = detail.claim.state;
  const statusHint =
    claim === 'mine' ? null : claim === 'other' ? 'otherBeforeStatus' : claim === 'requested' ? 'requestedBeforeStatus' : 'takeBeforeStatus';

  if (!central && !showAssign && !canChangeStatus) return null;
  return (
    <Stack gap="sm" mt="md">
      {central && <ClaimControl detail={detail} reload={reload} canClaim={me.role !== 'reader'} />}
      {(showAssign || canChangeStatus) && (
        <Group gap="md" align="flex-end" wrap="wrap">
          {showAssign && <AssignControl detail={detail} reload={reload} />}
          {canChangeStatus &&
            (!central || statusHint === null ? (
              <StatusControl key={detail.status} detail={detail} reload={reload} />
            ) : (
              <Text size="sm" c="gray.7">
                {t(`case.claim.${statusHint}`)}
              </Text>
            ))}
        </Group>
      )}
    </Stack>
  );
}

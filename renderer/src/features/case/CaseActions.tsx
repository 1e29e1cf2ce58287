// What the handler can do with the case from here: take or release it, and move its status on.
import { Group } from '@mantine/core';
import type { CaseDetail } from '../../api/contract';
import { useAppData } from '../../app/AppData';
import { AssignControl, assignAction } from './AssignControl';
import { StatusControl } from './StatusControl';

export function CaseActions({ detail, reload }: { detail: CaseDetail; reload: () => Promise<void> }) {
  const { session } = useAppData();
  if (assignAction(detail, session.user) === null && detail.allowedNextStatuses.length === 0) return null;
  return (
    <Group gap="md" align="flex-end" mt="md" wrap="wrap">
      <AssignControl detail={detail} reload={reload} />
      <StatusControl key={detail.status} detail={detail} reload={reload} />
    </Group>
  );
}

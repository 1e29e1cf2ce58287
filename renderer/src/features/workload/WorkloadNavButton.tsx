// "Arbeidsfordeling" in the header, for supervisors only: handing out work is theirs.
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppData } from '../../app/AppData';
import { useNavigation } from '../../app/navigation';

export function WorkloadNavButton() {
  const { t } = useTranslation();
  const { session } = useAppData();
  const { view, openWorkload, openQueue } = useNavigation();
  if (session.user.role !== 'supervisor') return null;
  const open = view.name === 'workload';
  return (
    <Button variant={open ? 'light' : 'subtle'} size="compact-sm" aria-pressed={open} onClick={open ? openQueue : openWorkload}>
      {t('workload.title')}
    </Button>
  );
}

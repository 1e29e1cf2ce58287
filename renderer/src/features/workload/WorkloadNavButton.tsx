// "Arbeidsfordeling" in the header, for supervisors only: handing out work is theirs.
import { useAppData } from '../../app/AppData';
import { ScreenNavButton } from '../../app/ScreenNavButton';

export function WorkloadNavButton() {
  const { session } = useAppData();
  return session.user.role === 'supervisor' ? <ScreenNavButton screen="workload" /> : null;
}

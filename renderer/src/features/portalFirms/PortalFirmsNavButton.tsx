// "Installatørfirmaer" in the header, for supervisors only: deciding who gets into the installers' portal is theirs.
import { useAppData } from '../../app/AppData';
import { ScreenNavButton } from '../../app/ScreenNavButton';

export function PortalFirmsNavButton() {
  const { session } = useAppData();
  return session.user.role === 'supervisor' ? <ScreenNavButton screen="portalFirms" /> : null;
}

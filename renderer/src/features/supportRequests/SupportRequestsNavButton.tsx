// "Henvendelser" in the header, for case handlers and supervisors: they answer the installers' questions (most are
// about a message or a ferdigmelding on a case). A reader answers no one.
import { useAppData } from '../../app/AppData';
import { ScreenNavButton } from '../../app/ScreenNavButton';

export function SupportRequestsNavButton() {
  const { session } = useAppData();
  const { role } = session.user;
  return role === 'case_handler' || role === 'supervisor' ? <ScreenNavButton screen="supportRequests" /> : null;
}

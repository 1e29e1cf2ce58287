// The support requests' calls (service/portal/supportRoutes.ts): ask signed in, list the firm's, ask signed out.
import type {
  PortalListSupportOutput, PortalPublicSupportInput, PortalSubmitSupportInput, PortalSupportRequest,
} from '../../../../shared/portalApi/support';
import { call } from '../../app/api';

export const supportApi = {
  submit: (input: PortalSubmitSupportInput) => call<{ request: PortalSupportRequest }>('POST', '/support', input),
  list: () => call<PortalListSupportOutput>('GET', '/support'),
  submitSignedOut: (input: PortalPublicSupportInput) => call<{ received: true }>('POST', '/support/public', input),
};

/** A file's content in base64, for the JSON body. */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

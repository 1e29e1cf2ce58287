import { signIn } from '../core/service/serviceAuth';
import type { CentralSettings, SavedToken } from '../core/settings/settingsHost';

export interface SignedInService {
  settings: CentralSettings;
  token: SavedToken;
}

/** Signs in at the central service as the settings screen would, giving what it stores. */
export async function signInToService(url: string, username: string, password: string, ca?: string): Promise<SignedInService> {
  const answer = await signIn({ url, ca }, username, password);
  return { settings: { url, username, ca }, token: { value: answer.token, expiresAt: answer.expiresAt } };
}

// Signing in to the central service with an account it keeps: the password goes to the URL given here and
// nowhere else; what comes back is a bearer token with its expiry and who the service says we are.
import { LoginOutput, type LoginOutput as LoginAnswer } from '../../shared/serviceApi';
import type { ServiceEndpoint } from './serviceEndpoint';
import { ServiceHttp } from './serviceHttp';

export async function signIn(endpoint: ServiceEndpoint, username: string, password: string): Promise<LoginAnswer> {
  const http = new ServiceHttp(endpoint);
  try {
    const answer = await http.request<unknown>({ method: 'POST', path: '/api/login', body: { username, password }, timeoutMs: 10_000 });
    return LoginOutput.parse(answer);
  } finally {
    http.close();
  }
}

/** Whether a service answers at the URL (and which database version it serves), without any secret. */
export async function probeService(endpoint: ServiceEndpoint): Promise<{ service: string; version: number }> {
  const http = new ServiceHttp(endpoint);
  try {
    return await http.request<{ service: string; version: number }>({ method: 'GET', path: '/api/health', timeoutMs: 5_000 });
  } finally {
    http.close();
  }
}

// Where the central service is, and the one rule for it: HTTPS, or plain HTTP only to this machine (loopback),
// so that a password or token never crosses a network in clear text.
export interface ServiceEndpoint {
  /** The service's base URL, e.g. `https://nett.example.no` or `http://127.0.0.1:8443`. */
  url: string;
  /** PEM of a certificate authority to trust besides the system's (a company's own CA). */
  ca?: string;
}

export type EndpointProblem = 'invalidUrl' | 'insecureUrl';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** The URL normalised (no trailing slash, no query), or why it cannot be used. */
export function checkServiceUrl(raw: string): { ok: true; url: string } | { ok: false; problem: EndpointProblem } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'invalidUrl' };
  }
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'invalidUrl' };
  if (url.protocol === 'https:') return { ok: true, url: url.origin + url.pathname.replace(/\/+$/, '') };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true, url: url.origin + url.pathname.replace(/\/+$/, '') };
  return { ok: false, problem: url.protocol === 'http:' ? 'insecureUrl' : 'invalidUrl' };
}

// The one way the app opens the system browser: for the sign-in through the company's identity provider, which
// must happen there (RFC 8252: not in an embedded window). Only a URL that is plainly a web page goes out: https,
// or http to this machine — never file:, a custom scheme, a URL with a user name or password in it, or anything
// the platform's opener might hand to another program.
import { isLoopbackHost } from '../../core/service/serviceEndpoint';

const MAX_LENGTH = 8_192;

/** The URL as it should be opened, or null when the system browser must not be sent there. */
export function vettedExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  // Control characters and spaces have no place in a URL the core built; the platform opener might split on them.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url.href;
  return null;
}

/** Opens `url` with `open` (Electron's shell.openExternal) when it is vetted; refuses otherwise. */
export async function openVettedExternal(url: string, open: (url: string) => Promise<void>): Promise<void> {
  const vetted = vettedExternalUrl(url);
  if (vetted === null) throw new Error('refused to open a URL that is not https (or http to this machine) in the browser');
  await open(vetted);
}

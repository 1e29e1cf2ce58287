// Sign-in through the company's identity provider (OpenID Connect), declared once for the service and the desk.
// The desk runs the browser part (authorization code + PKCE, loopback redirect, RFC 8252); the service holds the
// client credentials, redeems the code and hands out its own session. The desk never sees the provider's tokens.
import { z } from 'zod';

/** What the desk needs to build the authorization URL: no secret. */
export const OidcConfigOutput = z.object({
  authorizationEndpoint: z.string(),
  clientId: z.string(),
  scope: z.string(),
});
export type OidcConfigOutput = z.infer<typeof OidcConfigOutput>;

/** `http://127.0.0.1:<port>/…` or `http://[::1]:<port>/…` with an explicit port and no query (RFC 8252 §7.3). */
const LOOPBACK_REDIRECT = /^http:\/\/(?:127\.0\.0\.1|\[::1\]):([1-9][0-9]{0,4})\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

export function isLoopbackRedirectUri(value: string): boolean {
  const match = LOOPBACK_REDIRECT.exec(value);
  return match !== null && Number(match[1]) <= 65_535;
}

export const OidcLoginInput = z.object({
  /** The authorization code from the redirect. */
  code: z.string().min(1).max(2048).regex(/^[\x21-\x7e]+$/),
  /** The PKCE code verifier the desk made for this attempt (RFC 7636 §4.1). */
  codeVerifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/),
  /** The redirect URI the authorization request carried: the desk's one-shot loopback listener. */
  redirectUri: z.string().max(2048).refine(isLoopbackRedirectUri, 'a loopback redirect URI with a port'),
});
export type OidcLoginInput = z.infer<typeof OidcLoginInput>;

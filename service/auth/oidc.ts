// Sign-in through the company's identity provider with OpenID Connect. The desk runs the browser part
// (authorization code + PKCE in the system browser, loopback redirect: core/service/oidcSignIn.ts) and
// hands the code, its PKCE verifier and the redirect URI here. The service, which holds the client credentials,
// redeems the code at the provider, lets openid-client check the ID token (signature, issuer, audience, expiry),
// maps the person's groups to one of our roles, keeps them in app_users and issues our own session. The provider's
// tokens never leave this module.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import type pg from 'pg';
import { ErrorOutput, LoginOutput, type SessionUser, type StaffRole } from '../../shared/serviceApi';
import { OidcConfigOutput, OidcLoginInput } from '../../shared/serviceApi/oidc';
import { ServiceError } from '../http/errors';
import { issueSession } from './sessions';

export type OidcRole = 'case_handler' | 'supervisor' | 'reader';

export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Absent: a public client (token_endpoint_auth_method none), PKCE only. Present: client_secret_basic. */
  clientSecret?: string;
  /** The claim (in the ID token or at the userinfo endpoint) listing the person's groups; `a.b` reads a nested one. */
  groupClaim: string;
  /** Group name (or id, as the provider sends it) → our role. Several mapped groups: the highest role wins. */
  roles: Record<string, OidcRole>;
  /** Scopes the desk asks for; default `openid profile email`. */
  scope?: string;
}

export const DEFAULT_SCOPE = 'openid profile email';

/** supervisor > case_handler > reader. */
const ROLE_RANK: Record<OidcRole, number> = { reader: 1, case_handler: 2, supervisor: 3 };

const ROLE_ENV: Record<OidcRole, string> = {
  case_handler: 'OIDC_ROLE_CASE_HANDLER',
  supervisor: 'OIDC_ROLE_SUPERVISOR',
  reader: 'OIDC_ROLE_READER',
};

/**
 * The identity provider's settings from the environment, or null where the company has none (no OIDC_ISSUER):
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (optional), OIDC_GROUP_CLAIM (default `groups`), OIDC_SCOPE
 * (optional), and OIDC_ROLE_SUPERVISOR / OIDC_ROLE_CASE_HANDLER / OIDC_ROLE_READER, each a comma-separated list of
 * group names. A half-made configuration is an error, not a silent fallback.
 */
export function oidcConfigFromEnv(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const issuer = value('OIDC_ISSUER');
  if (!issuer) {
    const stray = Object.keys(env).filter((name) => name.startsWith('OIDC_') && value(name));
    if (stray.length > 0) throw new Error(`OIDC_ISSUER is not set, but ${stray.join(', ')} are: set it or remove them.`);
    return null;
  }
  checkIssuer(issuer);
  const clientId = value('OIDC_CLIENT_ID');
  if (!clientId) throw new Error('OIDC_ISSUER is set, so OIDC_CLIENT_ID must be too.');
  const roles: Record<string, OidcRole> = {};
  for (const role of Object.keys(ROLE_ENV) as OidcRole[]) {
    for (const group of (value(ROLE_ENV[role]) ?? '').split(',').map((name) => name.trim()).filter(Boolean)) {
      const before = roles[group];
      if (!before || ROLE_RANK[role] > ROLE_RANK[before]) roles[group] = role;
    }
  }
  if (Object.keys(roles).length === 0) {
    throw new Error(`No group is mapped to a role: set at least one of ${Object.values(ROLE_ENV).join(', ')}.`);
  }
  return {
    issuer,
    clientId,
    clientSecret: value('OIDC_CLIENT_SECRET'),
    groupClaim: value('OIDC_GROUP_CLAIM') ?? 'groups',
    roles,
    scope: value('OIDC_SCOPE'),
  };
}

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** HTTPS, or plain HTTP to this machine only (a provider run locally for development and tests). */
function checkIssuer(issuer: string): URL {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`OIDC_ISSUER is not a URL: ${issuer}`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname))) return url;
  throw new Error(`OIDC_ISSUER must be an https URL: ${issuer}`);
}

/** The group claim's values: an array of strings, or a single string; `a.b` walks into a nested claim. */
export function groupsOf(claims: Record<string, unknown>, groupClaim: string): string[] {
  let value: unknown = claims[groupClaim];
  if (value === undefined && groupClaim.includes('.')) {
    value = groupClaim.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), claims);
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((group): group is string => typeof group === 'string') : [];
}

/** The highest role any of the groups maps to, or null when none is mapped. */
export function roleForGroups(groups: readonly string[], roles: Record<string, OidcRole>): OidcRole | null {
  let best: OidcRole | null = null;
  for (const group of groups) {
    const role = Object.hasOwn(roles, group) ? roles[group] : undefined;
    if (role && (!best || ROLE_RANK[role] > ROLE_RANK[best])) best = role;
  }
  return best;
}

/** The same rule as the service's own accounts (service/accounts/staffAccounts.ts). */
const USERNAME = /^[a-z][a-z0-9._-]{0,62}$/;
const RESERVED = new Set(['case_handler', 'supervisor', 'reader', 'desk_service']);
const NORWEGIAN_LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };

/**
 * Our username for the person: `preferred_username`, else `email`, its local part if it is an address, in lower
 * case with æ/ø/å written out and anything else outside [a-z0-9._-] made a hyphen. Null when nothing usable is left.
 */
export function usernameFromClaims(claims: Record<string, unknown>): string | null {
  for (const key of ['preferred_username', 'email']) {
    const raw = claims[key];
    if (typeof raw !== 'string') continue;
    const at = raw.lastIndexOf('@');
    const name = (at > 0 ? raw.slice(0, at) : raw)
      .toLowerCase()
      .replace(/[æøå]/g, (letter) => NORWEGIAN_LETTERS[letter])
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .slice(0, 63)
      .replace(/[._-]+$/, '');
    if (USERNAME.test(name) && !RESERVED.has(name)) return name;
  }
  return null;
}

function displayNameFrom(claims: Record<string, unknown>, username: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 200) : '';
  if (name) return name;
  const given = [claims.given_name, claims.family_name].filter((part): part is string => typeof part === 'string').join(' ').trim();
  return given || username;
}

function emailFrom(claims: Record<string, unknown>): string | null {
  return typeof claims.email === 'string' && claims.email.length <= 320 && claims.email.includes('@') ? claims.email : null;
}

/** The provider's metadata, fetched once it is first needed (a provider down at start does not stop the service). */
function providerOf(config: OidcConfig): () => Promise<client.Configuration> {
  const issuer = checkIssuer(config.issuer);
  let discovered: Promise<client.Configuration> | null = null;
  return () => {
    discovered ??= client
      .discovery(
        issuer,
        config.clientId,
        undefined,
        config.clientSecret === undefined ? client.None() : client.ClientSecretBasic(config.clientSecret),
        { timeout: 10, execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [] },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error instanceof TypeError && error.message === 'fetch failed') || error.name === 'TimeoutError' || error.name === 'AbortError';
}

const unavailable = () => new ServiceError(503, 'auth.oidcUnavailable', 'The identity provider cannot be reached.');

/**
 * Keeps the person in app_users (new: created; known: name, role and email brought up to date, and sessions of an
 * old role ended) and returns who they are now; null when their account was disabled here.
 */
async function upsertPerson(db: pg.ClientBase, person: { id: string; displayName: string; role: OidcRole; email: string | null }): Promise<SessionUser | null> {
  // desk_service writes no table of people itself: one narrow function does (central migration 0015).
  const { rows: [row] } = await db.query<{ active: boolean; previous_role: StaffRole | null }>(
    'SELECT active, previous_role FROM desk_sign_in_provider_user($1, $2, $3, $4)',
    [person.id, person.displayName, person.role, person.email],
  );
  if (!row.active) return null;
  if (row.previous_role !== null && row.previous_role !== person.role) {
    await db.query('DELETE FROM service_sessions WHERE user_id = $1 AND role <> $2', [person.id, person.role]);
  }
  return { id: person.id, role: person.role, displayName: person.displayName };
}

export interface OidcRoutesOptions {
  config: OidcConfig;
  pool: pg.Pool;
  /** Sign-in attempts per address per minute (where @fastify/rate-limit is registered; default 30). */
  attemptsPerMinute?: number;
}

/** `GET /api/login/oidc/config` and `POST /api/login/oidc`; register with `app.register(oidcRoutes, { config, pool })`. */
export async function oidcRoutes(app: FastifyInstance, { config, pool, attemptsPerMinute = 30 }: OidcRoutesOptions): Promise<void> {
  const provider = providerOf(config);
  const api = app.withTypeProvider<ZodTypeProvider>();

  const discovered = async (log: FastifyInstance['log']) => {
    try {
      return await provider();
    } catch (error) {
      log.warn({ err: error, issuer: config.issuer }, 'identity provider discovery failed');
      throw unavailable();
    }
  };

  api.get('/api/login/oidc/config', {
    schema: {
      operationId: 'oidcConfig',
      summary: "What the desk needs to send the person to the company's identity provider (no secret).",
      response: { 200: OidcConfigOutput, 503: ErrorOutput },
    },
    handler: async (request) => {
      const metadata = (await discovered(request.log)).serverMetadata();
      if (!metadata.authorization_endpoint) throw unavailable();
      return { authorizationEndpoint: metadata.authorization_endpoint, clientId: config.clientId, scope: config.scope ?? DEFAULT_SCOPE };
    },
  });

  api.post('/api/login/oidc', {
    schema: {
      operationId: 'loginOidc',
      summary: 'Sign in with an authorization code from the identity provider (PKCE); answers a bearer token and its expiry.',
      body: OidcLoginInput,
      response: { 200: LoginOutput, 401: ErrorOutput, 403: ErrorOutput, 502: ErrorOutput, 503: ErrorOutput },
    },
    // Each attempt costs a call to the provider: throttled per address like the password sign-in.
    config: { rateLimit: { max: attemptsPerMinute, timeWindow: '1 minute' } },
    handler: async (request) => {
      const { code, codeVerifier, redirectUri } = request.body;
      const configuration = await discovered(request.log);
      const metadata = configuration.serverMetadata();
      // The redirect as the desk received it. The desk has checked `state`; `iss` (RFC 9207) guards against a mix-up
      // between providers, which cannot happen with the one provider configured here.
      const callback = new URL(redirectUri);
      callback.searchParams.set('code', code);
      if (metadata.authorization_response_iss_parameter_supported) callback.searchParams.set('iss', metadata.issuer);

      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(configuration, callback, { pkceCodeVerifier: codeVerifier, idTokenExpected: true });
      } catch (error) {
        if (isNetworkFailure(error)) {
          request.log.warn({ err: error }, 'identity provider unreachable at the token endpoint');
          throw unavailable();
        }
        if (error instanceof client.ResponseBodyError && error.error === 'invalid_grant') {
          // A code used before, expired, issued for another redirect URI, or a verifier that does not match.
          throw new ServiceError(401, 'auth.oidcCodeRefused', 'The identity provider did not accept the sign-in; start it again.');
        }
        request.log.error({ err: error }, 'identity provider sign-in failed');
        throw new ServiceError(502, 'auth.oidcFailed', 'The sign-in through the identity provider failed.');
      }

      const idToken = tokens.claims();
      if (!idToken) throw new ServiceError(502, 'auth.oidcFailed', 'The identity provider sent no ID token.');
      let claims: Record<string, unknown> = { ...idToken };
      const missing =
        groupsOf(claims, config.groupClaim).length === 0 || usernameFromClaims(claims) === null || typeof claims.name !== 'string';
      if (missing && metadata.userinfo_endpoint) {
        // Many providers put groups and profile only at the userinfo endpoint; the ID token's values win where both say.
        try {
          claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...claims };
        } catch (error) {
          if (isNetworkFailure(error)) throw unavailable();
          request.log.error({ err: error }, 'identity provider userinfo failed');
          throw new ServiceError(502, 'auth.oidcFailed', 'The identity provider did not say who signed in.');
        }
      }

      const role = roleForGroups(groupsOf(claims, config.groupClaim), config.roles);
      const id = usernameFromClaims(claims);
      if (!id) throw new ServiceError(403, 'auth.noUsername', 'The identity provider gave no usable username (preferred_username or email).');
      if (!role) {
        request.log.info({ user: id }, 'identity provider sign-in refused: no group mapped to a role');
        throw new ServiceError(403, 'auth.noRole', 'You are in none of the groups that give access to the desk.');
      }

      const db = await pool.connect();
      let broken = false;
      try {
        await db.query('BEGIN');
        const user = await upsertPerson(db, { id, role, displayName: displayNameFrom(claims, id), email: emailFrom(claims) });
        if (!user) {
          await db.query('ROLLBACK');
          throw new ServiceError(403, 'auth.accountDisabled', 'Your account on the desk is disabled.');
        }
        const session = await issueSession(db, user);
        await db.query('COMMIT');
        request.log.info({ user: user.id, role: user.role }, 'signed in through the identity provider');
        return session;
      } catch (error) {
        if (!(error instanceof ServiceError)) {
          await db.query('ROLLBACK').catch(() => {
            broken = true;
          });
        }
        throw error;
      } finally {
        db.release(broken);
      }
    },
  });
}

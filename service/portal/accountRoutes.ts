// Portal users: login (throttled), logout, who am I, one's own password; the firm's administrator lists, adds and
// disables colleagues of their own firm; password reset and invitations by e-mailed single-use links. Everything a
// signed-in user does runs as portal_user for their firm (asFirm), so PostgreSQL keeps each firm to its own rows.
import { hash, verify } from '@node-rs/argon2';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import {
  PortalAddUserInput, PortalAddUserOutput, PortalChangePasswordInput, PortalListUsersOutput, PortalLoginInput,
  PortalLoginOutput, PortalMe, PortalOk, PortalResetCompleteInput, PortalResetRequestInput, PortalUserIdParams,
  PortalUserOutput, type PortalUser,
} from '../../shared/portalApi';
import { ErrorOutput } from '../../shared/serviceApi';
import { hashPortalPassword, normaliseEmail } from '../accounts/portalAccounts';
import { ServiceError } from '../http/errors';
import type { PortalMailer } from './mailer';
import { portalDbError } from './portalErrors';
import {
  asFirm, clearPortalCookie, iso, issuePortalSession, newToken, portalSession, portalSessionOf, PORTAL_SESSION_HOURS,
  requirePortalSession, setPortalCookie,
  sha256, type PortalSession,
} from './portalSessions';

export interface AccountRouteOptions {
  mailer: PortalMailer;
  /** The portal's public address, for the links in e-mails (e.g. https://nett.example.no/portal). */
  portalUrl: string;
  /** Login attempts per address and e-mail per minute; reset requests and token uses per address per minute. */
  attemptsPerMinute: number;
  sessionHours?: number;
  /** How long an invitation link lasts. */
  invitationDays?: number;
}

interface UserRow {
  id: string; email: string; name: string; is_admin: boolean; disabled: boolean; invited: boolean; created_at: unknown;
}

const USER_COLUMNS = 'id, email, name, is_admin, disabled, password_hash IS NULL AS invited, created_at';

const userOf = (row: UserRow): PortalUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin,
  disabled: row.disabled,
  invited: row.invited,
  createdAt: iso(row.created_at),
});

const meOf = (session: PortalSession) => ({
  user: { id: session.userId, email: session.email, name: session.name, isAdmin: session.isAdmin, mustChangePassword: session.mustChangePassword },
  firm: { id: session.firmId, name: session.firmName, organisationNumber: session.organisationNumber },
  expiresAt: session.expiresAt,
  csrfToken: session.csrfToken,
});

const wrongPassword = () => new ServiceError(401, 'auth.wrongPassword', 'Wrong e-mail address or password, or the account is disabled.');

/** Verified against when the address is unknown, so that it costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export function accountRoutes(app: FastifyInstance, pool: pg.Pool, options: AccountRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requirePortalSession(pool);
  const throttle = {
    max: options.attemptsPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => `portal:${request.ip}:${request.routeOptions.url}`,
  };
  const link = (path: string, token: string) => `${options.portalUrl.replace(/\/+$/, '')}/${path}#token=${token}`;
  /** After the answer: neither the time an SMTP server takes nor its failure tells the caller anything. */
  const sendLater = (mail: Parameters<PortalMailer['send']>[0]) => {
    void options.mailer.send(mail).catch((error: unknown) => app.log.error({ err: error }, 'portal mail not sent'));
  };
  const adminOf = (request: FastifyRequest): PortalSession => {
    const session = portalSession(request);
    if (!session.isAdmin) throw new ServiceError(403, 'notPermitted', "Only the firm's administrator manages its users.");
    return session;
  };

  api.post('/api/portal/login', {
    schema: {
      operationId: 'portalLogin',
      summary: 'Sign in to the portal with e-mail and password. Answers a bearer token (for software: send it as '
        + '`Authorization: Bearer`, no CSRF token needed), the user, the firm and the CSRF token, and sets the session '
        + 'cookie for the browser (HttpOnly, Secure, SameSite=Strict; unsafe requests on it carry `x-csrf-token`).',
      security: [],
      body: PortalLoginInput,
      response: { 200: PortalLoginOutput, 401: ErrorOutput, 403: ErrorOutput, 429: ErrorOutput },
    },
    config: {
      rateLimit: {
        max: options.attemptsPerMinute,
        timeWindow: '1 minute',
        // After the body is parsed, so that the key can name the address tried.
        hook: 'preValidation',
        keyGenerator: (request: FastifyRequest) =>
          `portal-login:${request.ip}:${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
      },
    },
    handler: async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      const { rows: [account] } = await pool.query<{
        user_id: string; firm_id: string; password_hash: string | null; disabled: boolean; firm_state: string;
      }>('SELECT * FROM portal_login_candidate($1)', [email]);
      if (!account || account.password_hash === null) {
        dummyHash ??= hash('not a password of anyone');
        await verify(await dummyHash, request.body.password).catch(() => false);
        throw wrongPassword();
      }
      const matches = await verify(account.password_hash, request.body.password).catch(() => false);
      if (!matches || account.disabled) throw wrongPassword();
      // Only the one who knows the password learns that the firm is not (or no longer) approved.
      if (account.firm_state !== 'approved') {
        throw new ServiceError(403, 'portal.firmNotApproved', account.firm_state === 'refused'
          ? "The firm's application was refused." : "The firm's application awaits the grid company's decision.");
      }
      const actor = { userId: account.user_id, firmId: account.firm_id };
      const { token } = await issuePortalSession(pool, actor, options.sessionHours ?? PORTAL_SESSION_HOURS);
      const session = await portalSessionOf(pool, token);
      if (!session) throw wrongPassword();
      setPortalCookie(reply, token, session.expiresAt);
      return { token, ...meOf(session) };
    },
  });

  api.post('/api/portal/logout', {
    schema: {
      operationId: 'portalLogout',
      summary: 'Ends the portal session the bearer token or the cookie names, and clears the cookie.',
      response: { 200: PortalOk, 401: ErrorOutput, 403: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request, reply) => {
      const session = portalSession(request);
      clearPortalCookie(reply);
      await asFirm(pool, session, (client) => client.query('DELETE FROM portal_sessions WHERE token_sha256 = $1', [session.tokenSha256]));
      return { ok: true as const };
    },
  });

  api.get('/api/portal/me', {
    schema: { operationId: 'portalMe', summary: 'The signed-in portal user, their firm and the session\'s expiry.', response: { 200: PortalMe, 401: ErrorOutput } },
    preValidation: signedIn,
    handler: async (request) => meOf(portalSession(request)),
  });

  api.post('/api/portal/password', {
    schema: {
      operationId: 'portalChangePassword',
      summary: "Changes the signed-in user's password (after a temporary one); their other sessions end.",
      body: PortalChangePasswordInput,
      response: { 200: PortalOk, 401: ErrorOutput, 429: ErrorOutput },
    },
    preValidation: signedIn,
    config: { rateLimit: throttle },
    handler: async (request) => {
      const session = portalSession(request);
      const { rows: [account] } = await pool.query<{ password_hash: string | null }>(
        'SELECT password_hash FROM portal_login_candidate($1)', [session.email]);
      const matches = account?.password_hash ? await verify(account.password_hash, request.body.currentPassword).catch(() => false) : false;
      if (!matches) throw wrongPassword();
      const passwordHash = await hashPortalPassword(request.body.newPassword);
      await asFirm(pool, session, async (client) => {
        await client.query('SELECT portal_set_own_password($1)', [passwordHash]);
        await client.query('DELETE FROM portal_sessions WHERE user_id = $1 AND token_sha256 <> $2', [session.userId, session.tokenSha256]);
      });
      return { ok: true as const };
    },
  });

  api.get('/api/portal/users', {
    schema: { operationId: 'portalListUsers', summary: "The firm's users (its administrator).", response: { 200: PortalListUsersOutput, 401: ErrorOutput, 403: ErrorOutput } },
    preValidation: signedIn,
    handler: async (request) => {
      const admin = adminOf(request);
      const rows = await asFirm(pool, admin, async (client) =>
        (await client.query<UserRow>(`SELECT ${USER_COLUMNS} FROM portal_users ORDER BY email`)).rows);
      return { users: rows.map(userOf) };
    },
  });

  api.post('/api/portal/users', {
    schema: {
      operationId: 'portalAddUser',
      summary: 'Adds a colleague to the firm (its administrator): with a temporary password, or an e-mailed invitation link.',
      body: PortalAddUserInput,
      response: { 200: PortalAddUserOutput, 401: ErrorOutput, 403: ErrorOutput, 409: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const admin = adminOf(request);
      const { email: given, name, isAdmin, temporaryPassword } = request.body;
      const email = normaliseEmail(given);
      const passwordHash = temporaryPassword === undefined ? null : await hashPortalPassword(temporaryPassword);
      const invitation = passwordHash === null ? newToken() : null;
      const row = await asFirm(pool, admin, async (client) => {
        const { rows: [added] } = await client.query<UserRow>(
          `INSERT INTO portal_users (firm_id, email, name, password_hash, must_change_password, is_admin, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${USER_COLUMNS}`,
          [admin.firmId, email, name ?? '', passwordHash, passwordHash !== null, isAdmin ?? false, admin.userId],
        );
        if (invitation !== null) {
          await client.query(
            `INSERT INTO portal_user_tokens (token_sha256, user_id, firm_id, purpose, expires_at)
             VALUES ($1, $2, $3, 'invitation', now() + make_interval(days => $4))`,
            [sha256(invitation), added.id, admin.firmId, options.invitationDays ?? 7],
          );
        }
        return added;
      }).catch((error: unknown) => {
        throw portalDbError(error);
      });
      if (invitation !== null) {
        sendLater({
          to: email,
          subject: `Invitasjon til installatørportalen – ${admin.firmName}`,
          text: `${admin.name || admin.email} har gitt deg tilgang til installatørportalen for ${admin.firmName}.\n` +
            `Velg passord her (lenken gjelder i ${options.invitationDays ?? 7} dager):\n${link('invitation', invitation)}\n\n` +
            `${admin.name || admin.email} has given you access to the installers' portal for ${admin.firmName}.\n` +
            `Choose your password here (the link lasts ${options.invitationDays ?? 7} days):\n${link('invitation', invitation)}\n`,
        });
      }
      return { user: userOf(row), invitationSent: invitation !== null };
    },
  });

  api.post('/api/portal/users/:id/disable', {
    schema: {
      operationId: 'portalDisableUser',
      summary: "Disables a colleague of the firm (its administrator): they can no longer log in, and their sessions end.",
      params: PortalUserIdParams,
      response: { 200: PortalUserOutput, 401: ErrorOutput, 403: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const admin = adminOf(request);
      if (request.params.id === admin.userId) throw new ServiceError(409, 'portal.disableSelf', 'An administrator cannot disable themselves.');
      const row = await asFirm(pool, admin, async (client) => {
        const { rows: [changed] } = await client.query<UserRow>(
          `UPDATE portal_users SET disabled = true WHERE id = $1 RETURNING ${USER_COLUMNS}`, [request.params.id]);
        if (changed) await client.query('DELETE FROM portal_sessions WHERE user_id = $1', [changed.id]);
        return changed;
      });
      // Another firm's user is invisible here: the same answer as a user who does not exist.
      if (!row) throw new ServiceError(404, 'portal.userMissing', 'No such user in the firm.');
      return { user: userOf(row) };
    },
  });

  api.post('/api/portal/password-reset', {
    schema: {
      operationId: 'portalRequestPasswordReset',
      summary: 'E-mails a single-use link (valid one hour) to choose a new password; answers the same for any address.',
      security: [],
      body: PortalResetRequestInput,
      response: { 200: PortalOk, 429: ErrorOutput },
    },
    config: { rateLimit: throttle },
    handler: async (request) => {
      const email = normaliseEmail(request.body.email);
      const token = newToken();
      const { rows: [stored] } = await pool.query<{ stored: boolean }>('SELECT portal_request_reset($1, $2) AS stored', [email, sha256(token)]);
      if (stored.stored) {
        sendLater({
          to: email,
          subject: 'Nytt passord til installatørportalen / New password for the installers\' portal',
          text: `Velg nytt passord her (lenken gjelder i én time og kan brukes én gang):\n${link('password-reset', token)}\n` +
            'Har du ikke bedt om dette, kan du se bort fra e-posten.\n\n' +
            `Choose a new password here (the link lasts one hour and works once):\n${link('password-reset', token)}\n` +
            'If you did not ask for this, ignore this e-mail.\n',
        });
      }
      return { ok: true as const };
    },
  });

  const useToken = (purpose: 'password_reset' | 'invitation') => async (request: FastifyRequest<{ Body: { token: string; password: string } }>) => {
    const passwordHash = await hashPortalPassword(request.body.password);
    const { rows: [used] } = await pool.query<{ user_id: string }>(
      'SELECT * FROM portal_use_token($1, $2, $3)', [sha256(request.body.token), purpose, passwordHash]);
    if (!used) throw new ServiceError(400, 'portal.tokenInvalid', 'The link is unknown, used already or expired; ask for a new one.');
    return { ok: true as const };
  };

  api.post('/api/portal/password-reset/complete', {
    schema: {
      operationId: 'portalCompletePasswordReset',
      summary: "Sets a new password with the e-mailed reset token (once); the user's sessions end.",
      security: [],
      body: PortalResetCompleteInput,
      response: { 200: PortalOk, 400: ErrorOutput, 429: ErrorOutput },
    },
    config: { rateLimit: throttle },
    handler: useToken('password_reset'),
  });

  api.post('/api/portal/invitation/accept', {
    schema: {
      operationId: 'portalAcceptInvitation',
      summary: 'Chooses the password of an invited user with the e-mailed invitation token (once).',
      security: [],
      body: PortalResetCompleteInput,
      response: { 200: PortalOk, 400: ErrorOutput, 429: ErrorOutput },
    },
    config: { rateLimit: throttle },
    handler: useToken('invitation'),
  });
}

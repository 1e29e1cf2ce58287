// Sign-in with an account the service keeps (argon2id, service/accounts/staffAccounts.ts) and sign-out. Attempts are
// throttled per address and account; a wrong password and an unknown or disabled account answer alike.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { verifyStaffPassword } from '../accounts/staffAccounts';
import { ErrorOutput, LoginInput, LoginOutput } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';
import { bearerToken } from './authenticate';
import { endSession, issueSession } from './sessions';

export interface LoginOptions {
  /** Attempts per address and account per minute. */
  attemptsPerMinute: number;
}

export function loginRoutes(app: FastifyInstance, pool: pg.Pool, options: LoginOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/login', {
    schema: {
      operationId: 'login',
      summary: 'Sign in with a username and password; answers a bearer token and its expiry.',
      body: LoginInput,
      response: { 200: LoginOutput, 401: ErrorOutput, 429: ErrorOutput },
    },
    config: {
      rateLimit: {
        max: options.attemptsPerMinute,
        timeWindow: '1 minute',
        keyGenerator: (request: { ip: string; body?: unknown }) =>
          `${request.ip}:${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
      },
    },
    handler: async (request) => {
      const client = await pool.connect();
      const user = await verifyStaffPassword(client, request.body.username, request.body.password).finally(() => client.release());
      if (!user) throw new ServiceError(401, 'auth.wrongPassword', 'Wrong username or password, or the account is disabled.');
      return issueSession(pool, user);
    },
  });

  api.post('/api/logout', {
    schema: { operationId: 'logout', summary: 'Ends the session the bearer token names.', response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (request) => {
      const token = bearerToken(request);
      if (token) await endSession(pool, token);
      return { ok: true as const };
    },
  });
}

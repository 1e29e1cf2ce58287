// Every route but sign-in and health asks who is calling: the bearer token names a live session of an active
// account, or the call is answered 401 before any handler runs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { SessionUser } from '../../shared/serviceApi';
import { unauthorized } from '../http/errors';
import { authenticate } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    person: SessionUser | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]+)$/.exec(header) : null;
  return match ? match[1] : null;
}

/** Adds `request.person` and a hook that refuses calls without a live session on routes marked `config.signedIn`. */
export function requireSignIn(app: FastifyInstance, pool: pg.Pool): void {
  app.decorateRequest('person', null);
  app.addHook('preValidation', async (request) => {
    if (!(request.routeOptions.config as { signedIn?: boolean }).signedIn) return;
    const token = bearerToken(request);
    const person = token ? await authenticate(pool, token) : null;
    if (!person) throw unauthorized();
    request.person = person;
  });
}

/** The person on a route marked `signedIn` (the hook has refused the call otherwise). */
export function personOf(request: FastifyRequest): SessionUser {
  if (!request.person) throw unauthorized();
  return request.person;
}

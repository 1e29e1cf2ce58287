// Routes a company switches on by configuration: sign-in through its identity provider when OIDC_ISSUER is set.
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { oidcConfigFromEnv, oidcRoutes } from './auth/oidc';

export function optionalPlugins(env: NodeJS.ProcessEnv): Array<(app: FastifyInstance, pool: pg.Pool) => void | Promise<void>> {
  const oidc = oidcConfigFromEnv(env);
  return oidc ? [(app, pool) => oidcRoutes(app, { config: oidc, pool })] : [];
}

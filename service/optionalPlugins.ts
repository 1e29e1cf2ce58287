// Routes a company switches on by configuration: sign-in through its identity provider when OIDC_ISSUER is set;
// and the installers' portal (service/portal/: SMTP_URL, PORTAL_MAIL_FROM, PORTAL_URL).
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { oidcConfigFromEnv, oidcRoutes } from './auth/oidc';
import { portalPluginFromEnv } from './portal';

export function optionalPlugins(env: NodeJS.ProcessEnv): Array<(app: FastifyInstance, pool: pg.Pool) => void | Promise<void>> {
  const oidc = oidcConfigFromEnv(env);
  return [...(oidc ? [(app: FastifyInstance, pool: pg.Pool) => oidcRoutes(app, { config: oidc, pool })] : []), portalPluginFromEnv(env)];
}

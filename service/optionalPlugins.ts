// Routes a company switches on by configuration: sign-in through its identity provider when OIDC_ISSUER is set;
// and the installers' portal (service/portal/: SMTP_URL, PORTAL_MAIL_FROM, PORTAL_URL). The offer expiry sweep
// (casework/offerExpirySweep.ts) always runs; OFFER_EXPIRY_SWEEP_MINUTES sets its interval (15).
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { oidcConfigFromEnv, oidcRoutes } from './auth/oidc';
import { portalPluginFromEnv } from './portal';
import { offerExpiryPlugin } from './casework/offerExpirySweep';

export function optionalPlugins(env: NodeJS.ProcessEnv): Array<(app: FastifyInstance, pool: pg.Pool) => void | Promise<void>> {
  const oidc = oidcConfigFromEnv(env);
  const sweepMinutes = Number(env.OFFER_EXPIRY_SWEEP_MINUTES) || 15;
  return [
    ...(oidc ? [(app: FastifyInstance, pool: pg.Pool) => oidcRoutes(app, { config: oidc, pool })] : []),
    portalPluginFromEnv(env),
    offerExpiryPlugin({ intervalMs: sweepMinutes * 60_000 }),
  ];
}

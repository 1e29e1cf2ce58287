// The central service: one Fastify app between every desk and PostgreSQL. Stateless — sessions, verdicts and
// versions live in PostgreSQL — so any number of instances can serve one database behind a load balancer.
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type pg from 'pg';
import { ErrorOutput, HealthOutput } from '../shared/serviceApi';
import { personOf, requireSignIn } from './auth/authenticate';
import { loginRoutes } from './auth/loginRoutes';
import { asPerson, createServicePool } from './db/servicePool';
import { ServiceError } from './http/errors';
import { LiveHub } from './live/liveHub';
import { syncRoutes } from './sync/syncRoutes';

export interface ServiceOptions {
  /** PostgreSQL as desk_service. */
  databaseUrl: string;
  /** TLS for HTTPS served by the service itself (else run it behind a reverse proxy that terminates TLS). */
  https?: { cert: string | Buffer; key: string | Buffer };
  /** How often the live socket carries a heartbeat (a desk takes a silence of about three beats as a stall). */
  heartbeatMs?: number;
  leaseSeconds?: number;
  loginAttemptsPerMinute?: number;
  poolSize?: number;
  /** Behind a reverse proxy: trust its X-Forwarded-For for the login throttle. */
  trustProxy?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Extra routes (sign-in through an identity provider, the portal) given the app and the pool. */
  plugins?: Array<(app: FastifyInstance, pool: pg.Pool) => void | Promise<void>>;
}

export interface Service {
  app: FastifyInstance;
  pool: pg.Pool;
  live: LiveHub;
  close(): Promise<void>;
}

export const SERVICE_NAME = 'desk-central-service';

export async function buildService(options: ServiceOptions): Promise<Service> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    ...(options.https ? { https: options.https } : {}),
  } as FastifyServerOptions) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const pool = createServicePool(options.databaseUrl, options.poolSize);
  const live = new LiveHub({ databaseUrl: options.databaseUrl, heartbeatMs: options.heartbeatMs ?? 10_000 });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ServiceError) return reply.code(error.status).send({ code: error.code, message: error.message });
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.code(400).send({ code: 'input.invalid', message: error.message });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 429) return reply.code(429).send({ code: 'auth.throttled', message: 'Too many attempts; wait a minute.' });
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ code: `http.${status}`, message: (error as Error).message });
    }
    app.log.error(error);
    // An outage behind the service (PostgreSQL down, a timeout): the desk keeps its changes and tries again.
    return reply.code(503).send({ code: 'service.unavailable', message: 'The central database did not answer; try again.' });
  });

  await app.register(fastifyHelmet, { contentSecurityPolicy: false });
  // The portal's browser session is a cookie (service/portal/portalSessions.ts); unsigned: it is itself a secret.
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Saksbehandlerpulten central service', version: '1.0.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  requireSignIn(app, pool);

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/health', {
    schema: { operationId: 'health', summary: 'The service answers, and the version its database has reached.', response: { 200: HealthOutput, 503: ErrorOutput } },
    handler: async () => {
      const version = await asPerson(pool, { id: SERVICE_NAME, role: 'reader', displayName: SERVICE_NAME }, async (client) => {
        const { rows } = await client.query<{ version: number }>('SELECT version FROM sync_clock');
        return Number(rows[0]?.version ?? 0);
      });
      return { ok: true as const, service: SERVICE_NAME, version };
    },
  });
  loginRoutes(app, pool, { attemptsPerMinute: options.loginAttemptsPerMinute ?? 10 });
  syncRoutes(app, pool, { leaseSeconds: options.leaseSeconds ?? 300 });
  app.get('/api/live', { websocket: true, config: { signedIn: true }, schema: { operationId: 'live', summary: 'WebSocket: version notices and heartbeats.', hide: false } }, (socket, request) => {
    personOf(request);
    live.add(socket);
  });
  for (const plugin of options.plugins ?? []) await plugin(app, pool);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await live.start();
  await app.ready();

  return {
    app,
    pool,
    live,
    async close() {
      await live.close();
      await app.close();
      await pool.end();
    },
  };
}

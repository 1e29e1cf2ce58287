// `npm run central:serve`: the central service, configured from the environment.
//   DATABASE_URL   PostgreSQL as desk_service (required)
//   PORT, HOST     where to listen (8443, 0.0.0.0)
//   TLS_CERT_FILE, TLS_KEY_FILE   serve HTTPS itself; without them run it behind a reverse proxy terminating TLS
//   TRUST_PROXY=1  behind such a proxy (client addresses from X-Forwarded-For for the login throttle)
//   OIDC_*         sign-in through the company's identity provider (see README)
import { readFileSync } from 'node:fs';
import { buildService, type ServiceOptions } from './buildService';
import { optionalPlugins } from './optionalPlugins';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('Set DATABASE_URL to the central database as desk_service, e.g. postgres://desk_service@db.example.no/desk');
    process.exit(2);
  }
  const cert = process.env.TLS_CERT_FILE;
  const key = process.env.TLS_KEY_FILE;
  if (Boolean(cert) !== Boolean(key)) {
    console.error('Give both TLS_CERT_FILE and TLS_KEY_FILE, or neither (behind a reverse proxy).');
    process.exit(2);
  }
  const options: ServiceOptions = {
    databaseUrl,
    https: cert && key ? { cert: readFileSync(cert), key: readFileSync(key) } : undefined,
    trustProxy: process.env.TRUST_PROXY === '1',
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    plugins: optionalPlugins(process.env),
  };
  const service = await buildService(options);
  const port = Number(process.env.PORT ?? 8443);
  const host = process.env.HOST ?? '0.0.0.0';
  await service.app.listen({ port, host });
  if (!options.https) service.app.log.warn('Serving plain HTTP: put a reverse proxy with TLS in front of it.');
  const stop = async () => {
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

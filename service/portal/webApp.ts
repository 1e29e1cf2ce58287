// The portal's web app (portal/, built by `npm run build:portal` into out/portal) served under /portal:
//   - files from out/portal; Vite's hashed files under /portal/assets/ are cached for a year (immutable), the
//     page itself (index.html) is revalidated every time, so a new build is picked up at once;
//   - every other GET under /portal/ that names no file (/portal/login, /portal/invitation, …) answers the page
//     (the app's own router shows the screen), so links in e-mails and reloads work;
//   - a strict Content-Security-Policy on all of it: scripts only from this origin, never inline, nothing framed,
//     fetch only to this origin. Styles allow 'unsafe-inline' because Mantine writes its CSS variables in a
//     <style> element (as the desk's renderer does).
// The app's session is the service's HttpOnly cookie with a CSRF token (portalSessions.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const PORTAL_WEB_ROOT = path.resolve(__dirname, '../../out/portal');

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export interface WebAppOptions {
  /** The built app (default out/portal). */
  root?: string;
}

export function webApp(app: FastifyInstance, options: WebAppOptions = {}): void {
  const root = options.root ?? PORTAL_WEB_ROOT;
  void app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('content-security-policy', PORTAL_CSP);
      reply.header('x-content-type-options', 'nosniff');
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', REVALIDATE);
      return payload;
    });

    const sendPage = (reply: FastifyReply) => {
      if (!existsSync(path.join(root, 'index.html'))) {
        return reply.code(503).type('text/plain; charset=utf-8').send('The portal web app is not built (npm run build:portal).');
      }
      return reply.header('cache-control', REVALIDATE).sendFile('index.html', root);
    };

    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      // Only /portal/… exists for files; the page itself comes from sendPage below.
      index: false,
      wildcard: true,
      cacheControl: false,
      etag: true,
      lastModified: true,
      setHeaders: (res, filePath) => {
        const inAssets = path.relative(path.join(root, 'assets'), filePath);
        const hashed = !inAssets.startsWith('..') && !path.isAbsolute(inAssets);
        res.setHeader('cache-control', hashed ? IMMUTABLE : REVALIDATE);
      },
    });

    scope.get('/', { schema: { hide: true } }, (_request, reply) => sendPage(reply));

    // A path naming no file: the app's page, unless it looks like a file (an asset that is not there) or is not a
    // page request at all.
    scope.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0];
      const looksLikeFile = /\.[A-Za-z0-9]+$/.test(pathname) || pathname.startsWith('/portal/assets/');
      if ((request.method === 'GET' || request.method === 'HEAD') && !looksLikeFile) return sendPage(reply);
      return reply.code(404).send({ code: 'http.404', message: 'Not found.' });
    });
  }, { prefix: '/portal' });
}

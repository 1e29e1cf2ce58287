// Serves the built renderer (out/renderer) on loopback. Optionally injects the dev bridge script and
// routes the bridge's API calls; used by the e2e tests, the benchmark and `npm run dev:browser`.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

// DESK_OUT_DIR lets a build made elsewhere (`electron-vite build --outDir <dir>`) be served instead of out/.
export const RENDERER_DIR = path.resolve(process.env.DESK_OUT_DIR ?? path.resolve(__dirname, '../out'), 'renderer');

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  rootDirectory?: string;
  /** A script tag to add before the app's own scripts (the dev bridge). */
  injectScript?: { path: string; body: string };
  /** Handles requests under /__api/; returns false to fall through to a 404. */
  handleApi?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = options.rootDirectory ?? RENDERER_DIR;
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No built renderer in ${root}: run \`npm run build\` first.`);
  }
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/__api/') && options.handleApi && (await options.handleApi(request, response))) return;
      if (options.injectScript && url.pathname === options.injectScript.path) {
        response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.js'], 'Cache-Control': 'no-store' });
        response.end(options.injectScript.body);
        return;
      }
      const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.resolve(root, relative);
      if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end('Not found');
        return;
      }
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (relative === 'index.html' && options.injectScript) {
        const html = readFileSync(file, 'utf8').replace(
          '<head>',
          `<head><script src="${options.injectScript.path}"></script>`,
        );
        response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        response.end(html);
        return;
      }
      response.writeHead(200, { 'Content-Type': type });
      createReadStream(file).pipe(response);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    // An open change stream (the dev bridge's events) would otherwise hold close() forever.
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

// The developer's-browser transport: `window.api` over fetch to the harness on loopback. Every call needs
// the session token (given once in the URL and kept in sessionStorage); the custom header makes any other
// origin's request a CORS preflight that the server never grants, and the Host header is checked against
// DNS rebinding.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_NAMES } from '../../electron/shared/contract/names';
import type { Core } from '../../electron/core/createCore';

export const BRIDGE_SCRIPT_PATH = '/__bridge.js';
const MAX_BODY_BYTES = 1_000_000;

export function bridgeScript(): string {
  return `(() => {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('desk-token', fromUrl);
    history.replaceState(null, '', location.pathname);
  }
  const token = sessionStorage.getItem('desk-token') || '';
  const call = (name) => async (input) => {
    try {
      const response = await fetch('/__api/' + encodeURIComponent(name), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Desk-Token': token },
        body: JSON.stringify(input === undefined ? {} : input),
      });
      if (response.status === 401) return { ok: false, error: { code: 'permission.denied' } };
      return await response.json();
    } catch {
      return { ok: false, error: { code: 'internal' } };
    }
  };
  const names = ${JSON.stringify(API_NAMES)};
  Object.defineProperty(window, 'api', { value: Object.freeze(Object.fromEntries(names.map((n) => [n, call(n)]))) });
})();`;
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function bridgeApiHandler(core: Core, token: string, port: () => number) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const hostOk = request.headers.host === `127.0.0.1:${port()}` || request.headers.host === `localhost:${port()}`;
    const tokenOk = tokensEqual(String(request.headers['x-desk-token'] ?? ''), token);
    if (request.method !== 'POST' || !hostOk || !tokenOk) {
      response.writeHead(401, { 'Content-Type': 'text/plain' }).end('Unauthorised');
      return true;
    }
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice('/__api/'.length));
    const body = await readBody(request);
    let input: unknown;
    try {
      input = body === null ? undefined : JSON.parse(body);
    } catch {
      input = undefined;
    }
    const result =
      body === null || input === undefined
        ? { ok: false, error: { code: 'input.invalid' } }
        : await core.dispatch(name, input);
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(result));
    return true;
  };
}

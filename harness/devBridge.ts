// The developer's-browser transport: `window.api` over fetch to the harness on loopback. Every call needs
// the session token (given once in the URL and kept in sessionStorage); the custom header makes any other
// origin's request a CORS preflight that the server never grants, and the Host header is checked against
// DNS rebinding. The core's change stream comes as Server-Sent Events on /__api/__changes, read with fetch (not
// EventSource, which cannot send the token header) behind the same checks.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_NAMES } from '../shared/contract/names';
import type { RunningCore } from '../core/runningCore';

export const BRIDGE_SCRIPT_PATH = '/__bridge.js';
const CHANGES_PATH = '/__api/__changes';
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
  const listeners = new Set();
  const listen = async () => {
    for (;;) {
      try {
        const response = await fetch('${CHANGES_PATH}', { headers: { 'X-Desk-Token': token } });
        if (response.status === 401) return;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\\n\\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event.split('\\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\\n');
            if (!data) continue;
            const batch = JSON.parse(data);
            for (const listener of listeners) listener(batch);
          }
        }
      } catch {}
      // The harness restarted or the line dropped: listen again shortly.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  void listen();
  Object.defineProperty(window, 'deskChanges', { value: Object.freeze({ subscribe(listener) {
    listeners.add(listener);
    return () => { listeners.delete(listener); };
  } }) });
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

/** The change stream as Server-Sent Events, one `data:` line per batch, until the page goes away. */
function streamChanges(core: RunningCore, request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  response.write(': listening\n\n');
  const stop = core.onChange((batch) => response.write(`data: ${JSON.stringify(batch)}\n\n`));
  request.on('close', stop);
}

export function bridgeApiHandler(core: RunningCore, token: string, port: () => number) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const hostOk = request.headers.host === `127.0.0.1:${port()}` || request.headers.host === `localhost:${port()}`;
    const tokenOk = tokensEqual(String(request.headers['x-desk-token'] ?? ''), token);
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === CHANGES_PATH && request.method === 'GET' && hostOk && tokenOk) {
      streamChanges(core, request, response);
      return true;
    }
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

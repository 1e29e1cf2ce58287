// JSON over HTTP(S) to the central service: one keep-alive agent per endpoint, a deadline on every call, and
// failures sorted into "the service said no" (ServiceRefusal, with its code) and "the service could not be
// reached" (ServiceUnreachable) — the first is final for that call, the second is retried by the caller.
import http from 'node:http';
import https from 'node:https';
import { checkServiceUrl, type ServiceEndpoint } from './serviceEndpoint';

export class ServiceUnreachable extends Error {
  constructor(
    readonly reason: 'unreachable' | 'connectionLost' | 'timeout',
    detail?: string,
  ) {
    super(`central service ${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'ServiceUnreachable';
  }
}

/** The service answered with an error status; `code` is its machine-readable reason. */
export class ServiceRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ServiceRefusal';
  }
}

export interface ServiceRequest {
  method: 'GET' | 'POST';
  path: string;
  token?: string | null;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Milliseconds until the whole call is given up (default 15 s). */
  timeoutMs?: number;
  /** Answer with the body's raw text instead of parsed JSON (large pull pages are parsed by the caller). */
  raw?: boolean;
  /** With raw: the body's bytes as latin1 text, one character per byte (file content). */
  binary?: boolean;
  /** Called once the request has been handed to the socket (so a caller about to block its thread knows it left). */
  onSent?: () => void;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH']);

export class ServiceHttp {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly ca?: string;

  constructor(readonly endpoint: ServiceEndpoint) {
    const checked = checkServiceUrl(endpoint.url);
    if (!checked.ok) throw new Error(`Service URL not allowed (${checked.problem}): ${endpoint.url}`);
    this.base = new URL(`${checked.url}/`);
    this.ca = endpoint.ca;
    this.agent =
      this.base.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, maxSockets: 8, ca: endpoint.ca })
        : new http.Agent({ keepAlive: true, maxSockets: 8 });
  }

  get url(): string {
    return this.base.href.replace(/\/$/, '');
  }

  /** The URL of a path, for the live socket. */
  urlOf(path: string, protocol?: 'ws'): URL {
    const url = new URL(path.replace(/^\//, ''), this.base);
    if (protocol === 'ws') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url;
  }

  get tls(): { ca?: string } {
    return { ca: this.ca };
  }

  request<T>(request: ServiceRequest): Promise<T> {
    const url = this.urlOf(request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const payload = request.body === undefined ? null : Buffer.from(JSON.stringify(request.body));
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    const transport = url.protocol === 'https:' ? https : http;
    const timeoutMs = request.timeoutMs ?? 15_000;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        req.destroy();
        reject(error);
      };
      const req = transport.request(url, { method: request.method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => fail(new ServiceUnreachable('connectionLost', error.message)));
        res.on('aborted', () => fail(new ServiceUnreachable('connectionLost', 'response aborted')));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          const text = Buffer.concat(chunks).toString(request.binary ? 'latin1' : 'utf8');
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            if (request.raw) return resolve(text as T);
            try {
              resolve((text === '' ? null : JSON.parse(text)) as T);
            } catch {
              reject(new ServiceUnreachable('connectionLost', 'the answer was not JSON'));
            }
            return;
          }
          let body: { code?: string; message?: string } | null;
          try {
            body = JSON.parse(text) as { code?: string; message?: string };
          } catch {
            body = null;
          }
          // A proxy's or overloaded server's 5xx is an outage to ride out, not a verdict on the call.
          if (status >= 500 || status === 0) return reject(new ServiceUnreachable('connectionLost', `HTTP ${status}`));
          reject(new ServiceRefusal(status, body?.code ?? `http.${status}`, body?.message ?? `HTTP ${status}`, body));
        });
      });
      const deadline = setTimeout(() => fail(new ServiceUnreachable('timeout', `${request.method} ${url.pathname}`)), timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => {
        const code = error.code ?? '';
        fail(new ServiceUnreachable(NETWORK_CODES.has(code) ? 'unreachable' : 'connectionLost', error.message));
      });
      if (request.onSent) req.once('finish', request.onSent);
      if (payload) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

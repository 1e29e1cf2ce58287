// A raw HTTP client for the central service, as an attacker with a valid sign-in would hold it: node's fetch, any
// body, any header, nothing the desk's own client would check or refuse first. Also people made quickly (an account
// without a password and a session issued directly, as the service would after a sign-in) for tests needing many.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { upsertStaffAccount, type GroupRole } from '../../service/accounts/staffAccounts';
import type { PushOutcome } from '../../shared/serviceApi';
import { issueSession } from '../../service/auth/sessions';
import { TEST_PASSWORD } from './postgres';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export class RawClient {
  constructor(
    readonly url: string,
    public token: string | null = null,
    /** The person the token names, when known. */
    readonly login = '',
  ) {}

  async call<T = Json>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const all: Record<string, string> = { accept: 'application/json', ...headers };
    if (this.token !== null && !('authorization' in headers)) all.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      all['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.url}${path}`, { method, headers: all, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: the text itself
    }
    return { status: response.status, body: parsed as T, text };
  }

  get<T = Json>(path: string): Promise<Answer<T>> {
    return this.call<T>('GET', path);
  }

  post<T = Json>(path: string, body: unknown = {}): Promise<Answer<T>> {
    return this.call<T>('POST', path, body);
  }

  /** POST /api/push; fails the test unless the service answered 200. */
  async push(clientId: string, mutations: unknown[], files?: Record<string, string>): Promise<PushOutcome[]> {
    const answer = await this.post<{ results: PushOutcome[] }>('/api/push', { clientId, mutations, ...(files ? { files } : {}) });
    if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${answer.text}`);
    return answer.body.results;
  }

  /** POST /api/cases/:id/claim; the claim token, or throws with the refusal. */
  async claim(caseId: number): Promise<number> {
    const answer = await this.post<{ claimToken: number }>(`/api/cases/${caseId}/claim`);
    if (answer.status !== 200) throw new Error(`claim of ${caseId} answered ${answer.status}: ${answer.text}`);
    return answer.body.claimToken;
  }
}

/** Signs in through POST /api/login with the test password; throws unless 200. */
export async function login(url: string, username: string, password = TEST_PASSWORD): Promise<RawClient> {
  const client = new RawClient(url);
  const answer = await client.post<{ token: string }>('/api/login', { username, password });
  if (answer.status !== 200) throw new Error(`login of ${username} answered ${answer.status}: ${answer.text}`);
  return new RawClient(url, answer.body.token, username);
}

/**
 * A person made without argon2 (no password) and a session issued as the service does after a sign-in: for tests
 * that need many people quickly. `admin` is the owner's connection; `prefix` keeps usernames unique per database.
 */
export async function quickPerson(admin: pg.ClientBase, url: string, username: string, role: GroupRole): Promise<RawClient> {
  await upsertStaffAccount(admin, { username, role });
  const { rows: [row] } = await admin.query<{ display_name: string }>('SELECT display_name FROM app_users WHERE id = $1', [username]);
  const session = await issueSession(admin, { id: username, role, displayName: row.display_name });
  return new RawClient(url, session.token, username);
}

/** A fresh clientId for a push (a UUID, as a desk's; the service keys verdicts by clientId and seq). */
export const newClientId = () => randomUUID();

// What the portal tests share: organisation numbers with a right (and a wrong) check digit, firms in DSB's
// register, a real SMTP server on loopback that keeps what it receives, a service instance with the portal plugged
// in, and sign-in through the portal's own routes with a raw HTTP client.
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { organisationNumberCheckDigit } from '../../../shared/rules/identifiers';
import { portalPlugin, type PortalOptions } from '../../../service/portal';
import type { TestDatabase } from '../../support/postgres';
import { RawClient } from '../../support/serviceClient';
import { startService, type RunningService } from '../../support/serviceInstances';

export const PORTAL_URL = 'https://portal.test/portal';
export const PASSWORD = 'installer-password-1';

/** A valid organisation number of a series (first digit 9, as firms' numbers are), a different one for each n. */
export function organisationNumber(series: number, n: number): string {
  // Two numbers in a row never both lack a check digit (the sum moves by 2 mod 11), so n * 3 and on never meet.
  for (let k = n * 3; ; k++) {
    const firstEight = `9${String(series).padStart(2, '0')}${String(k).padStart(5, '0')}`;
    const check = organisationNumberCheckDigit(firstEight);
    if (check !== null) return `${firstEight}${check}`;
  }
}

/** The same number with a wrong last digit. */
export const withWrongCheckDigit = (valid: string) => `${valid.slice(0, 8)}${(Number(valid[8]) + 1) % 10}`;

export async function registerInDsb(admin: pg.ClientBase, org: string, name: string, status = 'active'): Promise<void> {
  await admin.query(
    `INSERT INTO dsb_register (organisation_number, name, status, as_of) VALUES ($1, $2, $3, current_date)
     ON CONFLICT (organisation_number) DO UPDATE SET name = excluded.name, status = excluded.status`,
    [org, name, status],
  );
}

export interface ReceivedMail {
  to: string[];
  /** The whole message, quoted-printable soft breaks and escapes undone. */
  text: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** The first mail to `address` after `since` mails had arrived; waits up to 10 s. */
  next(address: string, since?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** On `port` when given (a server that comes back where one was down), else a free one. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), text: decodeQuotedPrintable(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mails,
    async next(address, since = 0) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const mail = mails.slice(since).find((m) => m.to.includes(address.toLowerCase()));
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`No mail to ${address} within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the link in a mail (`…#token=<token>`). */
export function tokenIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${PORTAL_URL.replace(/[.]/g, '\\.')}/${path}#token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`No ${path} link in the mail:\n${mail.text}`);
  return match[1];
}

/** A service instance with the portal plugged in (as optionalPlugins does), mail going to `smtp`. */
export function startPortalService(db: TestDatabase, smtp: TestSmtp, options: Partial<PortalOptions> = {}): Promise<RunningService> {
  return startService(db, {
    plugins: [portalPlugin({ smtpUrl: smtp.url, portalUrl: PORTAL_URL, attemptsPerMinute: 30, applicationsPerHour: 200, ...options })],
  });
}

/** POST /api/portal/login; a client holding the token, or throws with the answer. */
export async function portalLogin(url: string, email: string, password = PASSWORD): Promise<RawClient> {
  const answer = await new RawClient(url).post<{ token: string; user: { id: string } }>('/api/portal/login', { email, password });
  if (answer.status !== 200) throw new Error(`portal login of ${email} answered ${answer.status}: ${answer.text}`);
  return new RawClient(url, answer.body.token, answer.body.user.id);
}

let applications = 0;

/**
 * A firm in DSB's register that applies (its first user `email`, the administrator) and, unless told otherwise, is
 * approved by `supervisor`. Answers the firm's id and organisation number.
 */
export async function firmWithAdmin(
  url: string, admin: pg.ClientBase, supervisor: RawClient | null, email: string, name?: string,
): Promise<{ id: string; org: string }> {
  const org = organisationNumber(50, ++applications);
  name ??= `Elektro ${applications} AS`;
  await registerInDsb(admin, org, name);
  const applied = await new RawClient(url).post<{ id: string }>('/api/portal/firms', {
    organisationNumber: org, contactEmail: `post@${org}.test`, user: { email, name: 'Admin', password: PASSWORD },
  });
  if (applied.status !== 200) throw new Error(`application answered ${applied.status}: ${applied.text}`);
  if (supervisor) {
    const approved = await supervisor.post(`/api/portal/firms/${applied.body.id}/approve`);
    if (approved.status !== 200) throw new Error(`approval answered ${approved.status}: ${approved.text}`);
  }
  return { id: applied.body.id, org };
}

// The portal's e-mail: password-reset and invitation links, and the delivery notices of service/delivery/, through
// the SMTP server the company configures (SMTP_URL, e.g. smtps://user:pass@smtp.example.no:465 or
// smtp://relay.internal:25), sent with nodemailer.
import { createTransport } from 'nodemailer';

export interface PortalMail {
  to: string;
  subject: string;
  text: string;
  /** The Message-ID header, `<id@domain>`: the same on every attempt of one notice (its idempotency key). */
  messageId?: string;
  /** Files sent with the mail (the owner's offer letter). */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface PortalMailer {
  /** False where no SMTP server is configured: nothing leaves, and the delivery notices stay queued. */
  readonly canSend: boolean;
  send(mail: PortalMail): Promise<void>;
  close(): void;
}

/**
 * Timeouts bound one attempt (connect 10 s, greeting 10 s, 30 s of silence), so that an attempt ends well inside
 * the delivery worker's lease on its notice.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

export function smtpMailer(smtpUrl: string, from: string): PortalMailer {
  const transport = createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  return {
    canSend: true,
    async send(mail) {
      await transport.sendMail({
        from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, attachments: mail.attachments,
      });
    },
    close: () => transport.close(),
  };
}

/** Where no SMTP server is configured: nothing can be sent, and the log says so (never the link itself). */
export function noMailer(warn: (message: string) => void): PortalMailer {
  return {
    canSend: false,
    async send(mail) {
      warn(`SMTP_URL is not set: the portal could not send "${mail.subject}".`);
    },
    close: () => undefined,
  };
}

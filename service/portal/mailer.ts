// The portal's e-mail: password-reset and invitation links, through the SMTP server the company configures
// (SMTP_URL, e.g. smtps://user:pass@smtp.example.no:465 or smtp://relay.internal:25), sent with nodemailer.
import { createTransport } from 'nodemailer';

export interface PortalMail {
  to: string;
  subject: string;
  text: string;
}

export interface PortalMailer {
  send(mail: PortalMail): Promise<void>;
  close(): void;
}

export function smtpMailer(smtpUrl: string, from: string): PortalMailer {
  const transport = createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/** Where no SMTP server is configured: nothing can be sent, and the log says so (never the link itself). */
export function noMailer(warn: (message: string) => void): PortalMailer {
  return {
    async send(mail) {
      warn(`SMTP_URL is not set: the portal could not send "${mail.subject}".`);
    },
    close: () => undefined,
  };
}

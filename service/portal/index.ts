// The installers' portal in the central service (issue 12): firms and users so far. One plugin for buildService's
// `plugins`, configured from the environment by portalPluginFromEnv:
//   SMTP_URL          the SMTP server for reset and invitation links (nodemailer URL; without it nothing is sent)
//   PORTAL_MAIL_FROM  the sender (default "Installatørportalen <portal@localhost>")
//   PORTAL_URL        the portal's public address, for the links (default http://localhost:8443/portal)
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { accountRoutes } from './accountRoutes';
import { firmRoutes } from './firmRoutes';
import { noMailer, smtpMailer, type PortalMailer } from './mailer';
import { messageRoutes } from './messageRoutes';
import { ownerOfferRoutes } from './ownerOfferRoutes';
import { webApp } from './webApp';

export interface PortalOptions {
  /** How mail is sent; or smtpUrl + mailFrom to send through an SMTP server. */
  mailer?: PortalMailer;
  smtpUrl?: string;
  mailFrom?: string;
  portalUrl: string;
  /** Login attempts per address and e-mail per minute, and reset/token attempts per address per minute (10). */
  attemptsPerMinute?: number;
  /** Applications per address per hour (20). */
  applicationsPerHour?: number;
  sessionHours?: number;
}

const DEFAULT_FROM = 'Installatørportalen <portal@localhost>';

export function portalPlugin(options: PortalOptions): (app: FastifyInstance, pool: pg.Pool) => void {
  return (app, pool) => {
    const mailer = options.mailer
      ?? (options.smtpUrl ? smtpMailer(options.smtpUrl, options.mailFrom ?? DEFAULT_FROM) : noMailer((message) => app.log.warn(message)));
    app.addHook('onClose', async () => mailer.close());
    firmRoutes(app, pool, { applicationsPerHour: options.applicationsPerHour ?? 20 });
    accountRoutes(app, pool, {
      mailer,
      portalUrl: options.portalUrl,
      attemptsPerMinute: options.attemptsPerMinute ?? 10,
      sessionHours: options.sessionHours,
    });
    messageRoutes(app, pool);
    ownerOfferRoutes(app, pool, { attemptsPerMinute: options.attemptsPerMinute ?? 10 });
    webApp(app);
  };
}

export function portalPluginFromEnv(env: NodeJS.ProcessEnv): (app: FastifyInstance, pool: pg.Pool) => void {
  return portalPlugin({
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.PORTAL_MAIL_FROM || undefined,
    portalUrl: env.PORTAL_URL || 'http://localhost:8443/portal',
  });
}

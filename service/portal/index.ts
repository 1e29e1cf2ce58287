// The installers' portal in the central service (issue 12): firms and users so far. One plugin for buildService's
// `plugins`, configured from the environment by portalPluginFromEnv:
//   SMTP_URL          the SMTP server for reset and invitation links (nodemailer URL; without it nothing is sent)
//   PORTAL_MAIL_FROM  the sender (default "Installatørportalen <portal@localhost>")
//   PORTAL_URL        the portal's public address, for the links (default http://localhost:8443/portal)
// With SMTP_URL set, each instance also runs the delivery worker (service/delivery/) that sends the e-mail notices.
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { startDeliveryWorker, type DeliveryWorkerOptions } from '../delivery/deliveryWorker';
import { accountRoutes } from './accountRoutes';
import { caseRoutes } from './caseRoutes';
import { draftRoutes } from './draftRoutes';
import { firmRoutes } from './firmRoutes';
import { lookupRoutes } from './lookupRoutes';
import { inboxRoutes } from './inboxRoutes';
import { noMailer, smtpMailer, type PortalMailer } from './mailer';
import { messageRoutes } from './messageRoutes';
import { supportAnswerRoutes } from './supportAnswerRoutes';
import { supportRoutes } from './supportRoutes';
import { templateRoutes } from './templateRoutes';
import { workOrderRoutes } from './workOrderRoutes';
import { ownerOfferRoutes } from './ownerOfferRoutes';
import { webApp } from './webApp';
import { withdrawRoutes } from './withdrawRoutes';

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
  /** Signed-out support requests per address per hour (5). */
  publicSupportPerHour?: number;
  sessionHours?: number;
  /** Installation look-ups per user per minute (30). */
  lookupsPerMinute?: number;
  /** The delivery worker's timing (tests shorten it); false: no worker in this instance. */
  delivery?: Omit<DeliveryWorkerOptions, 'mailer' | 'portalUrl'> | false;
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
    supportRoutes(app, pool, { publicRequestsPerHour: options.publicSupportPerHour ?? 5 });
    supportAnswerRoutes(app, pool, { mailer, portalUrl: options.portalUrl });
    caseRoutes(app, pool);
    withdrawRoutes(app, pool);
    draftRoutes(app, pool);
    lookupRoutes(app, pool, { lookupsPerMinute: options.lookupsPerMinute ?? 30 });
    templateRoutes(app);
    inboxRoutes(app, pool);
    if (mailer.canSend && options.delivery !== false) deliveryWorkerFor(app, pool, { ...options.delivery, mailer, portalUrl: options.portalUrl });
    workOrderRoutes(app, pool);
    ownerOfferRoutes(app, pool, { attemptsPerMinute: options.attemptsPerMinute ?? 10 });
    webApp(app);
  };
}

/** Starts with the service, and stops before the mailer and the pool close. */
function deliveryWorkerFor(app: FastifyInstance, pool: pg.Pool, options: DeliveryWorkerOptions): void {
  let worker: ReturnType<typeof startDeliveryWorker> | null = null;
  app.addHook('onReady', async () => {
    worker = startDeliveryWorker(pool, { log: (message, error) => app.log.warn({ err: error }, message), ...options });
  });
  app.addHook('preClose', async () => {
    await worker?.stop();
  });
}

export function portalPluginFromEnv(env: NodeJS.ProcessEnv): (app: FastifyInstance, pool: pg.Pool) => void {
  return portalPlugin({
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.PORTAL_MAIL_FROM || undefined,
    portalUrl: env.PORTAL_URL || 'http://localhost:8443/portal',
  });
}

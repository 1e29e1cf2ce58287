// The outbox worker: takes due e-mail notices from message_deliveries (migration 0022), sends each through the
// mailer, and records the result. Any number of service instances run one each on the same database.
//
// Never sent twice, as far as a sender can promise it:
//   * taking a notice (delivery_take_due) is one committed transaction that marks it 'sending' for this worker
//     with a lease, under FOR UPDATE SKIP LOCKED: a second worker never takes a notice another one holds;
//   * every attempt of a notice carries the same Message-ID (its idempotency key, recorded in the row);
//   * only the holder of the lease records the outcome (delivery_record_sent/failure check locked_by).
// The window that remains: a worker that stops (crash, kill, a lost database connection) after the SMTP server
// answered 250 to the message and before delivery_record_sent committed. When its lease runs out the notice is sent
// again, with the same Message-ID, so the receiving system can drop the copy. An attempt is bounded by the SMTP
// timeouts (service/portal/mailer.ts SMTP_TIMEOUTS, under a minute of silence), far inside the lease (5 minutes).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from '../db/servicePool';
import type { PortalMailer } from '../portal/mailer';
import { noticeMail, type DueNotice } from './noticeMail';

export const DELIVERY_ACTOR = 'system:delivery';

export interface DeliveryWorkerOptions {
  mailer: PortalMailer;
  portalUrl: string;
  /** How long a taken notice is this worker's before another may take it (300 s). */
  leaseSeconds?: number;
  /** Notices taken at once (10). */
  batch?: number;
  /** The wait when there was nothing to send (2 s). */
  idleMs?: number;
  /** A failed notice is tried again after base · 2^(attempt − 1) seconds, at most cap (60 s, 3 600 s). */
  retryBaseSeconds?: number;
  retryCapSeconds?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface DeliveryWorker {
  readonly id: string;
  /** One round: takes what is due, sends it, records it; answers how many notices were taken. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** One transaction as desk_service with the worker named as the actor (desk_actor() requires one). */
const asWorker = <T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
  inTransaction(pool, { 'desk.actor': DELIVERY_ACTOR }, work);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

export function startDeliveryWorker(pool: pg.Pool, options: DeliveryWorkerOptions): DeliveryWorker {
  const id = `worker:${randomUUID()}`;
  const lease = options.leaseSeconds ?? 300;
  const batch = options.batch ?? 10;
  const idleMs = options.idleMs ?? 2_000;
  const base = options.retryBaseSeconds ?? 60;
  const cap = options.retryCapSeconds ?? 3_600;
  const log = options.log ?? (() => undefined);
  const domain = new URL(options.portalUrl).hostname || 'localhost';
  const stopping = new AbortController();

  const take = () => asWorker(pool, async (client) => {
    const { rows } = await client.query<{
      id: string; notice: DueNotice['notice']; recipient: string; case_number: string; message_kind: string | null;
      link: string | null; smtp_message_id: string; attempts: number;
    }>('SELECT * FROM delivery_take_due($1, $2, $3, $4)', [id, lease, batch, domain]);
    return rows.map((row): DueNotice => ({
      id: row.id, notice: row.notice, recipient: row.recipient, caseNumber: row.case_number, messageKind: row.message_kind,
      link: row.link, smtpMessageId: row.smtp_message_id, attempts: row.attempts,
    }));
  });

  /** An offer notice carries the offer's letter; without it (no PDF yet) the mail would promise an attachment. */
  const letterOf = (notice: DueNotice) => asWorker(pool, async (client) => {
    const { rows: [letter] } = await client.query<{ offer_id: string; offer_version: number; content: Buffer }>(
      'SELECT * FROM delivery_offer_letter($1)', [notice.id]);
    if (!letter) throw new Error('the offer letter is not stored');
    return { offerId: letter.offer_id, offerVersion: letter.offer_version, content: letter.content };
  });

  const deliver = async (notice: DueNotice) => {
    let failure: string | null = null;
    try {
      const letter = notice.notice === 'offer' ? await letterOf(notice) : undefined;
      await options.mailer.send(noticeMail({ ...notice, letter }, options.portalUrl));
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    await asWorker(pool, (client) => (failure === null
      ? client.query('SELECT delivery_record_sent($1, $2)', [notice.id, id])
      : client.query('SELECT delivery_record_failure($1, $2, $3, $4, $5)', [notice.id, id, failure, base, cap])));
  };

  const runOnce = async () => {
    const due = await take();
    for (const notice of due) await deliver(notice);
    return due.length;
  };

  // One loop, no setInterval: a full batch is followed at once by the next; an idle round waits idleMs; a round the
  // database refused waits twice as long as the last such wait (up to a minute).
  const loop = (async () => {
    let trouble = idleMs;
    while (!stopping.signal.aborted) {
      try {
        const taken = await runOnce();
        trouble = idleMs;
        if (taken < batch) await sleep(idleMs, stopping.signal);
      } catch (error) {
        log('The delivery worker could not reach the database; trying again.', error);
        await sleep(trouble, stopping.signal);
        trouble = Math.min(trouble * 2, 60_000);
      }
    }
  })();

  return {
    id,
    runOnce,
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}

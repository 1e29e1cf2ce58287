// The offer expiry sweep: a case whose offer's last valid day has passed without an answer is closed with the reason
// "offer expired" and the installer is told (casework/centralEnding.ts, close_case_for_party in central 0031). Each
// case is its own transaction as supervisor named system:offer-expiry, so the history says who closed it and one
// case that cannot be closed (moved on meanwhile) does not hold up the others. Any number of service instances may
// run one: the function locks the case and refuses a second closing, which is then only logged.
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { inTransaction } from '../db/servicePool';
import { casesWithExpiredOffers, closeCaseForParty } from '../../core/casework/centralEnding';

export const OFFER_EXPIRY_ACTOR = 'system:offer-expiry';

export interface OfferExpirySweepOptions {
  /** The wait between rounds (15 minutes). */
  intervalMs?: number;
  /** Cases looked at in one round (100). */
  batch?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface OfferExpirySweep {
  /** One round: closes what is due; answers how many cases it closed. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

const asSweep = <T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
  inTransaction(pool, { role: 'supervisor', 'desk.actor': OFFER_EXPIRY_ACTOR }, work);

export function startOfferExpirySweep(pool: pg.Pool, options: OfferExpirySweepOptions = {}): OfferExpirySweep {
  const intervalMs = options.intervalMs ?? 15 * 60_000;
  const batch = options.batch ?? 100;
  const log = options.log ?? (() => undefined);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = false;

  const round = async () => {
    const due = await asSweep(pool, (client) => casesWithExpiredOffers(client, batch));
    let closed = 0;
    for (const caseId of due) {
      try {
        const outcome = await asSweep(pool, (client) => closeCaseForParty(client, caseId, 'expiry', null));
        if (outcome.outcome === 'closed') closed++;
      } catch (error) {
        log(`The offer expiry sweep could not close case ${caseId}.`, error);
      }
    }
    return closed;
  };

  const runOnce = () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce().catch((error) => log('The offer expiry sweep could not reach the database; trying again later.', error))
        .finally(schedule);
    }, intervalMs);
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

/** The sweep as a service plugin: starts when the service is ready, stops before the pool closes. */
export function offerExpiryPlugin(options: OfferExpirySweepOptions = {}): (app: FastifyInstance, pool: pg.Pool) => void {
  return (app, pool) => {
    let sweep: OfferExpirySweep | null = null;
    app.addHook('onReady', async () => {
      sweep = startOfferExpirySweep(pool, { log: (message, error) => app.log.warn({ err: error }, message), ...options });
    });
    app.addHook('preClose', async () => {
      await sweep?.stop();
    });
  };
}

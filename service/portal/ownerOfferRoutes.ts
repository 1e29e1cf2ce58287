// The owner's side of the offer (issue 12, item 5): no account, the offer's id in the path and the letter's code in
// the body (shared/portalApi/ownerOffer.ts). Each call first tries the code with owner_offer_try (central
// 0024) in a statement of its own, so that a wrong try is counted even when nothing else happens; only desk_service
// itself may call it — a portal firm's session (portal_user) cannot, and is not asked for. Each address has
// `attemptsPerMinute` calls a minute per route. The code is never logged: it is in no URL, and Fastify does not log
// bodies.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { ownerCodeSha256 } from '../../core/offers/ownerAccess';
import {
  OwnerAnswerOfferInput, OwnerAnswerOfferOutput, OwnerOfferParams, OwnerOfferView, OwnerOpenOfferInput,
} from '../../shared/portalApi/ownerOffer';
import { normaliseOwnerCode } from '../../shared/rules';
import { ErrorOutput } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';
import { answerOwnerOffer } from './ownerOfferAnswer';
import { ownerOfferView, type OwnerOfferRow } from './ownerOfferView';

export interface OwnerOfferRouteOptions {
  attemptsPerMinute: number;
}

/** The same for an unknown offer and a wrong code: neither tells whether the offer exists. */
const notFound = () => new ServiceError(404, 'ownerOffer.notFound', 'No offer with this link and code.');
const locked = () => new ServiceError(429, 'ownerOffer.locked', 'Too many wrong codes for this offer: try again in 15 minutes.');

const MESSAGES: Record<string, string> = {
  'ownerOffer.expired': 'The offer is no longer valid and cannot be accepted.',
  'ownerOffer.superseded': 'A newer offer replaces this one; answer that one.',
  'ownerOffer.closed': 'The case does not take an answer to this offer now.',
};

/** The stored form's hash after the code was tried right; throws 404/429 otherwise. */
async function tryCode(pool: pg.Pool, offerId: string, typed: string): Promise<string> {
  const codeSha256 = ownerCodeSha256(normaliseOwnerCode(typed) ?? '');
  const { rows: [tried] } = await pool.query<{ verdict: string }>('SELECT owner_offer_try($1, $2) AS verdict', [offerId, codeSha256]);
  if (tried.verdict === 'locked') throw locked();
  if (tried.verdict !== 'ok') throw notFound();
  return codeSha256;
}

async function viewOf(pool: pg.Pool, offerId: string, codeSha256: string) {
  // As text: the service's pool leaves json to the caller (service/db).
  const { rows: [row] } = await pool.query<{ view: string | null }>('SELECT owner_offer_view($1, $2)::text AS view', [offerId, codeSha256]);
  if (!row.view) throw notFound();
  return ownerOfferView(JSON.parse(row.view) as OwnerOfferRow);
}

export function ownerOfferRoutes(app: FastifyInstance, pool: pg.Pool, options: OwnerOfferRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const throttle = {
    max: options.attemptsPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => `owner-offer:${request.ip}:${request.routeOptions.url}`,
  };

  api.post('/api/portal/owner/offers/:offerId/open', {
    schema: {
      operationId: 'portalOwnerOpenOffer',
      summary: "The owner opens an offer with the letter's code (no account): the case number, installation, lines and "
        + 'totals in øre, validity, the terms referred to and where it stands. Unknown offer and wrong code answer alike (404).',
      security: [],
      params: OwnerOfferParams,
      body: OwnerOpenOfferInput,
      response: { 200: OwnerOfferView, 400: ErrorOutput, 404: ErrorOutput, 429: ErrorOutput },
    },
    config: { rateLimit: throttle },
    handler: async (request) => {
      const codeSha256 = await tryCode(pool, request.params.offerId, request.body.code);
      return viewOf(pool, request.params.offerId, codeSha256);
    },
  });

  api.post('/api/portal/owner/offers/:offerId/letter', {
    schema: {
      operationId: 'portalOwnerOfferLetter',
      summary: "The offer letter's PDF, for the owner with the letter's code (POST, so the code stays out of URLs and logs).",
      security: [],
      params: OwnerOfferParams,
      body: OwnerOpenOfferInput,
      response: { 400: ErrorOutput, 404: ErrorOutput, 429: ErrorOutput },
    },
    config: { rateLimit: throttle },
    handler: async (request, reply) => {
      const codeSha256 = await tryCode(pool, request.params.offerId, request.body.code);
      const { rows: [row] } = await pool.query<{ pdf: Buffer | null }>('SELECT owner_offer_letter($1, $2) AS pdf', [request.params.offerId, codeSha256]);
      if (!row.pdf) throw notFound();
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="tilbud.pdf"')
        .header('cache-control', 'no-store').send(row.pdf as never);
    },
  });

  api.post('/api/portal/owner/offers/:offerId/answer', {
    schema: {
      operationId: 'portalOwnerAnswerOffer',
      summary: "The owner accepts or declines the offer with their name and the letter's code. Recorded once, at the "
        + "server's time; an acceptance moves the case as a registered acceptance does. 409 for an expired or superseded "
        + 'offer or a case that takes no answer now.',
      security: [],
      params: OwnerOfferParams,
      body: OwnerAnswerOfferInput,
      response: { 200: OwnerAnswerOfferOutput, 400: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput, 429: ErrorOutput },
    },
    config: { rateLimit: throttle },
    handler: async (request) => {
      const { offerId } = request.params;
      const codeSha256 = await tryCode(pool, offerId, request.body.code);
      const outcome = await answerOwnerOffer(pool, offerId, codeSha256, request.body);
      if (outcome.outcome === 'refused') throw new ServiceError(409, outcome.code, MESSAGES[outcome.code]);
      return { offer: await viewOf(pool, offerId, codeSha256), recorded: outcome.outcome === 'recorded' };
    },
  });
}

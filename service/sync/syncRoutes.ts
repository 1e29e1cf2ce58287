// The desks' sync API: pull, push, claims, Fetch next, file content. Every call runs as the signed-in person
// (asPerson), so PostgreSQL's grants and row-level security apply behind the service's own checks.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { classifyCentralError } from '../../core/sync/centralErrors';
import {
  CaseDetailOutput, CaseIdParams, ClaimOutput, ErrorOutput, FetchNextOutput, PullOutput, PullQuery, PushInput, PushOutput, ReleaseInput,
  RenewInput, RenewOutput, type SessionUser,
} from '../../shared/serviceApi';
import { personOf } from '../auth/authenticate';
import { asPerson } from '../db/servicePool';
import { ServiceError } from '../http/errors';
import { Mutex } from '../../core/sync/mutex';
import { applyPush, caseRows } from './applyMutation';
import { caseDetail } from './caseDetail';
import { pullPage } from './pullPage';

export interface SyncRouteOptions {
  /** How long a claim lasts unless renewed (tests use seconds). */
  leaseSeconds: number;
}

const signedIn = { signedIn: true };

/** A refusal from PostgreSQL (claimed by someone else, not permitted …) as the service answers it. */
function asServiceError(error: unknown): unknown {
  const problem = classifyCentralError(error);
  if (problem.kind === 'refused') {
    const status = problem.reason === 'notPermitted' ? 403 : problem.reason === 'caseMissing' ? 404 : 409;
    return new ServiceError(status, problem.reason, problem.detail ?? problem.reason);
  }
  return error;
}

export function syncRoutes(app: FastifyInstance, pool: pg.Pool, options: SyncRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Every central writer queues on the one version clock. Writers of this instance queue here instead, one at a time,
  // so that the one holding the clock is not slowed by others waiting inside PostgreSQL (each holding a connection and
  // all woken at every commit): with 50 desks pushing at once that took throughput from ~550 to ~10 changes a second.
  const writer = new Mutex();
  /** A write as the person: in turn, the version clock first (before any row lock), then `work`. */
  const write = <T>(person: SessionUser, work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
    writer.run(() =>
      asPerson(pool, person, async (client) => {
        await client.query('SELECT desk_next_version()');
        return work(client);
      }),
    );
  const lease = `${Math.max(1, Math.trunc(options.leaseSeconds))} seconds`;

  api.get('/api/pull', {
    schema: {
      operationId: 'pull',
      summary: 'Rows above a version, table by table, in pages; `more` says whether to ask again with `resume`.',
      querystring: PullQuery,
      response: { 200: PullOutput, 400: ErrorOutput },
    },
    config: signedIn,
    handler: async (request, reply) => {
      const person = personOf(request);
      const page = await asPerson(pool, person, (client) => pullPage(client, request.query, person.role));
      // PostgreSQL's JSON text as it is: parsing and serialising it again here would only cost time.
      return reply.type('application/json; charset=utf-8').send(Buffer.from(page) as never);
    },
  });

  api.get('/api/cases/:caseId/detail', {
    schema: {
      operationId: 'caseDetail',
      summary: "One case's detail as it is now (history, notes, files, offers, billing, work orders, messages), shaped "
        + 'as a pull page: for a closed case the first download left out.',
      params: CaseIdParams,
      response: { 200: CaseDetailOutput, 404: ErrorOutput },
    },
    config: signedIn,
    handler: async (request, reply) => {
      const detail = await asPerson(pool, personOf(request), (client) => caseDetail(client, request.params.caseId));
      return reply.type('application/json; charset=utf-8').send(Buffer.from(detail) as never);
    },
  });

  api.post('/api/push', {
    schema: {
      operationId: 'push',
      summary: "The outbox's named mutations, in order; each applied, refused or found a duplicate on its own.",
      body: PushInput,
      response: { 200: PushOutput, 400: ErrorOutput },
    },
    bodyLimit: 64 * 1024 * 1024,
    config: signedIn,
    handler: async (request) => {
      const person = personOf(request);
      const files = new Map<string, Buffer>();
      for (const [sha256, base64] of Object.entries(request.body.files ?? {})) {
        const content = Buffer.from(base64, 'base64');
        if (createHash('sha256').update(content).digest('hex') === sha256) files.set(sha256, content);
      }
      const results = await writer.run(() => applyPush(
        pool, person, request.body.clientId, request.body.mutations, { read: (sha) => files.get(sha) ?? null }, options.leaseSeconds,
      ));
      return { results };
    },
  });

  api.post('/api/cases/:caseId/claim', {
    schema: {
      operationId: 'claimCase',
      summary: 'Claims a case for the caller if it is free or its lease ran out; answers the fencing token.',
      params: CaseIdParams,
      response: { 200: ClaimOutput, 403: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput },
    },
    config: signedIn,
    handler: async (request) => {
      const { caseId } = request.params;
      try {
        return await write(personOf(request), async (client) => {
          const { rows: [claim] } = await client.query<{ token: number }>('SELECT claim_case($1, $2::interval) AS token', [caseId, lease]);
          const { rows: [row] } = await client.query<{ lease_until: string }>('SELECT lease_until FROM cases WHERE id = $1', [caseId]);
          return { caseId, claimToken: Number(claim.token), leaseUntil: row.lease_until };
        });
      } catch (error) {
        throw asServiceError(error);
      }
    },
  });

  api.post('/api/cases/:caseId/release', {
    schema: {
      operationId: 'releaseCase',
      summary: "Gives up the caller's claim, if the token is still the current one.",
      params: CaseIdParams,
      body: ReleaseInput,
      response: { 200: z.object({ ok: z.literal(true) }), 403: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput },
    },
    config: signedIn,
    handler: async (request) => {
      try {
        await write(personOf(request), (client) => client.query('SELECT release_case($1, $2)', [request.params.caseId, request.body.claimToken]));
        return { ok: true as const };
      } catch (error) {
        throw asServiceError(error);
      }
    },
  });

  api.post('/api/claims/renew', {
    schema: {
      operationId: 'renewClaims',
      summary: "Extends the caller's leases; says which claims are no longer theirs.",
      body: RenewInput,
      response: { 200: RenewOutput },
    },
    config: signedIn,
    handler: async (request) => {
      const person = personOf(request);
      const renewed: number[] = [];
      const lost: number[] = [];
      // One claim that is gone must not keep the others from being renewed: each in its own transaction.
      for (const { caseId, claimToken } of request.body.claims) {
        try {
          await write(person, (client) => client.query('SELECT renew_claim($1, $2, $3::interval)', [caseId, claimToken, lease]));
          renewed.push(caseId);
        } catch (error) {
          if (classifyCentralError(error).kind !== 'refused') throw error;
          lost.push(caseId);
        }
      }
      if (lost.length === 0) return { renewed, lost };
      // The lost cases as they are now (who holds them), so the desk shows that at once rather than at its next pull.
      const rows = await asPerson(pool, person, (client) => caseRows(client, lost));
      return { renewed, lost, rows: [rows] };
    },
  });

  api.post('/api/fetch-next', {
    schema: {
      operationId: 'fetchNext',
      summary: 'Claims and assigns to the caller the oldest complete, unclaimed case; null when there is none.',
      response: { 200: FetchNextOutput, 403: ErrorOutput },
    },
    config: signedIn,
    handler: async (request) => {
      try {
        return await write(personOf(request), async (client) => {
          const { rows } = await client.query<{ case_id: number }>('SELECT case_id FROM fetch_next_case($1::interval)', [lease]);
          return { caseId: rows.length > 0 ? Number(rows[0].case_id) : null };
        });
      } catch (error) {
        throw asServiceError(error);
      }
    },
  });

  api.get('/api/files/:sha256', {
    schema: {
      operationId: 'fileContent',
      summary: "An attachment's content by its SHA-256.",
      params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
      response: { 404: ErrorOutput },
    },
    config: signedIn,
    handler: async (request, reply) => {
      const content = await asPerson(pool, personOf(request), async (client) => {
        const { rows } = await client.query<{ content: Buffer }>('SELECT content FROM attachment_blobs WHERE sha256 = $1', [request.params.sha256]);
        return rows[0]?.content ?? null;
      });
      if (!content) throw new ServiceError(404, 'file.notFound', 'No file with that SHA-256.');
      return reply.type('application/octet-stream').send(content as never);
    },
  });
}

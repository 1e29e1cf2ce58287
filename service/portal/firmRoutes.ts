// A firm's application for portal access, and the grid company's decision on it. Applying needs no sign-in (it is
// throttled per address); listing and deciding need a supervisor's staff session — the desk's screen calls them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { checkOrganisationNumber } from '../../shared/rules/identifiers';
import {
  PortalApplyInput, PortalApplyOutput, PortalDecisionOutput, PortalFirmIdParams, PortalListFirmsOutput,
  PortalListFirmsQuery, PortalRefuseInput, type PortalFirm,
} from '../../shared/portalApi';
import { ErrorOutput, type SessionUser } from '../../shared/serviceApi';
import { hashPortalPassword, normaliseEmail } from '../accounts/portalAccounts';
import { personOf } from '../auth/authenticate';
import { asPerson } from '../db/servicePool';
import { ServiceError } from '../http/errors';
import { portalDbError } from './portalErrors';
import { iso } from './portalSessions';

export interface FirmRouteOptions {
  /** Applications per address per hour. */
  applicationsPerHour: number;
}

function supervisorOf(person: SessionUser): SessionUser {
  if (person.role !== 'supervisor') throw new ServiceError(403, 'notPermitted', 'Only a supervisor decides on portal applications.');
  return person;
}

interface FirmRow {
  id: string; organisation_number: string; name: string; contact_email: string; state: PortalFirm['state'];
  refusal_reason: string | null; applied_at: unknown; decided_at: unknown; decided_by: string | null;
  first_user_name: string | null; first_user_email: string | null;
}

const firmOf = (row: FirmRow): PortalFirm => ({
  id: row.id,
  organisationNumber: row.organisation_number,
  name: row.name,
  contactEmail: row.contact_email,
  state: row.state,
  refusalReason: row.refusal_reason,
  appliedAt: iso(row.applied_at),
  decidedAt: row.decided_at === null ? null : iso(row.decided_at),
  decidedBy: row.decided_by,
  firstUser: row.first_user_email === null ? null : { name: row.first_user_name ?? '', email: row.first_user_email },
});

export function firmRoutes(app: FastifyInstance, pool: pg.Pool, options: FirmRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/portal/firms', {
    schema: {
      operationId: 'portalApplyFirm',
      summary: 'A firm active in the DSB register applies for portal access, naming its first user (its administrator).',
      security: [],
      body: PortalApplyInput,
      response: { 200: PortalApplyOutput, 400: ErrorOutput, 409: ErrorOutput, 422: ErrorOutput, 429: ErrorOutput },
    },
    config: { rateLimit: { max: options.applicationsPerHour, timeWindow: '1 hour' } },
    handler: async (request) => {
      const { organisationNumber, contactEmail, user } = request.body;
      const org = checkOrganisationNumber(organisationNumber);
      if (!org.valid) {
        throw new ServiceError(422, 'portal.organisationNumberInvalid', `The organisation number is not valid (${org.problem}).`);
      }
      const passwordHash = await hashPortalPassword(user.password);
      try {
        const { rows: [firm] } = await pool.query<{ firm_id: string; firm_name: string }>(
          'SELECT * FROM portal_apply_firm($1, $2, $3, $4, $5)',
          [org.normalized, normaliseEmail(contactEmail), normaliseEmail(user.email), user.name ?? '', passwordHash],
        );
        return { id: firm.firm_id, organisationNumber: org.normalized, name: firm.firm_name, state: 'applied' as const };
      } catch (error) {
        throw portalDbError(error);
      }
    },
  });

  api.get('/api/portal/firms', {
    schema: {
      operationId: 'portalListFirms',
      summary: "The firms' applications, newest first (a supervisor's staff session).",
      querystring: PortalListFirmsQuery,
      response: { 200: PortalListFirmsOutput, 401: ErrorOutput, 403: ErrorOutput },
    },
    config: { signedIn: true },
    handler: async (request) => {
      const person = supervisorOf(personOf(request));
      const rows = await asPerson(pool, person, async (client) => (await client.query<FirmRow>(
        `SELECT f.id, f.organisation_number, f.name, f.contact_email, f.state, f.refusal_reason, f.applied_at, f.decided_at,
                f.decided_by, u.name AS first_user_name, u.email AS first_user_email
           FROM portal_firms f
           LEFT JOIN LATERAL (SELECT name, email FROM portal_users WHERE firm_id = f.id AND is_admin
                              ORDER BY created_at, id LIMIT 1) u ON true
          WHERE $1::text IS NULL OR f.state = $1 ORDER BY f.applied_at DESC, f.id`,
        [request.query.state ?? null],
      )).rows);
      return { firms: rows.map(firmOf) };
    },
  });

  const decide = async (person: SessionUser, id: string, decision: 'approved' | 'refused', reason: string | null) => {
    try {
      const state = await asPerson(pool, supervisorOf(person), async (client) => (await client.query<{ state: string | null }>(
        'SELECT portal_decide_firm($1, $2, $3) AS state', [id, decision, reason])).rows[0].state);
      if (state === null) throw new ServiceError(404, 'portal.firmMissing', 'No such application.');
      return { id, state: decision };
    } catch (error) {
      throw portalDbError(error);
    }
  };

  api.post('/api/portal/firms/:id/approve', {
    schema: {
      operationId: 'portalApproveFirm',
      summary: "Approves a firm's open application: its users may log in (a supervisor's staff session).",
      params: PortalFirmIdParams,
      response: { 200: PortalDecisionOutput, 401: ErrorOutput, 403: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput },
    },
    config: { signedIn: true },
    handler: (request) => decide(personOf(request), request.params.id, 'approved', null),
  });

  api.post('/api/portal/firms/:id/refuse', {
    schema: {
      operationId: 'portalRefuseFirm',
      summary: "Refuses a firm's open application, with the reason (a supervisor's staff session).",
      params: PortalFirmIdParams,
      body: PortalRefuseInput,
      response: { 200: PortalDecisionOutput, 401: ErrorOutput, 403: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput },
    },
    config: { signedIn: true },
    handler: (request) => decide(personOf(request), request.params.id, 'refused', request.body.reason),
  });
}

// What the "Ny melding" form looks up (issue 12, item 2), for a signed-in user as portal_user for their firm:
//   GET /api/portal/completeness-rules  the rule set in force per request type (the grid company's, or the shipped
//                                       default), which the form evaluates as the desk does;
//   GET /api/portal/installations       the installation facts the grid company holds from earlier cases, by metering
//                                       point ID or by address and postcode, through portal_lookup_installation
//                                       (migration 0021): the place and its connection, never a person. Rate limited
//                                       per user, so that nobody walks the grid company's register of addresses.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { ruleSetFromStored } from '../../core/casework/completenessService';
import {
  PortalCompletenessRulesOutput, PortalLookupInstallationOutput, PortalLookupInstallationQuery,
  type PortalInstallationFacts,
} from '../../shared/portalApi/lookup';
import { checkMeteringPointId, checkPostcode, REQUEST_TYPES, type CompletenessRuleSet, type RequestType } from '../../shared/rules';
import { ErrorOutput } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';
import { asFirm, portalSession, requirePortalSession } from './portalSessions';

export interface LookupRouteOptions {
  /** Installation look-ups per user per minute (30). */
  lookupsPerMinute: number;
}

interface InstallationRow {
  address: string; postcode: string; post_town: string; municipality_number: string; gnr: number | null;
  bnr: number | null; fnr: number | null; snr: number | null; building_use: PortalInstallationFacts['buildingUse'];
  network_system: PortalInstallationFacts['networkSystem']; phases: number; main_fuse_a: number | null;
  meter_numbers: string[] | string; metering_point_ids: string[] | string;
}

/** The service's pool reads jsonb as its text (db/central/rowTypes.ts). */
const list = (value: string[] | string): string[] => (typeof value === 'string' ? JSON.parse(value) as string[] : value);

const factsOf = (row: InstallationRow): PortalInstallationFacts => ({
  address: row.address, postcode: row.postcode, postTown: row.post_town, municipalityNumber: row.municipality_number,
  gnr: row.gnr, bnr: row.bnr, fnr: row.fnr, snr: row.snr, buildingUse: row.building_use,
  networkSystem: row.network_system, phases: row.phases, mainFuseA: row.main_fuse_a, meterNumbers: list(row.meter_numbers),
  meteringPointIds: list(row.metering_point_ids),
});

const invalid = (field: string) => new ServiceError(400, 'input.invalid', `${field} is not valid.`);

export function lookupRoutes(app: FastifyInstance, pool: pg.Pool, options: LookupRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requirePortalSession(pool);

  api.get('/api/portal/completeness-rules', {
    schema: {
      operationId: 'portalCompletenessRules',
      summary: 'The completeness rules in force for every request type: what a message must hold to be complete.',
      response: { 200: PortalCompletenessRulesOutput, 401: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const stored = await asFirm(pool, portalSession(request), async (client) => (await client.query<{
        request_type: string; rules: string;
      }>('SELECT request_type, rules FROM completeness_rules')).rows);
      const ruleSets = {} as Record<RequestType, CompletenessRuleSet>;
      const sources = {} as Record<RequestType, 'company' | 'default'>;
      for (const type of REQUEST_TYPES) {
        const { rules, source } = ruleSetFromStored(stored.find((row) => row.request_type === type)?.rules, type);
        ruleSets[type] = rules;
        sources[type] = source;
      }
      return { ruleSets, sources };
    },
  });

  api.get('/api/portal/installations', {
    schema: {
      operationId: 'portalLookupInstallation',
      summary: 'The installation facts the grid company holds from earlier cases (address, cadastre, network, main fuse, '
        + 'meters, metering point IDs), by metering point ID or by address and postcode; never personal data.',
      querystring: PortalLookupInstallationQuery,
      response: { 200: PortalLookupInstallationOutput, 400: ErrorOutput, 401: ErrorOutput, 429: ErrorOutput },
    },
    preValidation: signedIn,
    config: {
      rateLimit: {
        max: options.lookupsPerMinute,
        timeWindow: '1 minute',
        // After the session is known, so that the key is the user (a firm's colleagues do not share one budget).
        hook: 'preHandler',
        keyGenerator: (request: FastifyRequest) => `portal-lookup:${portalSession(request).userId}`,
      },
    },
    handler: async (request) => {
      const { meteringPointId, address, postcode } = request.query;
      let byId: string | null = null;
      let atPostcode: string | null = null;
      if (meteringPointId !== undefined) {
        const check = checkMeteringPointId(meteringPointId);
        if (!check.valid) throw invalid('meteringPointId');
        byId = check.normalized;
      } else {
        const check = checkPostcode(postcode ?? '');
        if (!check.valid) throw invalid('postcode');
        atPostcode = check.normalized;
      }
      const row = await asFirm(pool, portalSession(request), async (client) => (await client.query<InstallationRow>(
        'SELECT * FROM portal_lookup_installation($1, $2, $3)', [byId, byId ? null : address ?? null, atPostcode])).rows[0]);
      return { installation: row ? factsOf(row) : null };
    },
  });
}

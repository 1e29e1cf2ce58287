// The installer withdraws its own request (issue 13, item 1): POST /api/portal/cases/:caseNumber/withdraw
// (portalWithdrawCase) with a reason. The same central path as the other parties' endings
// (casework/centralEnding.ts → close_case_for_party, central 0031), as portal_submitter for the firm: the case is
// closed as withdrawn by the installer, the handler reads the reason, and the firm gets the withdrawal (or, after the
// owner accepted the offer, the cancellation) in its inbox. Another firm's case number is answered like an unknown one.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { closeCaseForParty } from '../../core/casework/centralEnding';
import { PortalCase, PortalCaseParams, PortalWithdrawInput } from '../../shared/portalApi/cases';
import { ErrorOutput } from '../../shared/serviceApi';
import { inTransaction } from '../db/servicePool';
import { ServiceError } from '../http/errors';
import { readPortalCase } from './caseThread';
import { asFirm, portalSession, requirePortalSession } from './portalSessions';

/** Who the history names for a withdrawal made in the portal (the desk words it: "Installatøren i portalen"). */
export const PORTAL_INSTALLER_ACTOR = 'portal:installer';

export function withdrawRoutes(app: FastifyInstance, pool: pg.Pool): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/portal/cases/:caseNumber/withdraw', {
    schema: {
      operationId: 'portalWithdrawCase',
      summary: "The firm withdraws its own request with a reason: the case is closed as withdrawn by the installer and the "
        + 'firm is told (a cancellation once the owner has accepted the offer). Refused (409) for a case that is no '
        + 'longer open; another firm\'s case is answered as unknown (404).',
      params: PortalCaseParams,
      body: PortalWithdrawInput,
      response: { 200: PortalCase, 400: ErrorOutput, 401: ErrorOutput, 403: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput },
    },
    preValidation: requirePortalSession(pool),
    handler: async (request) => {
      const session = portalSession(request);
      const settings = { role: 'portal_submitter', 'portal.firm': session.firmId, 'desk.actor': PORTAL_INSTALLER_ACTOR };
      const outcome = await inTransaction(pool, settings, async (client) => {
        // portal_submitter reads every case (it matches incoming messages); the firm's own is what counts here.
        const { rows: [found] } = await client.query<{ id: string }>(
          'SELECT id FROM cases WHERE case_number = $1 AND portal_firm_installer(installer_id)', [request.params.caseNumber]);
        if (!found) return null;
        return closeCaseForParty(client, Number(found.id), 'installer', request.body.reason);
      });
      if (!outcome) throw new ServiceError(404, 'case.notFound', 'No such case of the firm.');
      if (outcome.outcome === 'notAllowed') {
        throw new ServiceError(409, 'case.notOpen', 'The case is no longer open and cannot be withdrawn.');
      }
      const updated = await asFirm(pool, session, (client) => readPortalCase(client, request.params.caseNumber));
      if (!updated) throw new ServiceError(404, 'case.notFound', 'No such case of the firm.');
      return updated;
    },
  });
}

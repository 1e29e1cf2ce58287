// Support requests from the portal (issue 12, item 3): a signed-in user asks the grid company for the firm and
// follows the answers (portalSubmitSupportRequest, portalListSupportRequests); someone who cannot log in asks from
// the login page (portalSubmitPublicSupportRequest), throttled per address and answered the same whether the
// e-mail address has an account or not. A case number must be one of the firm's own cases: asFirm reads cases under
// row-level security, so another firm's number is not found — the same 404 as a number that does not exist.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { checkOrganisationNumber } from '../../shared/rules/identifiers';
import {
  PortalListSupportOutput, PortalPublicSupportInput, PortalPublicSupportOutput, PortalSubmitSupportInput,
  PortalSubmitSupportOutput, SUPPORT_LIMITS, type PortalSubmitSupportInput as SubmitInput,
} from '../../shared/portalApi/support';
import { ErrorOutput } from '../../shared/serviceApi';
import { normaliseEmail } from '../accounts/portalAccounts';
import { ServiceError } from '../http/errors';
import { asFirm, portalSession, requirePortalSession } from './portalSessions';
import { base64Bytes, headOfBase64, nameContradicts, sniffType } from './sniffAttachment';
import { FIRM_COLUMNS, FROM_REQUESTS, supportRequestOf, type SupportRow } from './supportRequestRows';

export interface SupportRouteOptions {
  /** Signed-out requests per address per hour. */
  publicRequestsPerHour: number;
}

type Attachment = { name: string; type: 'application/pdf' | 'image/jpeg' | 'image/png'; content: Buffer };

/** The attachment's type from its first bytes; refused when it is none of the three, too large or misnamed. */
function attachmentOf(attachment: SubmitInput['attachment']): Attachment | null {
  if (!attachment) return null;
  if (base64Bytes(attachment.contentBase64) > SUPPORT_LIMITS.attachmentBytes) {
    throw new ServiceError(413, 'attachment.tooLarge', `The file is larger than ${SUPPORT_LIMITS.attachmentBytes} bytes.`);
  }
  const type = sniffType(headOfBase64(attachment.contentBase64));
  if (type === null) throw new ServiceError(415, 'attachment.type', 'The file is not a PDF, JPEG or PNG.');
  if (nameContradicts(attachment.fileName, type)) {
    throw new ServiceError(415, 'attachment.typeMismatch', `The file's name says another type than its content (${type}).`);
  }
  return { name: attachment.fileName, type, content: Buffer.from(attachment.contentBase64, 'base64') };
}

export function supportRoutes(app: FastifyInstance, pool: pg.Pool, options: SupportRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requirePortalSession(pool);

  api.post('/api/portal/support', {
    bodyLimit: SUPPORT_LIMITS.bodyBytes,
    preValidation: signedIn,
    schema: {
      operationId: 'portalSubmitSupportRequest',
      summary: "Asks the grid company for help (the signed-in user's firm): a category, optionally one of the firm's cases "
        + 'and (for a wrong reading) the meter and its reading, the text, a contact phone and one PDF/JPEG/PNG (10 MiB).',
      body: PortalSubmitSupportInput,
      response: {
        200: PortalSubmitSupportOutput, 400: ErrorOutput, 401: ErrorOutput, 404: ErrorOutput, 413: ErrorOutput, 415: ErrorOutput,
      },
    },
    handler: async (request) => {
      const session = portalSession(request);
      const input = request.body;
      const attachment = attachmentOf(input.attachment);
      const row = await asFirm(pool, session, async (client) => {
        let caseId: string | null = null;
        if (input.caseNumber !== undefined) {
          const { rows: [own] } = await client.query<{ id: string }>('SELECT id FROM cases WHERE case_number = $1', [input.caseNumber]);
          if (!own) throw new ServiceError(404, 'case.notFound', 'No such case of the firm.');
          caseId = own.id;
        }
        const { rows: [inserted] } = await client.query<{ id: string }>(
          `INSERT INTO portal_support_requests (firm_id, user_id, organisation_number, firm_name, category, case_id,
             meter_number, meter_reading, text, contact_email, contact_phone, attachment_name, attachment_type, attachment_content)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
          [session.firmId, session.userId, session.organisationNumber, session.firmName, input.category, caseId,
            input.meterNumber ?? null, input.meterReading ?? null, input.text, session.email, input.contactPhone,
            attachment?.name ?? null, attachment?.type ?? null, attachment?.content ?? null],
        );
        return (await client.query<SupportRow>(`SELECT ${FIRM_COLUMNS} FROM ${FROM_REQUESTS} WHERE r.id = $1`, [inserted.id])).rows[0];
      });
      return { request: supportRequestOf(row) };
    },
  });

  api.get('/api/portal/support', {
    preValidation: signedIn,
    schema: {
      operationId: 'portalListSupportRequests',
      summary: "The firm's support requests, newest first, each with its state and the grid company's answer.",
      response: { 200: PortalListSupportOutput, 401: ErrorOutput },
    },
    handler: async (request) => {
      const session = portalSession(request);
      // Row-level security keeps this to the firm; the WHERE says so for the reader.
      const rows = await asFirm(pool, session, async (client) => (await client.query<SupportRow>(
        `SELECT ${FIRM_COLUMNS} FROM ${FROM_REQUESTS} WHERE r.firm_id = $1 ORDER BY r.created_at DESC, r.id`, [session.firmId])).rows);
      return { requests: rows.map(supportRequestOf) };
    },
  });

  api.post('/api/portal/support/public', {
    schema: {
      operationId: 'portalSubmitPublicSupportRequest',
      summary: "Asks the grid company for help without signing in (can't log in): e-mail, organisation number and text. "
        + 'Answers the same whether the address has an account or not; throttled per address.',
      security: [],
      body: PortalPublicSupportInput,
      response: { 200: PortalPublicSupportOutput, 400: ErrorOutput, 422: ErrorOutput, 429: ErrorOutput },
    },
    config: {
      rateLimit: {
        max: options.publicRequestsPerHour,
        timeWindow: '1 hour',
        keyGenerator: (request: FastifyRequest) => `portal-support:${request.ip}`,
      },
    },
    handler: async (request) => {
      const { email, organisationNumber, text, contactPhone } = request.body;
      const org = checkOrganisationNumber(organisationNumber);
      if (!org.valid) {
        throw new ServiceError(422, 'portal.organisationNumberInvalid', `The organisation number is not valid (${org.problem}).`);
      }
      await pool.query('SELECT portal_submit_public_support($1, $2, $3, $4)', [normaliseEmail(email), org.normalized, text, contactPhone ?? null]);
      return { received: true as const };
    },
  });
}

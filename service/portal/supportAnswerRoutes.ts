// The grid company's side of the portal's support requests, for the desk's "Henvendelser" screen: the requests
// (open ones first to answer) and the answer that closes one. Case handlers and supervisors both answer: most
// questions are about filling in a message or a ferdigmelding on a case, which is a case handler's daily work, and
// a supervisor stands in for them; a reader only reads cases and answers no one. PostgreSQL checks the same (0025).
// The answer is given once (open → closed, a conditional UPDATE), so its e-mail notice goes out once.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import {
  PortalAnswerSupportInput, PortalAnswerSupportOutput, PortalStaffSupportOutput, PortalStaffSupportQuery,
  PortalSupportAttachmentOutput, PortalSupportIdParams, type PortalStaffSupportRequest,
} from '../../shared/portalApi/support';
import { ErrorOutput, type SessionUser } from '../../shared/serviceApi';
import { personOf } from '../auth/authenticate';
import { asPerson } from '../db/servicePool';
import { ServiceError } from '../http/errors';
import type { PortalMail, PortalMailer } from './mailer';
import { portalDbError } from './portalErrors';
import { FROM_REQUESTS, STAFF_COLUMNS, staffSupportRequestOf, type StaffSupportRow } from './supportRequestRows';

export interface SupportAnswerRouteOptions {
  mailer: PortalMailer;
  portalUrl: string;
}

function answererOf(person: SessionUser): SessionUser {
  if (person.role !== 'case_handler' && person.role !== 'supervisor') {
    throw new ServiceError(403, 'notPermitted', 'Only case handlers and supervisors answer support requests.');
  }
  return person;
}

/** The notice to the one who asked: signed in, a link to read the answer in the portal; signed out, the answer itself. */
export function answerNotice(request: PortalStaffSupportRequest, portalUrl: string): PortalMail {
  const link = `${portalUrl.replace(/\/+$/, '')}/support`;
  const about = request.caseNumber ? ` (sak ${request.caseNumber})` : '';
  const aboutEn = request.caseNumber ? ` (case ${request.caseNumber})` : '';
  const body = request.signedIn
    ? [`Nettselskapet har svart på henvendelsen din${about}. Les svaret i installatørportalen:`, link, '',
      `The grid company has answered your support request${aboutEn}. Read the answer in the installers' portal:`, link]
    : [`Nettselskapet har svart på henvendelsen din om innlogging:`, '', request.answer ?? '', '',
      `The grid company has answered your request about signing in:`, '', request.answer ?? ''];
  return {
    to: request.contactEmail,
    subject: 'Svar på henvendelsen din / Answer to your support request',
    text: `${body.join('\n')}\n`,
  };
}

export function supportAnswerRoutes(app: FastifyInstance, pool: pg.Pool, options: SupportAnswerRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/portal/support-requests', {
    schema: {
      operationId: 'portalStaffListSupportRequests',
      summary: "The installers' support requests, oldest open first, then the answered ones, latest first "
        + "(a case handler's or supervisor's staff session).",
      querystring: PortalStaffSupportQuery,
      response: { 200: PortalStaffSupportOutput, 401: ErrorOutput, 403: ErrorOutput },
    },
    config: { signedIn: true },
    handler: async (request) => {
      const person = answererOf(personOf(request));
      const rows = await asPerson(pool, person, async (client) => (await client.query<StaffSupportRow>(
        `SELECT ${STAFF_COLUMNS} FROM ${FROM_REQUESTS} WHERE $1::text IS NULL OR r.state = $1
          ORDER BY r.state = 'closed', CASE WHEN r.state = 'open' THEN r.created_at END, r.answered_at DESC, r.id
          LIMIT 500`,
        [request.query.state ?? null])).rows);
      return { requests: rows.map(staffSupportRequestOf) };
    },
  });

  api.post('/api/portal/support-requests/:id/answer', {
    schema: {
      operationId: 'portalAnswerSupportRequest',
      summary: 'Answers an open support request and closes it; the requester reads the answer in the portal and gets an '
        + "e-mail notice (a case handler's or supervisor's staff session).",
      params: PortalSupportIdParams,
      body: PortalAnswerSupportInput,
      response: { 200: PortalAnswerSupportOutput, 401: ErrorOutput, 403: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput },
    },
    config: { signedIn: true },
    handler: async (request) => {
      const person = answererOf(personOf(request));
      const { id } = request.params;
      const answered = await asPerson(pool, person, async (client) => {
        const { rowCount } = await client.query(
          "UPDATE portal_support_requests SET state = 'closed', answer = $2 WHERE id = $1 AND state = 'open'", [id, request.body.answer]);
        const { rows: [row] } = await client.query<StaffSupportRow>(`SELECT ${STAFF_COLUMNS} FROM ${FROM_REQUESTS} WHERE r.id = $1`, [id]);
        if (!row) throw new ServiceError(404, 'portal.supportMissing', 'No such support request.');
        if (rowCount === 0) throw new ServiceError(409, 'portal.supportAnswered', 'The request is answered already.');
        return staffSupportRequestOf(row);
      }).catch((error: unknown) => {
        throw portalDbError(error);
      });
      // After the commit, and once: only the transaction that closed the request gets here.
      let noticeSent = true;
      await options.mailer.send(answerNotice(answered, options.portalUrl)).catch((error: unknown) => {
        noticeSent = false;
        app.log.error({ err: error }, 'support answer notice not sent');
      });
      return { request: answered, noticeSent };
    },
  });

  api.get('/api/portal/support-requests/:id/attachment', {
    schema: {
      operationId: 'portalStaffGetSupportAttachment',
      summary: "The file a support request came with (a photo of the meter, a screenshot), in base64 "
        + "(a case handler's or supervisor's staff session).",
      params: PortalSupportIdParams,
      response: { 200: PortalSupportAttachmentOutput, 401: ErrorOutput, 403: ErrorOutput, 404: ErrorOutput },
    },
    config: { signedIn: true },
    handler: async (request) => {
      const person = answererOf(personOf(request));
      const row = await asPerson(pool, person, async (client) => (await client.query<{
        attachment_name: string; attachment_type: 'application/pdf' | 'image/jpeg' | 'image/png'; attachment_content: Buffer;
      }>(`SELECT attachment_name, attachment_type, attachment_content FROM portal_support_requests
           WHERE id = $1 AND attachment_content IS NOT NULL`, [request.params.id])).rows[0]);
      if (!row) throw new ServiceError(404, 'portal.supportAttachmentMissing', 'No such support request with a file.');
      return { fileName: row.attachment_name, type: row.attachment_type, contentBase64: row.attachment_content.toString('base64') };
    },
  });
}

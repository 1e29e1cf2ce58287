// Following a case (issue 12, item 3): the firm's cases, one case with its thread and archive, and one file of it.
// Every read runs through asFirm as portal_user, so row-level security (0019, 0020) keeps the firm to its own rows;
// another firm's case number or attachment id is answered exactly like one that does not exist (404).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import {
  CLOSED_CASE_STATUSES, PortalAttachmentParams, PortalCase, PortalCaseParams, PortalListCasesOutput, PortalListCasesQuery,
} from '../../shared/portalApi/cases';
import { ErrorOutput } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';
import { readPortalCase, SUMMARY_COLUMNS, summaryOf } from './caseThread';
import { asFirm, portalSession, requirePortalSession } from './portalSessions';

const caseNotFound = () => new ServiceError(404, 'case.notFound', 'No such case of the firm.');
const fileNotFound = () => new ServiceError(404, 'attachment.notFound', 'No such file of the case.');

/** `%` and `_` in a search are letters, not wildcards. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** $1 all/open/closed, $2 the closed statuses, $3 a search pattern or null. Row-level security keeps it to the firm. */
const LIST_FILTER = `($1 = 'all' OR ($1 = 'closed') = (status = ANY($2)))
  AND ($3::text IS NULL OR case_number ILIKE $3 OR address ILIKE $3 OR postcode ILIKE $3 OR post_town ILIKE $3)`;

/** A MIME type as stored is sent only if it looks like one; anything else is plain bytes. */
const safeType = (type: string) => (/^[a-z]+\/[a-z0-9.+-]+$/i.test(type) ? type : 'application/octet-stream');

/** RFC 6266: an ASCII fallback and the UTF-8 name (Ø, Å in Norwegian file names). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function caseRoutes(app: FastifyInstance, pool: pg.Pool): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requirePortalSession(pool);

  api.get('/api/portal/cases', {
    schema: {
      operationId: 'portalListCases',
      summary: "The signed-in firm's cases, newest first, a page at a time; open or closed, and a search on case number "
        + 'or address. Each with its status and request type as codes, the case handler and the due date.',
      querystring: PortalListCasesQuery,
      response: { 200: PortalListCasesOutput, 400: ErrorOutput, 401: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const { state, q, page, pageSize } = request.query;
      const filter = [state, CLOSED_CASE_STATUSES, q ? containing(q) : null];
      const { rows, total } = await asFirm(pool, portalSession(request), async (client) => ({
        rows: (await client.query<Record<string, unknown>>(
          `SELECT ${SUMMARY_COLUMNS} FROM cases WHERE ${LIST_FILTER} ORDER BY submitted_at DESC, id DESC LIMIT $4 OFFSET $5`,
          [...filter, pageSize, (page - 1) * pageSize])).rows,
        total: Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM cases WHERE ${LIST_FILTER}`, filter)).rows[0].n),
      }));
      return { cases: rows.map(summaryOf), total, page, pageSize };
    },
  });

  api.get('/api/portal/cases/:caseNumber', {
    schema: {
      operationId: 'portalGetCase',
      summary: "One of the firm's cases by its number: the facts as sent, status, case handler, due date, the thread both "
        + 'ways in time order (its messages, the grid company\'s, changes of status) and every attachment.',
      params: PortalCaseParams,
      response: { 200: PortalCase, 400: ErrorOutput, 401: ErrorOutput, 404: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const found = await asFirm(pool, portalSession(request), (client) => readPortalCase(client, request.params.caseNumber));
      if (!found) throw caseNotFound();
      return found;
    },
  });

  api.get('/api/portal/cases/:caseNumber/attachments/:id', {
    schema: {
      operationId: 'portalGetAttachment',
      summary: "One file of the firm's case, as a download (its stored content type, Content-Disposition: attachment).",
      params: PortalAttachmentParams,
      response: { 200: z.any().describe('The file\'s bytes'), 400: ErrorOutput, 401: ErrorOutput, 404: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request, reply) => {
      const { caseNumber, id } = request.params;
      const file = await asFirm(pool, portalSession(request), async (client) => (await client.query<{
        file_name: string; mime_type: string; content: Buffer | null;
      }>(
        `SELECT a.file_name, a.mime_type, portal_attachment_content(a.id) AS content
           FROM attachments a JOIN cases c ON c.id = a.case_id WHERE a.id = $1 AND c.case_number = $2`,
        [id, caseNumber])).rows[0]);
      if (!file?.content) throw fileNotFound();
      return reply
        .type(safeType(file.mime_type))
        .header('content-disposition', contentDisposition(file.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  });
}

// Drafts of the "Ny melding" form (issue 12, item 2): listed, saved (made or replaced) and deleted for the signed-in
// user, as portal_user for their firm (asFirm), so that row-level security on portal_drafts (migration 0021) keeps
// each user to their own drafts even where a WHERE here were forgotten. Another user's or firm's draft id is
// answered as no draft at all (404).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import {
  DRAFT_LIMITS, PortalDraft, PortalDraftIdParams, PortalListDraftsOutput, PortalSaveDraftInput, type PortalDraftForm,
} from '../../shared/portalApi/drafts';
import { PortalOk } from '../../shared/portalApi';
import { ErrorOutput } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';
import { asFirm, iso, portalSession, requirePortalSession } from './portalSessions';

interface DraftRow {
  id: string; title: string; form: PortalDraftForm | string; created_at: unknown; updated_at: unknown;
}

const COLUMNS = 'id, title, form, created_at, updated_at';

const draftOf = (row: DraftRow): PortalDraft => ({
  // The service's pool reads jsonb as its text (db/central/rowTypes.ts).
  id: row.id, title: row.title, form: typeof row.form === 'string' ? JSON.parse(row.form) as PortalDraftForm : row.form, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at),
});

/** The address typed so far names the draft in the list. */
function titleOf(form: PortalDraftForm): string {
  const street = form.values['installation.address'];
  const town = form.values['installation.postTown'];
  return [street, town].filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim()).join(', ').slice(0, 200);
}

const notFound = () => new ServiceError(404, 'draft.notFound', 'No such draft.');

export function draftRoutes(app: FastifyInstance, pool: pg.Pool): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requirePortalSession(pool);

  api.get('/api/portal/drafts', {
    schema: {
      operationId: 'portalListDrafts',
      summary: "The signed-in user's drafts of messages, the last changed first.",
      response: { 200: PortalListDraftsOutput, 401: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const session = portalSession(request);
      const rows = await asFirm(pool, session, async (client) => (await client.query<DraftRow>(
        `SELECT ${COLUMNS} FROM portal_drafts WHERE user_id = $1 ORDER BY updated_at DESC, id`, [session.userId])).rows);
      return { drafts: rows.map(draftOf) };
    },
  });

  api.post('/api/portal/drafts', {
    schema: {
      operationId: 'portalSaveDraft',
      summary: "Saves a draft of a message: a new one without an id, or replaces the user's own draft of that id "
        + '(its form as typed; attachments by kind, name and size only).',
      body: PortalSaveDraftInput,
      response: { 200: PortalDraft, 400: ErrorOutput, 401: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const session = portalSession(request);
      const { id, form } = request.body;
      const row = await asFirm(pool, session, async (client) => {
        if (id !== undefined) {
          const { rows: [updated] } = await client.query<DraftRow>(
            `UPDATE portal_drafts SET form = $2, title = $3, request_type = $4, updated_at = now()
              WHERE id = $1 AND user_id = $5 RETURNING ${COLUMNS}`,
            [id, form, titleOf(form), form.requestType, session.userId]);
          return updated;
        }
        const { rows: [{ n }] } = await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM portal_drafts WHERE user_id = $1', [session.userId]);
        if (n >= DRAFT_LIMITS.perUser) {
          throw new ServiceError(409, 'draft.tooMany', `At most ${DRAFT_LIMITS.perUser} drafts; send or delete one first.`);
        }
        const { rows: [inserted] } = await client.query<DraftRow>(
          `INSERT INTO portal_drafts (firm_id, user_id, request_type, title, form) VALUES ($1, $2, $3, $4, $5)
           RETURNING ${COLUMNS}`,
          [session.firmId, session.userId, form.requestType, titleOf(form), form]);
        return inserted;
      });
      if (!row) throw notFound();
      return draftOf(row);
    },
  });

  api.delete('/api/portal/drafts/:id', {
    schema: {
      operationId: 'portalDeleteDraft',
      summary: "Deletes the signed-in user's draft (the form does when its message is sent).",
      params: PortalDraftIdParams,
      response: { 200: PortalOk, 401: ErrorOutput, 404: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const session = portalSession(request);
      const deleted = await asFirm(pool, session, async (client) => (await client.query(
        'DELETE FROM portal_drafts WHERE id = $1 AND user_id = $2', [request.params.id, session.userId])).rowCount);
      if (!deleted) throw notFound();
      return { ok: true as const };
    },
  });
}

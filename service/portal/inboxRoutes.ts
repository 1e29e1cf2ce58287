// The firm's inbox (issue 12, item 6): GET /api/portal/inbox (portalListInbox) and POST /api/portal/inbox/:id/read
// (portalMarkRead). Both run as portal_user for the signed-in firm (asFirm): row-level security on outgoing_messages
// (0019) and message_deliveries (0022) keeps the list to the firm's cases; reading is recorded by portal_mark_read,
// which answers nothing for another firm's message, a work order or an unknown id — all answered 404 alike.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import {
  PORTAL_INBOX_LIMIT, PortalInboxMessageParams, PortalListInboxOutput, PortalMarkReadOutput, type PortalInboxMessage,
} from '../../shared/portalApi/inbox';
import { ErrorOutput } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';
import { asFirm, iso, portalSession, requirePortalSession } from './portalSessions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new ServiceError(404, 'portal.messageNotFound', 'No such message.');

interface InboxRow {
  id: string; case_number: string; kind: PortalInboxMessage['kind']; subject: string; body: string; items: string;
  created_at: unknown; read_at: unknown;
}

function itemsOf(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

export function inboxRoutes(app: FastifyInstance, pool: pg.Pool): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/portal/inbox', {
    preValidation: requirePortalSession(pool),
    schema: {
      operationId: 'portalListInbox',
      summary: "The grid company's messages on the firm's cases, unread first, then newest first, with the number unread.",
      response: { 200: PortalListInboxOutput, 401: ErrorOutput },
    },
    handler: async (request) => {
      const session = portalSession(request);
      return asFirm(pool, session, async (client) => {
        const { rows } = await client.query<InboxRow>(
          `SELECT m.id, c.case_number, m.kind, m.subject, m.body, m.items, m.created_at, d.read_at
             FROM outgoing_messages m
             JOIN cases c ON c.id = m.case_id
             LEFT JOIN message_deliveries d ON d.message_id = m.id AND d.channel = 'portal'
            WHERE m.kind <> 'work_order'
            ORDER BY d.read_at IS NULL DESC, m.created_at DESC, m.id
            LIMIT ${PORTAL_INBOX_LIMIT}`,
        );
        const { rows: [count] } = await client.query<{ unread: number }>(
          `SELECT count(*)::int AS unread FROM outgoing_messages m
             LEFT JOIN message_deliveries d ON d.message_id = m.id AND d.channel = 'portal'
            WHERE m.kind <> 'work_order' AND d.read_at IS NULL`,
        );
        return {
          unread: count.unread,
          messages: rows.map((row) => ({
            id: row.id,
            caseNumber: row.case_number,
            kind: row.kind,
            subject: row.subject,
            body: row.body,
            items: itemsOf(row.items),
            sentAt: iso(row.created_at),
            readAt: row.read_at === null ? null : iso(row.read_at),
          })),
        };
      });
    },
  });

  api.post('/api/portal/inbox/:id/read', {
    preValidation: requirePortalSession(pool),
    schema: {
      operationId: 'portalMarkRead',
      summary: 'Records that the signed-in user has read a message of the firm (the first reading counts); 404 for any other id.',
      params: PortalInboxMessageParams,
      response: { 200: PortalMarkReadOutput, 401: ErrorOutput, 404: ErrorOutput },
    },
    handler: async (request) => {
      const session = portalSession(request);
      const { id } = request.params;
      if (!UUID.test(id)) throw notFound();
      const readAt = await asFirm(pool, session, async (client) => {
        const { rows: [row] } = await client.query<{ read_at: unknown }>('SELECT portal_mark_read($1) AS read_at', [id]);
        return row.read_at;
      });
      if (readAt === null || readAt === undefined) throw notFound();
      return { id: id.toLowerCase(), readAt: iso(readAt) };
    },
  });
}

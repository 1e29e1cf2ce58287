// Sending a message through the portal (issue 12, item 2): POST /api/portal/messages (portalSubmitMessage). One
// validation, one quarantine: the message goes through the central importer `npm run import` uses
// (core/import/centralImport.ts) — the same zod schema, identifier checks, plans, case numbers, attachment
// store and versions (so every desk pulls the case live). What the portal adds around it:
//   * the sender is the signed-in user's firm: sender.organisationNumber (and a request's installer) must be its
//     organisation number (403 otherwise); the firm's message ids are kept as `<org number>:<id>`, and so are the
//     request ids its supplements and completion notices name, so no firm meets another's ids;
//   * attachments are PDF, JPEG or PNG as sniffed from their first bytes (the name's extension may not say
//     otherwise; the mimeType sent is replaced by the sniffed one), at most 20 MiB each and 50 MiB together
//     (PORTAL_MESSAGE_LIMITS; the route's bodyLimit follows from them);
//   * the import runs as the group role portal_submitter for the firm (migration 0018), never as the owner;
//   * a message the importer would quarantine is refused instead — undone, answered with the importer's reasons
//     (codes and paths) and not left in the quarantine: the installer is there to fix it in the form.
//     400 invalid, 404 the case it names is not the firm's or not there, 409 the same id with other content or a case
//     whose status does not take it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { importIntoCentral } from '../../core/import/centralImport';
import type { ImportReason } from '../../core/import/importReasons';
import { IncomingMessage } from '../../core/import/incomingMessage';
import { IMPORT_ACTOR } from '../../core/import/localImportStore';
import {
  PORTAL_MESSAGE_LIMITS, PortalMessageRefused, PortalSubmitMessageOutput,
} from '../../shared/portalApi/messages';
import { ErrorOutput } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';
import { portalSession, requirePortalSession, type PortalSession } from './portalSessions';
import { base64Bytes, headOfBase64, nameContradicts, sniffType } from './sniffAttachment';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const digits = (value: string) => value.replace(/\s+/g, '');

/** The role and settings of the importer's transaction for a firm (SET LOCAL: they end with it). */
async function asSubmitter(client: pg.ClientBase, firmId: string): Promise<void> {
  await client.query(
    "SELECT set_config('role', 'portal_submitter', true), set_config('portal.firm', $1, true), set_config('desk.actor', $2, true)",
    [firmId, IMPORT_ACTOR]);
}

function refuse(reply: FastifyReply, status: number, code: string, message: string, reasons: ImportReason[]) {
  return reply.code(status).send({ code, message, reasons });
}

/** The sender's organisation numbers that are not the firm's: the paths that name another firm. */
function otherFirmPaths(body: Json, session: PortalSession): string[] {
  const paths: string[] = [];
  const check = (path: string, value: unknown) => {
    if (typeof value === 'string' && digits(value) !== session.organisationNumber) paths.push(path);
  };
  if (isObject(body.sender)) check('sender.organisationNumber', body.sender.organisationNumber);
  if (body.kind === 'request' && isObject(body.installer)) check('installer.organisationNumber', body.installer.organisationNumber);
  return paths;
}

/** Sniffs and measures the attachments and sets each mimeType from its content; answers the problems found. */
function checkAttachments(body: Json): { status: number; code: string; reasons: ImportReason[] } | null {
  if (!Array.isArray(body.attachments)) return null;
  const wrongType: ImportReason[] = [];
  const tooLarge: ImportReason[] = [];
  let total = 0;
  body.attachments.forEach((attachment: unknown, i) => {
    if (!isObject(attachment) || typeof attachment.contentBase64 !== 'string') return; // the importer says why
    const path = `attachments.${i}`;
    const size = base64Bytes(attachment.contentBase64);
    total += size;
    if (size > PORTAL_MESSAGE_LIMITS.attachmentBytes) {
      tooLarge.push({ path: `${path}.contentBase64`, code: 'attachment.tooLarge',
        message: `The file is ${size} bytes; at most ${PORTAL_MESSAGE_LIMITS.attachmentBytes} are taken.` });
    }
    const type = sniffType(headOfBase64(attachment.contentBase64));
    if (type === null) {
      wrongType.push({ path: `${path}.contentBase64`, code: 'attachment.type', message: 'The file is not a PDF, JPEG or PNG.' });
      return;
    }
    if (typeof attachment.fileName === 'string' && nameContradicts(attachment.fileName, type)) {
      wrongType.push({ path: `${path}.fileName`, code: 'attachment.typeMismatch',
        message: `The file's name says another type than its content (${type}).` });
      return;
    }
    attachment.mimeType = type;
  });
  if (total > PORTAL_MESSAGE_LIMITS.messageBytes) {
    tooLarge.push({ path: 'attachments', code: 'message.tooLarge',
      message: `The attachments are ${total} bytes together; at most ${PORTAL_MESSAGE_LIMITS.messageBytes} are taken.` });
  }
  if (tooLarge.length > 0) return { status: 413, code: 'attachment.tooLarge', reasons: tooLarge };
  if (wrongType.length > 0) return { status: 415, code: 'attachment.type', reasons: wrongType };
  return null;
}

/** The firm's own ids, kept apart from every other firm's. */
function scopeIds(body: Json, org: string): void {
  for (const key of ['messageId', 'caseMessageId'] as const) {
    const id = body[key];
    if (typeof id !== 'string' || id.trim() === '') continue;
    // The importer's limit is 100; the prefix takes 10 of them.
    body[key] = id.trim().length > PORTAL_MESSAGE_LIMITS.messageIdLength ? id : `${org}:${id.trim()}`;
  }
}

const STATUS_OF_REASON: Record<string, number> = {
  'case.notFound': 404,
  'message.contentDiffers': 409,
  'case.statusNotAllowed': 409,
};

export function messageRoutes(app: FastifyInstance, pool: pg.Pool): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/portal/messages', {
    bodyLimit: PORTAL_MESSAGE_LIMITS.bodyBytes,
    preValidation: requirePortalSession(pool),
    // The schema documents the body (OpenAPI); the importer validates it, so that the installer gets its reasons.
    validatorCompiler: () => (data: unknown) => ({ value: data }),
    schema: {
      operationId: 'portalSubmitMessage',
      summary: "Send a message (the import format's: request, supplement or completion notice) for the signed-in user's firm; "
        + 'attachments inline in base64, PDF/JPEG/PNG, at most 20 MiB each and 50 MiB together. Answers the case number.',
      body: IncomingMessage,
      response: {
        200: PortalSubmitMessageOutput,
        400: PortalMessageRefused, 401: ErrorOutput, 403: PortalMessageRefused, 404: PortalMessageRefused,
        409: PortalMessageRefused, 413: PortalMessageRefused, 415: PortalMessageRefused,
      },
    },
    handler: async (request, reply) => {
      const session = portalSession(request);
      const body: unknown = request.body;
      if (!isObject(body)) {
        return refuse(reply, 400, 'message.invalid', 'Send one message object.', [{ path: '', code: 'notMessages', message: 'Send one message object.' }]);
      }
      const otherFirm = otherFirmPaths(body, session);
      if (otherFirm.length > 0) {
        return refuse(reply, 403, 'portal.otherFirm', "A firm sends only in its own name.", otherFirm.map((path) => ({
          path, code: 'organisationNumber.otherFirm', message: `${path} is not ${session.organisationNumber}, the signed-in firm's.` })));
      }
      const attachments = checkAttachments(body);
      if (attachments) return refuse(reply, attachments.status, attachments.code, 'An attachment was refused.', attachments.reasons);
      const org = session.organisationNumber;
      scopeIds(body, org);

      const client = await pool.connect();
      let broken = false;
      try {
        // A case named by number must be the firm's own; as not found otherwise (the number tells nothing): the very
        // answer the importer gives a number that does not exist, word for word.
        if (body.kind !== 'request' && typeof body.caseNumber === 'string') {
          await client.query('BEGIN');
          await asSubmitter(client, session.firmId);
          const { rows: [named] } = await client.query<{ own: boolean }>(
            'SELECT portal_firm_installer(installer_id) AS own FROM cases WHERE case_number = $1', [body.caseNumber]);
          await client.query('COMMIT');
          if (named && !named.own) {
            const field = typeof body.caseMessageId === 'string' ? 'caseMessageId' : 'caseNumber';
            return refuse(reply, 404, 'case.notFound', 'The message was not taken.', [{ path: field, code: 'case.notFound',
              message: `No case for ${String(body[field]).split(`${org}:`).join('')}` }]);
          }
        }
        const outcome = await importIntoCentral(client, JSON.stringify(body), `portal:${org}`, {
          now: new Date(),
          onBegin: (c) => asSubmitter(c, session.firmId),
          refuseInsteadOfQuarantine: true,
        });
        const [refused] = outcome.refused;
        if (refused) {
          const reasons = refused.reasons.map((r) => ({ ...r, message: r.message.split(`${org}:`).join('') }));
          const failed = reasons.find((r) => r.code === 'import.failed');
          if (failed) throw new Error(failed.message);
          const status = Math.max(...reasons.map((r) => STATUS_OF_REASON[r.code] ?? 400));
          return refuse(reply, status, status === 400 ? 'message.invalid' : reasons[0].code, 'The message was not taken.', reasons);
        }
        await client.query('BEGIN');
        await asSubmitter(client, session.firmId);
        const { rows: [taken] } = await client.query<{ case_number: string }>(
          `SELECT c.case_number FROM incoming_messages m JOIN cases c ON c.id = m.case_id WHERE m.message_id = $1
           UNION ALL SELECT case_number FROM cases WHERE message_id = $1 LIMIT 1`, [body.messageId]);
        await client.query('COMMIT');
        if (!taken) throw new ServiceError(500, 'import.failed', 'The message was taken but its case is not found.');
        return { caseNumber: taken.case_number, duplicate: outcome.duplicates > 0 };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  });
}

// Work orders in the portal (issue 12, item 4): the area supplier's firm lists its orders, opens one with the order
// letter, confirms it with a planned date and reports it done (meter number, reading, day, photos, samsvarserklæring).
// Everything runs as portal_user for the firm (asFirm): row-level security shows the firm only the orders placed with
// its supplier entry, and the answers are written only by the definer functions of migration 0023, which stamp the
// actor, the time and the person, refuse another firm's order as not there, and take a retry of the same answer as
// done once. An id of another firm's order is answered 404 exactly as an id that does not exist.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { osloDate } from '../../core/clock';
import { PORTAL_MESSAGE_LIMITS } from '../../shared/portalApi/messages';
import {
  PortalConfirmWorkOrderInput, PortalListWorkOrdersOutput, PortalReportWorkOrderInput, PortalWorkOrderAnswer,
  PortalWorkOrderFileParams, PortalWorkOrderIdParams, type PortalWorkOrder,
} from '../../shared/portalApi/workOrders';
import { doneOnProblem, METER_NUMBER_PATTERN, plannedDateProblem, reportNeedsMeter } from '../../shared/rules/workOrderAnswers';
import { ErrorOutput } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';
import { portalDbError } from './portalErrors';
import { asFirm, portalSession, requirePortalSession, type PortalActor } from './portalSessions';
import { base64Bytes, headOfBase64, nameContradicts, sniffType } from './sniffAttachment';
import { listWorkOrders, workOrderOf } from './workOrderReads';

const notFound = () => new ServiceError(404, 'workOrder.notFound', 'No such work order of the firm.');
const refused = (status: number, code: string, message: string) => new ServiceError(status, code, message);

type Outcome = 'confirmed' | 'reported' | 'unchanged' | 'conflict' | 'not_found';

interface ReportFile {
  kind: 'photo' | 'declaration_of_conformity';
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** The files of a report, each sniffed from its content: photos JPEG or PNG, the declaration a PDF; within limits. */
function reportFiles(input: ReturnType<typeof PortalReportWorkOrderInput.parse>): ReportFile[] {
  const files = [
    ...input.photos.map((photo, i) => ({ ...photo, kind: 'photo' as const, field: `photos.${i}`, allowed: ['image/jpeg', 'image/png'] })),
    ...(input.declaration ? [{ ...input.declaration, kind: 'declaration_of_conformity' as const, field: 'declaration', allowed: ['application/pdf'] }] : []),
  ];
  let total = 0;
  return files.map((file) => {
    const size = base64Bytes(file.contentBase64);
    total += size;
    if (size > PORTAL_MESSAGE_LIMITS.attachmentBytes || total > PORTAL_MESSAGE_LIMITS.messageBytes) {
      throw refused(413, 'attachment.tooLarge', `${file.field}: at most ${PORTAL_MESSAGE_LIMITS.attachmentBytes} bytes a file and ${PORTAL_MESSAGE_LIMITS.messageBytes} together.`);
    }
    const type = sniffType(headOfBase64(file.contentBase64));
    if (type === null || !file.allowed.includes(type) || nameContradicts(file.fileName, type)) {
      throw refused(415, 'attachment.type', `${file.field}: ${file.kind === 'photo' ? 'a photo is a JPEG or PNG image' : 'the samsvarserklæring is a PDF'}.`);
    }
    return { kind: file.kind, fileName: file.fileName, mimeType: type, contentBase64: file.contentBase64 };
  });
}

/** The answer of a write function as HTTP: the order as it is now, or 404 / 409. */
async function answerOf(client: pg.ClientBase, id: string, outcome: Outcome, today: string): Promise<{ order: PortalWorkOrder; duplicate: boolean }> {
  if (outcome === 'not_found') throw notFound();
  if (outcome === 'conflict') {
    throw refused(409, 'workOrder.conflict', 'The order has been answered otherwise already, or its case is closed.');
  }
  const order = await workOrderOf(client, id, today);
  if (!order) throw notFound();
  return { order, duplicate: outcome === 'unchanged' };
}

export function workOrderRoutes(app: FastifyInstance, pool: pg.Pool): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requirePortalSession(pool);
  const actorOf = (request: Parameters<typeof portalSession>[0]): PortalActor => {
    const session = portalSession(request);
    return { userId: session.userId, firmId: session.firmId };
  };
  const today = () => osloDate(new Date());

  api.get('/api/portal/work-orders', {
    schema: {
      operationId: 'portalListWorkOrders',
      summary: "The work orders the grid company placed with the signed-in firm as area supplier: open ones first by due "
        + 'date, with case number, address, work, due date and status.',
      response: { 200: PortalListWorkOrdersOutput, 401: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => ({ orders: await asFirm(pool, actorOf(request), (client) => listWorkOrders(client, today())) }),
  });

  api.get('/api/portal/work-orders/:id', {
    schema: {
      operationId: 'portalGetWorkOrder',
      summary: 'One work order of the firm: the site as the order letter describes it, the letter, and the answers given.',
      params: PortalWorkOrderIdParams,
      response: { 200: PortalWorkOrderAnswer.shape.order, 401: ErrorOutput, 404: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const order = await asFirm(pool, actorOf(request), (client) => workOrderOf(client, request.params.id, today()));
      if (!order) throw notFound();
      return order;
    },
  });

  api.get('/api/portal/work-orders/:id/letter', {
    schema: {
      operationId: 'portalGetWorkOrderLetter',
      summary: "The work order's letter (PDF) as the grid company sent it.",
      params: PortalWorkOrderIdParams,
      response: { 401: ErrorOutput, 404: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request, reply) => {
      const letter = await asFirm(pool, actorOf(request), async (client) =>
        (await client.query<{ file_name: string; content: Buffer }>('SELECT * FROM portal_work_order_letter($1)', [request.params.id])).rows[0]);
      if (!letter) throw notFound();
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${letter.file_name}"`).send(letter.content as never);
    },
  });

  api.get('/api/portal/work-orders/:id/files/:fileId', {
    schema: {
      operationId: 'portalGetWorkOrderFile',
      summary: 'A photo or the samsvarserklæring the firm sent with its report of the order.',
      params: PortalWorkOrderFileParams,
      response: { 401: ErrorOutput, 404: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request, reply) => {
      const file = await asFirm(pool, actorOf(request), async (client) =>
        (await client.query<{ file_name: string; mime_type: string; content: Buffer }>(
          'SELECT * FROM portal_work_order_file($1, $2)', [request.params.id, request.params.fileId])).rows[0]);
      if (!file) throw notFound();
      const name = file.file_name.replace(/[^\w.\- ]/g, '_');
      return reply.type(file.mime_type).header('content-disposition', `inline; filename="${name}"`).send(file.content as never);
    },
  });

  api.post('/api/portal/work-orders/:id/confirm', {
    schema: {
      operationId: 'portalConfirmWorkOrder',
      summary: 'Confirms an ordered work order with the day the work is planned (from today, at most 90 days ahead). '
        + 'The same date again is a retry (duplicate); another answer once confirmed or done is refused (409).',
      params: PortalWorkOrderIdParams,
      body: PortalConfirmWorkOrderInput,
      response: { 200: PortalWorkOrderAnswer, 400: ErrorOutput, 401: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const problem = plannedDateProblem(request.body.plannedDate, today());
      if (problem) throw refused(400, `plannedDate.${problem}`, 'The planned date is from today and at most 90 days ahead.');
      try {
        return await asFirm(pool, actorOf(request), async (client) => {
          const { rows: [{ outcome }] } = await client.query<{ outcome: Outcome }>(
            'SELECT portal_confirm_work_order($1, $2) AS outcome', [request.params.id, request.body.plannedDate]);
          return answerOf(client, request.params.id, outcome, today());
        });
      } catch (error) {
        throw portalDbError(error);
      }
    },
  });

  api.post('/api/portal/work-orders/:id/report', {
    bodyLimit: PORTAL_MESSAGE_LIMITS.bodyBytes,
    schema: {
      operationId: 'portalReportWorkOrder',
      summary: 'Reports a work order done: the day, for meter mounting the meter number and reading, photos (JPEG/PNG) '
        + 'and the samsvarserklæring (PDF), inline in base64 as in portalSubmitMessage. Meter mounting done moves the '
        + 'case to meter mounted when the completion notice is in. The same report again is a retry (duplicate).',
      params: PortalWorkOrderIdParams,
      body: PortalReportWorkOrderInput,
      response: {
        200: PortalWorkOrderAnswer, 400: ErrorOutput, 401: ErrorOutput, 404: ErrorOutput, 409: ErrorOutput,
        413: ErrorOutput, 415: ErrorOutput,
      },
    },
    preValidation: signedIn,
    handler: async (request) => {
      const input = request.body;
      const problem = doneOnProblem(input.doneOn, today());
      if (problem) throw refused(400, `doneOn.${problem}`, 'The work was done today or earlier, at most a year ago.');
      if (input.meterNumber !== undefined && !METER_NUMBER_PATTERN.test(input.meterNumber)) {
        throw refused(400, 'meterNumber.invalid', 'A meter number is letters, digits and hyphens.');
      }
      const files = reportFiles(input);
      try {
        return await asFirm(pool, actorOf(request), async (client) => {
          const { rows: [kind] } = await client.query<{ work_kind: string }>('SELECT work_kind FROM work_orders WHERE id = $1', [request.params.id]);
          if (!kind) throw notFound();
          if (reportNeedsMeter(kind.work_kind as never) && (input.meterNumber === undefined || input.meterReading === undefined)) {
            throw refused(400, 'meter.required', 'Meter mounting is reported with the meter number and reading.');
          }
          const { rows: [{ outcome }] } = await client.query<{ outcome: Outcome }>(
            'SELECT portal_report_work_order($1, $2, $3, $4, $5) AS outcome',
            [request.params.id, input.doneOn, input.meterNumber ?? null, input.meterReading ?? null, JSON.stringify(files)]);
          return answerOf(client, request.params.id, outcome, today());
        });
      } catch (error) {
        throw portalDbError(error);
      }
    },
  });
}

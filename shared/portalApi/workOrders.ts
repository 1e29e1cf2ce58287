// Work orders in the portal (issue 12, item 4): an area supplier's firm lists the orders the grid company placed
// with it, opens one (the site, the order letter), confirms it with a planned date and reports it done with the
// meter number, the reading, photos and the samsvarserklæring. Files travel inline in base64 as in
// portalSubmitMessage (messages.ts), with the same limits; the service sniffs their type from the content.
import { z } from 'zod';
import { GRID_WORK_KINDS } from '../rules/domain';
import { METER_NUMBER_PATTERN } from '../rules/workOrderAnswers';
import { WORK_ORDER_STATUSES } from '../rules/workOrders';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a date');

export const PortalWorkOrderIdParams = z.object({ id: z.uuid() });
export const PortalWorkOrderFileParams = z.object({ id: z.uuid(), fileId: z.coerce.number().int().positive() });

export const PortalWorkOrderSite = z.object({
  address: z.string(),
  postcode: z.string(),
  postTown: z.string(),
  municipality: z.object({ number: z.string(), name: z.string().nullable() }),
  /** `4204-123/45`, when the case has one. */
  cadastralNumber: z.string().nullable(),
});

export const PortalWorkOrderSummary = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  workKind: z.enum(GRID_WORK_KINDS),
  status: z.enum(WORK_ORDER_STATUSES),
  dueDate: z.string(),
  plannedDate: z.string().nullable(),
  doneOn: z.string().nullable(),
  /** Not done and past its due date (Oslo's today). */
  overdue: z.boolean(),
  site: PortalWorkOrderSite,
});
export type PortalWorkOrderSummary = z.infer<typeof PortalWorkOrderSummary>;

export const PortalListWorkOrdersOutput = z.object({
  /** Open orders first (by due date), then the done ones (latest first). */
  orders: z.array(PortalWorkOrderSummary),
});
export type PortalListWorkOrdersOutput = z.infer<typeof PortalListWorkOrdersOutput>;

export const PortalWorkOrderFile = z.object({
  id: z.number().int(),
  kind: z.enum(['photo', 'declaration_of_conformity']),
  fileName: z.string(),
  mimeType: z.string(),
  /** GET it with the session's token. */
  url: z.string(),
});
export type PortalWorkOrderFile = z.infer<typeof PortalWorkOrderFile>;

export const PortalWorkOrder = PortalWorkOrderSummary.extend({
  orderedAt: z.string(),
  acceptedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** The order letter (PDF), when the grid company's desk has stored it. */
  letterUrl: z.string().nullable(),
  installation: z.object({
    meteringPointIds: z.array(z.string()),
    meterNumbers: z.array(z.string()),
    networkSystem: z.string().nullable(),
    phases: z.number().nullable(),
    mainFuseA: z.number().nullable(),
  }),
  /** The people to reach on site, as the order letter names them. */
  owner: z.object({ name: z.string(), phone: z.string().nullable() }),
  installer: z.object({ name: z.string(), phone: z.string().nullable() }),
  confirmedBy: z.string().nullable(),
  report: z.object({
    doneOn: z.string(),
    meterNumber: z.string().nullable(),
    meterReading: z.number().nullable(),
    reportedBy: z.string().nullable(),
    files: z.array(PortalWorkOrderFile),
  }).nullable(),
});
export type PortalWorkOrder = z.infer<typeof PortalWorkOrder>;

export const PortalConfirmWorkOrderInput = z.object({ plannedDate: IsoDate });
export type PortalConfirmWorkOrderInput = z.infer<typeof PortalConfirmWorkOrderInput>;

const InlineFile = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.base64(),
});

export const PORTAL_REPORT_MAX_PHOTOS = 10;

export const PortalReportWorkOrderInput = z.object({
  doneOn: IsoDate,
  /** Required for meter mounting (rules/workOrderAnswers reportNeedsMeter). */
  meterNumber: z.string().trim().regex(METER_NUMBER_PATTERN).optional(),
  /** kWh, as read on the new meter. */
  meterReading: z.number().min(0).max(99_999_999_999).optional(),
  /** Photos of the meter (number and reading readable), the antenna and the cabinet: JPEG or PNG. */
  photos: z.array(InlineFile).max(PORTAL_REPORT_MAX_PHOTOS).default([]),
  /** The samsvarserklæring: PDF. */
  declaration: InlineFile.optional(),
});
export type PortalReportWorkOrderInput = z.input<typeof PortalReportWorkOrderInput>;

export const PortalWorkOrderAnswer = z.object({
  order: PortalWorkOrder,
  /** The same answer had been given before (a retry): nothing changed. */
  duplicate: z.boolean(),
});
export type PortalWorkOrderAnswer = z.infer<typeof PortalWorkOrderAnswer>;

// Reading a supplier firm's work orders, inside an asFirm transaction: the orders row-level security lets the firm
// see (work_orders_portal_supplier, migration 0023) joined with their sites from portal_work_order_sites(), the one
// narrow way to the case's address and installation facts.
import type pg from 'pg';
import type { PortalWorkOrder, PortalWorkOrderSummary } from '../../shared/portalApi/workOrders';
import { cadastralNumberOf } from '../../core/offers/letterCase';
import type { GridWorkKind, WorkOrderStatus } from '../../shared/rules';
import { isWorkOrderOverdue } from '../../shared/rules/workOrders';

interface OrderRow {
  id: string;
  case_number: string;
  work_kind: GridWorkKind;
  status: WorkOrderStatus;
  due_date: string;
  planned_date: string | null;
  done_on: string | null;
  ordered_at: string;
  accepted_at: string | null;
  done_at: string | null;
  pdf_sha256: string | null;
  meter_number: string | null;
  meter_reading: number | null;
  confirmed_in_portal_by: string | null;
  reported_in_portal_by: string | null;
  address: string;
  postcode: string;
  post_town: string;
  municipality_number: string;
  municipality_name: string | null;
  gnr: number | null;
  bnr: number | null;
  fnr: number | null;
  snr: number | null;
  metering_point_ids: string;
  meter_numbers: string;
  network_system: string | null;
  phases: number | null;
  main_fuse_a: number | null;
  owner_name: string;
  owner_phone: string | null;
  installer_name: string;
  installer_phone: string | null;
}

const ORDERS = `
  SELECT w.id, s.case_number, w.work_kind, w.status, w.due_date, w.planned_date, w.done_on, w.ordered_at,
         w.accepted_at, w.done_at, w.pdf_sha256, w.meter_number, w.meter_reading, w.confirmed_in_portal_by,
         w.reported_in_portal_by, s.address, s.postcode, s.post_town, s.municipality_number, s.municipality_name,
         s.gnr, s.bnr, s.fnr, s.snr, s.metering_point_ids, s.meter_numbers, s.network_system, s.phases, s.main_fuse_a,
         s.owner_name, s.owner_phone, s.installer_name, s.installer_phone
    FROM work_orders w JOIN portal_work_order_sites() s ON s.order_id = w.id`;

const jsonList = (text: string): string[] => {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.map(String) : [];
};

function summaryOf(row: OrderRow, today: string): PortalWorkOrderSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    workKind: row.work_kind,
    status: row.status,
    dueDate: row.due_date,
    plannedDate: row.planned_date,
    doneOn: row.done_on,
    overdue: isWorkOrderOverdue({ status: row.status, dueDate: row.due_date }, today),
    site: {
      address: row.address,
      postcode: row.postcode,
      postTown: row.post_town,
      municipality: { number: row.municipality_number, name: row.municipality_name },
      cadastralNumber: cadastralNumberOf(row),
    },
  };
}

/** The firm's orders: open ones first by due date, then the done ones, latest first. */
export async function listWorkOrders(client: pg.ClientBase, today: string): Promise<PortalWorkOrderSummary[]> {
  const { rows } = await client.query<OrderRow>(
    `${ORDERS} ORDER BY (w.status = 'done'), CASE WHEN w.status <> 'done' THEN w.due_date END, w.done_at DESC, w.id`);
  return rows.map((row) => summaryOf(row, today));
}

/** One order of the firm, or null (not there, or another firm's: the same answer). */
export async function workOrderOf(client: pg.ClientBase, id: string, today: string): Promise<PortalWorkOrder | null> {
  const { rows: [row] } = await client.query<OrderRow>(`${ORDERS} WHERE w.id = $1`, [id]);
  if (!row) return null;
  const { rows: files } = await client.query<{ attachment_id: number; kind: 'photo' | 'declaration_of_conformity'; file_name: string; mime_type: string }>(
    'SELECT * FROM portal_work_order_files($1)', [id]);
  const base = `/api/portal/work-orders/${row.id}`;
  return {
    ...summaryOf(row, today),
    orderedAt: row.ordered_at,
    acceptedAt: row.accepted_at,
    doneAt: row.done_at,
    letterUrl: row.pdf_sha256 ? `${base}/letter` : null,
    installation: {
      meteringPointIds: jsonList(row.metering_point_ids),
      meterNumbers: jsonList(row.meter_numbers),
      networkSystem: row.network_system,
      phases: row.phases,
      mainFuseA: row.main_fuse_a,
    },
    owner: { name: row.owner_name, phone: row.owner_phone },
    installer: { name: row.installer_name, phone: row.installer_phone },
    confirmedBy: row.confirmed_in_portal_by,
    report: row.status === 'done' && row.done_on !== null
      ? {
        doneOn: row.done_on,
        meterNumber: row.meter_number,
        meterReading: row.meter_reading,
        reportedBy: row.reported_in_portal_by,
        files: files.map((file) => ({
          id: file.attachment_id, kind: file.kind, fileName: file.file_name, mimeType: file.mime_type,
          url: `${base}/files/${file.attachment_id}`,
        })),
      }
      : null,
  };
}

// What the work-order tests share (integration and e2e): an area supplier of the demo register as an approved portal
// firm, a case whose ferdigmelding is in and that waits for its meter, and a work order placed with a supplier as a
// supervisor places it (the guard of 0014 checks the agreement; the letter stored the one way it can be).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { RawClient } from '../../support/serviceClient';
import { PASSWORD, registerInDsb } from './portalFixture';

export interface SupplierFirm {
  id: string;
  org: string;
  name: string;
  supplierId: number;
}

/** Area supplier `supplierId` of the register, applied to the portal with its first user `email`, and approved. */
export async function supplierFirm(url: string, admin: pg.ClientBase, supervisor: RawClient, supplierId: number, email: string, userName = 'Ola Montør'): Promise<SupplierFirm> {
  const { rows: [supplier] } = await admin.query<{ organisation_number: string; name: string }>(
    'SELECT organisation_number, name FROM area_suppliers WHERE id = $1', [supplierId]);
  await registerInDsb(admin, supplier.organisation_number, supplier.name);
  const applied = await new RawClient(url).post<{ id: string }>('/api/portal/firms', {
    organisationNumber: supplier.organisation_number, contactEmail: `post@${supplier.organisation_number}.test`,
    user: { email, name: userName, password: PASSWORD },
  });
  if (applied.status !== 200) throw new Error(`application answered ${applied.status}: ${applied.text}`);
  const approved = await supervisor.post(`/api/portal/firms/${applied.body.id}/approve`);
  if (approved.status !== 200) throw new Error(`approval answered ${approved.status}: ${approved.text}`);
  return { id: applied.body.id, org: supplier.organisation_number, name: supplier.name, supplierId };
}

/**
 * A free case with no work orders yet, made a new installation in `municipality` whose ferdigmelding is in
 * (completion_reported), its meter still to be mounted — by an area supplier, since its installer is not
 * prequalified for meter work (its prequalifications withdrawn, as tombstones).
 */
export async function caseAwaitingMeter(admin: pg.ClientBase, municipality: string): Promise<{ id: number; caseNumber: string }> {
  const { rows: [picked] } = await admin.query<{ id: string; case_number: string; installer_id: string }>(
    `SELECT id, case_number, installer_id FROM cases c WHERE claimed_by IS NULL AND status NOT IN ('completion_reported', 'meter_mounted')
       AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.case_id = c.id) ORDER BY id LIMIT 1`);
  await admin.query('UPDATE prequalifications SET deleted = true WHERE installer_id = $1', [picked.installer_id]);
  await admin.query(
    `UPDATE cases SET request_type = 'new_installation', municipality_number = $2, status = 'completion_reported',
       work_routing = '{}', meter_numbers = '[]', grid_customer_name = 'Kari Nordmann' WHERE id = $1`, [picked.id, municipality]);
  return { id: Number(picked.id), caseNumber: picked.case_number };
}

/** A minimal PDF: what the order letter's bytes are does not matter here, only that they are the order's. */
export const pdfBytes = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/** An order placed by the supervisor on `asSupervisor` (desk_service acting as them), with its letter stored. */
export async function placeOrder(asSupervisor: pg.ClientBase, caseId: number, supplierId: number, workKind = 'direct_meter_mounting'): Promise<string> {
  const letter = pdfBytes(`arbeidsordre ${caseId} ${workKind}`);
  const sha = createHash('sha256').update(letter).digest('hex');
  const { rows: [order] } = await asSupervisor.query<{ id: string }>(
    `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date, pdf_sha256)
     VALUES (gen_random_uuid(), $1, $2, $3, 5, (now() AT TIME ZONE 'Europe/Oslo')::date + 7, $4) RETURNING id`,
    [caseId, supplierId, workKind, sha]);
  await asSupervisor.query('SELECT store_work_order_letter($1, $2)', [order.id, letter]);
  return order.id;
}

/** The smallest PNG and JPEG a camera could have made (their signatures are what the service sniffs). */
export const PNG_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
export const JPEG_PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

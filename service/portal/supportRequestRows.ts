// A support request row (migration 0025) as the firm sees it and as the staff see it: one SELECT list each, one
// mapping. The firm's list leaves out the staff's columns (who answered), which portal_user may not read anyway.
import type { PortalStaffSupportRequest, PortalSupportRequest } from '../../shared/portalApi/support';
import { iso } from './portalSessions';

export const FIRM_COLUMNS = `r.id, r.category, c.case_number, r.meter_number, r.meter_reading, r.text, r.contact_email,
  r.contact_phone, r.attachment_name, r.attachment_type, r.created_at, r.state, r.answer, r.answered_at`;

export const STAFF_COLUMNS = `${FIRM_COLUMNS}, r.firm_id, r.firm_name, r.organisation_number, r.answered_by`;

/** The request and its case (by number) — the case joined only where the reader may see it. */
export const FROM_REQUESTS = 'portal_support_requests r LEFT JOIN cases c ON c.id = r.case_id';

export interface SupportRow {
  id: string; category: PortalSupportRequest['category']; case_number: string | null; meter_number: string | null;
  meter_reading: string | null; text: string; contact_email: string; contact_phone: string | null;
  attachment_name: string | null; attachment_type: 'application/pdf' | 'image/jpeg' | 'image/png' | null;
  created_at: unknown; state: PortalSupportRequest['state']; answer: string | null; answered_at: unknown;
}

export interface StaffSupportRow extends SupportRow {
  firm_id: string | null; firm_name: string | null; organisation_number: string; answered_by: string | null;
}

export const supportRequestOf = (row: SupportRow): PortalSupportRequest => ({
  id: row.id,
  category: row.category,
  caseNumber: row.case_number,
  meterNumber: row.meter_number,
  meterReading: row.meter_reading === null ? null : Number(row.meter_reading),
  text: row.text,
  contactEmail: row.contact_email,
  contactPhone: row.contact_phone,
  attachment: row.attachment_name === null || row.attachment_type === null ? null : { fileName: row.attachment_name, type: row.attachment_type },
  createdAt: iso(row.created_at),
  state: row.state,
  answer: row.answer,
  answeredAt: row.answered_at === null ? null : iso(row.answered_at),
});

export const staffSupportRequestOf = (row: StaffSupportRow): PortalStaffSupportRequest => ({
  ...supportRequestOf(row),
  firm: row.firm_id === null ? null : { id: row.firm_id, name: row.firm_name ?? '' },
  organisationNumber: row.organisation_number,
  signedIn: row.firm_id !== null,
  answeredBy: row.answered_by,
});

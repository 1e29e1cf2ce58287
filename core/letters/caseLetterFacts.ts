// What the letters about a case read off it, in one query: the place, the parties, the installation's facts and the
// decision the handler recorded. Every letter kind (letterKinds.ts) builds its input from this.
import type Database from 'better-sqlite3';
import { fail } from '../../shared/contract';
import type { RequestType } from '../../shared/rules';
import { COMPANY_SETTING_DEFAULTS, readCompanySetting } from '../casework/companySettings';
import type { Letterhead } from '../offers/letterhead';
import { cadastralNumberOf, firstOf, ownerPostalAddressOf } from '../offers/letterCase';

export interface CaseLetterFacts {
  letterhead: Letterhead;
  /** The letter's date, YYYY-MM-DD. */
  today: string;
  /** The person at the grid company who signs: the case handler using the app. */
  caseHandler: { name: string; email: string | null };
  caseId: number;
  caseNumber: string;
  requestType: RequestType;
  place: { address: string; postcode: string; postTown: string };
  municipalityNumber: string;
  cadastralNumber: string | null;
  meteringPointId: string | null;
  meterNumber: string | null;
  networkSystem: string | null;
  phases: number | null;
  mainFuseA: number | null;
  /** The owner and where letters to the owner go (the postal address, or the installation's). */
  owner: { name: string; phone: string | null; postal: { address: string; postcode: string; postTown: string } };
  installer: { name: string; organisationNumber: string; contact: string | null; email: string | null; phone: string | null };
  /** As recorded by the approval (JSON list on the case). */
  approvalConditions: string[];
  /** As recorded by a rejection or referral. */
  decisionReason: string | null;
  wantedStartDate: string | null;
  wantedConnectionDate: string | null;
  /** The company releases the work when the offer is accepted instead of when it is paid (company setting). */
  releaseOnAcceptance: boolean;
}

interface FactsRow {
  case_number: string;
  request_type: RequestType;
  address: string;
  postcode: string;
  post_town: string;
  municipality_number: string;
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
  owner_postal_address: string | null;
  owner_postcode: string | null;
  owner_post_town: string | null;
  installer_name: string;
  installer_org: string;
  installer_contact: string | null;
  installer_email: string | null;
  installer_phone: string | null;
  approval_conditions: string | null;
  decision_reason: string | null;
  wanted_start_date: string | null;
  wanted_connection_date: string | null;
}

function conditionsOf(text: string | null): string[] {
  try {
    const list: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(list) ? list.map(String).filter((condition) => condition.trim() !== '') : [];
  } catch {
    return [];
  }
}

export function caseLetterFacts(
  sqlite: Database.Database,
  caseId: number,
  context: Pick<CaseLetterFacts, 'letterhead' | 'today' | 'caseHandler'>,
): CaseLetterFacts {
  const row = sqlite
    .prepare(
      `SELECT c.case_number, c.request_type, c.address, c.postcode, c.post_town, c.municipality_number,
              c.gnr, c.bnr, c.fnr, c.snr, c.metering_point_ids, c.meter_numbers, c.network_system, c.phases, c.main_fuse_a,
              c.owner_name, c.owner_phone, c.owner_postal_address, c.owner_postcode, c.owner_post_town, i.name AS installer_name, i.organisation_number AS installer_org,
              coalesce(c.installer_contact, i.contact_person) AS installer_contact, i.email AS installer_email,
              i.phone AS installer_phone, c.approval_conditions, c.decision_reason, c.wanted_start_date,
              c.wanted_connection_date
       FROM cases c JOIN installers i ON i.id = c.installer_id WHERE c.id = ?`,
    )
    .get(caseId) as FactsRow | undefined;
  if (!row) return fail('case.notFound', { caseId });
  return {
    ...context,
    caseId,
    caseNumber: row.case_number,
    requestType: row.request_type,
    place: { address: row.address, postcode: row.postcode, postTown: row.post_town },
    municipalityNumber: row.municipality_number,
    cadastralNumber: cadastralNumberOf(row),
    meteringPointId: firstOf(row.metering_point_ids),
    meterNumber: firstOf(row.meter_numbers),
    networkSystem: row.network_system,
    phases: row.phases,
    mainFuseA: row.main_fuse_a,
    owner: { name: row.owner_name, phone: row.owner_phone, postal: ownerPostalAddressOf(row) },
    installer: {
      name: row.installer_name, organisationNumber: row.installer_org, contact: row.installer_contact,
      email: row.installer_email, phone: row.installer_phone,
    },
    approvalConditions: conditionsOf(row.approval_conditions),
    decisionReason: row.decision_reason,
    wantedStartDate: row.wanted_start_date,
    wantedConnectionDate: row.wanted_connection_date,
    releaseOnAcceptance: readCompanySetting(sqlite, 'release_on_acceptance', COMPANY_SETTING_DEFAULTS.release_on_acceptance),
  };
}

// What every letter about a case (the offer, a work order) reads off the case row the same way.
import { formatCadastralNumber } from '../../shared/rules';

interface CadastralColumns {
  municipality_number: string;
  gnr: number | null;
  bnr: number | null;
  fnr: number | null;
  snr: number | null;
}

/** "4204-123/45", with /fnr/snr when the unit has them; null when the case gives no gnr/bnr. */
export function cadastralNumberOf(row: CadastralColumns): string | null {
  if (row.gnr === null || row.bnr === null) return null;
  return formatCadastralNumber({ municipalityNumber: row.municipality_number, gnr: row.gnr, bnr: row.bnr, fnr: row.fnr, snr: row.snr });
}

/** The first entry of a JSON list column (metering point IDs, meter numbers), or null. */
export function firstOf(jsonList: string): string | null {
  try {
    const list: unknown = JSON.parse(jsonList);
    return Array.isArray(list) && list.length > 0 ? String(list[0]) : null;
  } catch {
    return null;
  }
}

export interface OwnerPostalColumns {
  address: string;
  postcode: string;
  post_town: string;
  owner_postal_address: string | null;
  owner_postcode: string | null;
  owner_post_town: string | null;
}

/**
 * Where a letter to the owner goes: the owner's POSTAL address when one is recorded (local 0021 / central 0036; a new
 * build has no mailbox), otherwise the installation's address, where an existing building's owner gets mail.
 */
export function ownerPostalAddressOf(row: OwnerPostalColumns): { address: string; postcode: string; postTown: string } {
  const { owner_postal_address: address, owner_postcode: postcode, owner_post_town: town } = row;
  return address && postcode && town
    ? { address, postcode, postTown: town }
    : { address: row.address, postcode: row.postcode, postTown: row.post_town };
}

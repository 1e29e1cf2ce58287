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

interface OwnerPartyColumns {
  owner_name: string;
  owner_postal_address: string | null;
  owner_postcode: string | null;
  owner_post_town: string | null;
  grid_customer_name: string | null;
}

/** The owner's postal address lines, as a letter's recipient block prints them. */
export interface LetterRecipient {
  name: string;
  /** e.g. ["Dronningens gate 14", "4610 Kristiansand S"]; null when the case has no postal address yet. */
  addressLines: [string, string] | null;
}

/**
 * A letter to the owner goes to the owner's POSTAL address (local 0021 / central 0036), never to the installation
 * address: a new build has no mailbox. With none recorded the letter has no address to print — the case handler
 * adds it in the case view (case.correctOwnerParty) first.
 */
export function ownerRecipientOf(row: OwnerPartyColumns): LetterRecipient {
  const { owner_postal_address: address, owner_postcode: postcode, owner_post_town: town } = row;
  return { name: row.owner_name, addressLines: address && postcode && town ? [address, `${postcode} ${town}`] : null };
}

/** Who will hold the grid-rental agreement (nettkunde), where named. */
export const gridCustomerOf = (row: OwnerPartyColumns): string | null => row.grid_customer_name;

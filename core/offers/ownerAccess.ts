// The owner's personal link and code, made where the letter is rendered: the desk may issue an offer offline, so
// the desk makes the code; only its SHA-256 travels with the offer (central 0024 keeps it; an HMAC would need a key
// the desk cannot keep from its own users). The portal's address is the company setting `portal_url`, which every
// desk has in its cache — so a new address reaches every desk with its next pull, no new build or letterhead — and
// falls back to the letterhead's `portal` (where the customer accepts the offer online), as shipped.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { formatOwnerCode, ownerCodeFromBytes, OWNER_CODE_LENGTH } from '../../shared/rules';
import { readCompanySetting } from '../casework/companySettings';
import type { OwnerAccess } from './offerLetter';
import type { Letterhead } from './letterhead';

export const PORTAL_URL_SETTING = 'portal_url';

/** The portal's address without a trailing slash, with a scheme. */
export function portalUrlOf(sqlite: Database.Database, letterhead: Letterhead): string {
  const fallback = letterhead.company.portal;
  const url = readCompanySetting(sqlite, PORTAL_URL_SETTING, fallback).trim() || fallback;
  return (/^https?:\/\//.test(url) ? url : `https://${url}`).replace(/\/+$/, '');
}

export const ownerCodeSha256 = (code: string): string => createHash('sha256').update(code, 'utf8').digest('hex');

/** A new code for an offer: what the letter prints and the hash that is sent. */
export function newOwnerAccess(portalUrl: string, offerId: string): { access: OwnerAccess; codeSha256: string } {
  const code = ownerCodeFromBytes(randomBytes(OWNER_CODE_LENGTH));
  return { access: { link: `${portalUrl}/tilbud/${offerId}`, code: formatOwnerCode(code) }, codeSha256: ownerCodeSha256(code) };
}

// The owner as a party and the grid assessment in the demo data, derived from what a case already is (its type,
// owner, history) without drawing from the seeded random sequence, so every other demo fact stays as it was.
import { gridAssessmentRequired, type CaseStatus, type GridAssessment } from '../../shared/rules';
import type { InstallationAddress } from './agderAddresses';
import type { EventRow } from './caseLifecycle';
import type { RequestFacts } from './cases';
import type { DemoOwner } from './owners';

/** Where owners of new builds live while they build: the postal address is not the building site. */
const HOME_ADDRESSES: ReadonlyArray<[address: string, postcode: string, postTown: string]> = [
  ['Dronningens gate 14', '4610', 'Kristiansand S'],
  ['Tordenskjolds gate 3', '4612', 'Kristiansand S'],
  ['Langbryggen 9', '4841', 'Arendal'],
  ['Storgaten 41', '4876', 'Grimstad'],
  ['Postboks 112', '4401', 'Flekkefjord'],
  ['Vestre gate 22', '4514', 'Mandal'],
];

/** A new building has no mailbox yet; for other requests the owner is reached at the installation. */
const NO_MAILBOX_AT_SITE: ReadonlySet<string> = new Set(['new_installation', 'temporary_installation']);

/** By the time the work is done and reported, the grid customer has been named. */
const GRID_CUSTOMER_NAMED: ReadonlySet<CaseStatus> = new Set(['offer_accepted', 'invoice_sent', 'paid',
  'completion_reported', 'meter_mounted', 'metering_point_registered', 'closed', 'termination_requested']);

/** owner_postal_address, owner_postcode, owner_post_town, grid_customer_name */
export function ownerPartyColumns(
  caseId: number, request: { requestType: string }, owner: DemoOwner, place: InstallationAddress, status: CaseStatus,
): [string, string, string, string | null] {
  const [address, postcode, postTown] = NO_MAILBOX_AT_SITE.has(request.requestType)
    ? HOME_ADDRESSES[caseId % HOME_ADDRESSES.length]
    : [place.address, place.postcode, place.postTown];
  return [address, postcode, postTown, GRID_CUSTOMER_NAMED.has(status) ? owner.name : null];
}

/**
 * The assessment of a case that was approved and needed one: recorded by the person who approved it, at that
 * moment, just before the approval in the history. Returns the column and the history with its event.
 */
export function withGridAssessment(request: RequestFacts, events: EventRow[]): { column: string | null; events: EventRow[] } {
  const required = gridAssessmentRequired({
    requestType: request.requestType, hasProduction: request.hasProduction, mainFuseA: request.mainFuseA ?? null,
  });
  const approval = events.findIndex(([, , , kind, data]) => kind === 'status_changed' && (JSON.parse(data) as { to?: string }).to === 'approved');
  if (!required || approval < 0) return { column: null, events };
  const [caseId, at, actorId] = events[approval];
  const assessment: GridAssessment = { outcome: 'sound', note: '', by: actorId, at };
  const event: EventRow = [caseId, at, actorId, 'grid_assessed', JSON.stringify({ outcome: 'sound', note: '' })];
  return { column: JSON.stringify(assessment), events: [...events.slice(0, approval), event, ...events.slice(approval)] };
}

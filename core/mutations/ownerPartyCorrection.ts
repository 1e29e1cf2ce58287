// A case handler corrects the owner as a party: the postal address letters go to, the organisation number or
// fødselsnummer, and the grid customer. Checked by the pure rule (rules/ownerParty.ts) here and again by the central
// applier; the history names the fields that changed, never their values.
import { CorrectOwnerPartyInput, fail } from '../../shared/contract';
import { canWriteNotes, normalizedOwnerParty, ownerPartyProblems, type OwnerPartyValues } from '../../shared/rules';
import { loadCaseHead } from '../cases/caseRow';
import { detailOnServer } from '../sync/caseDetailMark';
import { defineMutation } from './runMutation';

/** Each correctable field's column, in the order the history lists them (as central 0036's trigger does). */
export const OWNER_PARTY_COLUMNS = {
  postalAddress: 'owner_postal_address',
  postcode: 'owner_postcode',
  postTown: 'owner_post_town',
  organisationNumber: 'owner_organisation_number',
  nationalId: 'owner_national_id',
  gridCustomerName: 'grid_customer_name',
} as const satisfies Record<keyof OwnerPartyValues, string>;

type Field = keyof typeof OWNER_PARTY_COLUMNS;
/** The history's names: the three parts of the postal address are one. */
const HISTORY_NAME: Record<Field, string> = {
  postalAddress: 'postalAddress', postcode: 'postalAddress', postTown: 'postalAddress',
  organisationNumber: 'organisationNumber', nationalId: 'nationalId', gridCustomerName: 'gridCustomerName',
};

/** The fields a correction sets, with the values stored, or the first problem found. */
export function ownerPartyUpdate(args: CorrectOwnerPartyInput): { problem: string | null; values: OwnerPartyValues } {
  const [problem] = ownerPartyProblems(args);
  return { problem: problem?.code ?? null, values: normalizedOwnerParty(args) };
}

export const correctOwnerParty = defineMutation({
  name: 'case.correctOwnerParty',
  args: CorrectOwnerPartyInput,
  apply({ core, actor }, args) {
    const head = loadCaseHead(core.sqlite, args.caseId);
    if (!canWriteNotes(actor.role)) fail('permission.denied');
    // The owner's identity numbers of a closed case the first download left out are not here (closedCaseDetail.ts):
    // the correction would send the empty ones as if they had been cleared.
    if (detailOnServer(core.sqlite, args.caseId)) fail('case.detailOnServer');
    const { problem, values } = ownerPartyUpdate(args);
    if (problem) fail(problem as never);
    const fields = (Object.keys(OWNER_PARTY_COLUMNS) as Field[]).filter((field) => field in values);
    const columns = fields.map((field) => OWNER_PARTY_COLUMNS[field]);
    const before = core.sqlite.prepare(`SELECT ${columns.join(', ')} FROM cases WHERE id = ?`).get(args.caseId) as Record<string, string | null>;
    const changed = fields.filter((field) => (before[OWNER_PARTY_COLUMNS[field]] ?? null) !== (values[field] ?? null));
    if (changed.length === 0) return { caseId: args.caseId, events: [] };
    core.sqlite
      .prepare(`UPDATE cases SET ${changed.map((field) => `${OWNER_PARTY_COLUMNS[field]} = ?`).join(', ')} WHERE id = ?`)
      .run(...changed.map((field) => values[field] ?? null), args.caseId);
    const named = [...new Set(changed.map((field) => HISTORY_NAME[field]))];
    return {
      caseId: args.caseId,
      events: [{ kind: 'owner_party_corrected', data: { fields: named } }],
      precondition: { claimToken: head.claim_token },
    };
  },
});

// Who may work on a case from this desk now. With a central service, casework on a case needs its claim: the
// service refuses any change to a case the person does not hold (db/central 0002's cases_guard; only notes, the
// claim itself and a supervisor's assignment go without), so the desk offers the controls only while the case is
// theirs, rather than letting a change be made here and refused later. Standalone, there are no claims.
import type { CaseDetail, SessionInfo } from '../../api/contract';

export type CaseworkHint = 'takeBeforeWork' | 'otherBeforeWork' | 'requestedBeforeWork';

export interface Casework {
  /** May change the case: decide, correct the owner, assess, draft an offer. Notes need no claim. */
  mayWork: boolean;
  /** Why not, when taking the case would change that. */
  hint: CaseworkHint | null;
}

export function caseworkOf(detail: Pick<CaseDetail, 'claim'>, session: Pick<SessionInfo, 'mode' | 'user'>): Casework {
  if (session.user.role === 'reader') return { mayWork: false, hint: null };
  if (session.mode !== 'central') return { mayWork: true, hint: null };
  switch (detail.claim.state) {
    case 'mine':
      return { mayWork: true, hint: null };
    case 'other':
      return { mayWork: false, hint: 'otherBeforeWork' };
    case 'requested':
      return { mayWork: false, hint: 'requestedBeforeWork' };
    default:
      return { mayWork: false, hint: 'takeBeforeWork' };
  }
}

// Who may work on a case from the desk: the service refuses casework on a case the person does not hold, so with a
// central service the controls wait for the claim; standalone there are no claims; a reader never works on a case.
import { describe, expect, it } from 'vitest';
import { caseworkOf } from '../../renderer/src/features/case/casework';
import type { CaseDetail, SessionInfo } from '../../renderer/src/api/contract';

type ClaimState = CaseDetail['claim']['state'];
const detail = (state: ClaimState) => ({ claim: { state } as CaseDetail['claim'] });
const session = (mode: SessionInfo['mode'], role: SessionInfo['user']['role']) =>
  ({ mode, user: { role } }) as Pick<SessionInfo, 'mode' | 'user'>;

describe('caseworkOf', () => {
  it.each<[ClaimState, boolean, string | null]>([
    ['mine', true, null],
    ['none', false, 'takeBeforeWork'],
    ['other', false, 'otherBeforeWork'],
    ['requested', false, 'requestedBeforeWork'],
  ])('with a central service, a case handler and a claim that is %s: may work %s, hint %s', (state, mayWork, hint) => {
    expect(caseworkOf(detail(state), session('central', 'case_handler'))).toEqual({ mayWork, hint });
    expect(caseworkOf(detail(state), session('central', 'supervisor'))).toEqual({ mayWork, hint });
  });

  it('standalone, there are no claims: a case handler may work on any case', () => {
    expect(caseworkOf(detail('none'), session('standalone', 'case_handler'))).toEqual({ mayWork: true, hint: null });
  });

  it('a reader never works on a case, and is not told to take it', () => {
    for (const mode of ['central', 'standalone'] as const) {
      for (const state of ['mine', 'none', 'other', 'requested'] as const) {
        expect(caseworkOf(detail(state), session(mode, 'reader'))).toEqual({ mayWork: false, hint: null });
      }
    }
  });
});

// Claims — who is working on a case right now — are granted only by the central database. Made offline, a
// claim is a request waiting in the outbox (the case shows it as requested, never as held); the central side
// grants it or says who holds the case.
import { z } from 'zod';
import { CaseId, fail } from '../../shared/contract';
import { loadCaseHead } from '../cases/caseRow';
import { defineMutation } from './runMutation';

export const requestClaim = defineMutation({
  name: 'case.claim',
  args: z.object({ caseId: CaseId }).strict(),
  apply({ core, actor }, { caseId }) {
    loadCaseHead(core.sqlite, caseId);
    if (actor.role === 'reader') fail('permission.denied');
    return { caseId, events: [{ kind: 'claim_requested', data: {} }] };
  },
});

export const releaseClaim = defineMutation({
  name: 'case.release',
  args: z.object({ caseId: CaseId }).strict(),
  apply({ core, actor }, { caseId }) {
    const head = loadCaseHead(core.sqlite, caseId);
    if (actor.role === 'reader') fail('permission.denied');
    core.sqlite.prepare('UPDATE cases SET claimed_by = NULL, lease_until = NULL WHERE id = ? AND claimed_by = ?').run(caseId, actor.id);
    return { caseId, events: [{ kind: 'claim_released', data: {} }], precondition: { claimToken: head.claim_token } };
  },
});

// The first mutations: add a note, assign, set status. Each checks the pure rules, then writes.
import { z } from 'zod';
import { AddNoteInput, AssignInput, SetStatusInput, fail } from '../../shared/contract';
import { STATUSES_REQUIRING_REASON, STATUSES_SET_ONLY_WITH_READINGS, canAssign, canMoveCase, canWriteNotes } from '../../shared/rules';
import { loadCaseHead } from '../cases/caseRow';
import { defineMutation } from './runMutation';

/** The note's id is made when the handler saves it, so the outbox, the central copy and a retry agree on it. */
export const addNote = defineMutation({
  name: 'case.addNote',
  args: AddNoteInput.extend({ noteId: z.uuid() }),
  apply({ core, actor, now, pendingSeq }, { caseId, body, noteId }) {
    loadCaseHead(core.sqlite, caseId);
    if (!canWriteNotes(actor.role)) fail('permission.denied');
    core.sqlite
      .prepare('INSERT INTO notes (id, case_id, author_id, at, body, pending_seq) VALUES (?, ?, ?, ?, ?, ?)')
      .run(noteId, caseId, actor.id, now, body, pendingSeq);
    return { caseId, events: [{ kind: 'note_added', data: { noteId, excerpt: body.slice(0, 200) } }] };
  },
});

export const assign = defineMutation({
  name: 'case.assign',
  args: AssignInput,
  apply({ core, actor }, { caseId, assigneeId }) {
    const head = loadCaseHead(core.sqlite, caseId);
    if (assigneeId !== null) {
      const exists = core.sqlite.prepare('SELECT 1 FROM users WHERE id = ? AND active = 1').get(assigneeId);
      if (!exists) fail('user.notFound', { userId: assigneeId });
    }
    if (!canAssign(actor.role, actor.id, head.assignee_id, assigneeId)) fail('permission.denied');
    if (head.assignee_id === assigneeId) return { caseId, events: [] };
    core.sqlite.prepare('UPDATE cases SET assignee_id = ? WHERE id = ?').run(assigneeId, caseId);
    return {
      caseId,
      events: [{ kind: 'assigned', data: { from: head.assignee_id, to: assigneeId } }],
      precondition: { assigneeId: head.assignee_id },
    };
  },
});

export const setStatus = defineMutation({
  name: 'case.setStatus',
  args: SetStatusInput,
  apply({ core, actor }, { caseId, status, reason }) {
    const head = loadCaseHead(core.sqlite, caseId);
    if (!canMoveCase(head.status, status, actor.role) || STATUSES_SET_ONLY_WITH_READINGS.includes(status)) {
      fail('status.transitionNotAllowed', { from: head.status, to: status });
    }
    if (STATUSES_REQUIRING_REASON.includes(status) && !reason) fail('status.reasonRequired', { status });
    core.sqlite.prepare('UPDATE cases SET status = ? WHERE id = ?').run(status, caseId);
    const data: Record<string, unknown> = { from: head.status, to: status };
    if (reason) data.reason = reason;
    return {
      caseId,
      events: [{ kind: 'status_changed', data }],
      precondition: { status: head.status, claimToken: head.claim_token },
    };
  },
});

import { CaseId, fail } from '../../shared/contract';
import { z } from 'zod';
import { loadCaseHead } from '../cases/caseRow';
import { defineMutation } from './runMutation';

/** "Fetch next" made durable: the handler takes a free, new case and starts reviewing it. */
export const takeCase = defineMutation({
  name: 'case.take',
  args: z.object({ caseId: CaseId }).strict(),
  apply({ core, actor }, { caseId }) {
    const head = loadCaseHead(core.sqlite, caseId);
    if (actor.role === 'reader') fail('permission.denied');
    if (head.assignee_id !== null || head.status !== 'new') fail('queue.nothingToFetch');
    core.sqlite.prepare("UPDATE cases SET assignee_id = ?, status = 'in_review' WHERE id = ?").run(actor.id, caseId);
    return {
      caseId,
      events: [
        { kind: 'assigned', data: { from: null, to: actor.id, via: 'fetchNext' } },
        { kind: 'status_changed', data: { from: 'new', to: 'in_review' } },
      ],
      precondition: { status: 'new', assigneeId: null },
    };
  },
});

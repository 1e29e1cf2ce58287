// The queue: its pages, its counts and "fetch next".
import { runMutation } from '../mutations/runMutation';
import { takeCase } from '../mutations/takeCase';
import { AppFailure } from '../../shared/contract';
import type { CoreServices, DomainHandlers } from './coreServices';

export const queueHandlers = ({ database, context, who, central, queue }: CoreServices) => ({
  'queue.list': (input) => queue.list(input, who()),
  'queue.counts': (input) => queue.counts(input.filters, who()),
  'queue.fetchNext': () => {
    if (central) return central.fetchNext();
    return database.sqlite.transaction(() => {
      const caseId = queue.nextFreeCaseId();
      if (caseId === null) throw new AppFailure({ code: 'queue.nothingToFetch' });
      runMutation(context, takeCase, { caseId });
      const { case_number } = database.sqlite.prepare('SELECT case_number FROM cases WHERE id = ?').get(caseId) as {
        case_number: string;
      };
      return { caseId, caseNumber: case_number };
    })();
  },
}) satisfies DomainHandlers;

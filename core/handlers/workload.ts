// Workload: who has what, many cases assigned at once, and the assignment rules.
import { assignMany } from '../workload/assignMany';
import type { CoreServices, DomainHandlers } from './coreServices';

export const workloadHandlers = ({ context, currentUser, today, mutate, workload, assignmentRules }: CoreServices) => ({
  'workload.get': () => workload.view(today(), currentUser().role),
  'workload.cases': (input) => workload.cases(input.assigneeId, today()),
  'case.assignMany': (input) => mutate(() => assignMany(context, input)),
  'assignmentRules.get': () => assignmentRules.get(),
}) satisfies DomainHandlers;

// A case: read, noted, assigned, acted on, claimed and released.
import type { CoreServices, DomainHandlers } from './coreServices';

export const caseHandlers = ({ clock, currentUser, today, caseDetail }: CoreServices) => ({
  'case.get': (input) => caseDetail.get(input.caseId, currentUser(), today(), clock.now().toISOString()),
}) satisfies DomainHandlers;

// A case: read, noted, assigned, acted on, claimed and released.
import type { CoreServices, DomainHandlers } from './coreServices';

export const caseHandlers = ({ clock, currentUser, today, caseDetail, detailOnDemand }: CoreServices) => ({
  'case.get': async (input) => {
    // A closed case the first download left without its detail: fetched now, shown whole when it comes in time.
    await detailOnDemand.fetchWithin(input.caseId);
    return caseDetail.get(input.caseId, currentUser(), today(), clock.now().toISOString());
  },
}) satisfies DomainHandlers;

// A case: read, noted, assigned, acted on, claimed and released.
import type { CoreServices, DomainHandlers } from './coreServices';

export const caseHandlers = ({ clock, currentUser, today, caseDetail, detailOnDemand }: CoreServices) => ({
  'case.get': (input) => {
    // A closed case the first download left without its detail: fetched now, in the background.
    detailOnDemand.open(input.caseId);
    const detail = caseDetail.get(input.caseId, currentUser(), today(), clock.now().toISOString());
    return { ...detail, detailOnServer: detailOnDemand.stateOf(input.caseId) };
  },
}) satisfies DomainHandlers;

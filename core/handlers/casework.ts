// The casework on a case besides its status: the installer check, the grid-side work's routing, completeness, the owner as a party, the grid assessment and the request for information.
import { installerCheckFor } from '../casework/installerCheckService';
import { completenessView } from '../casework/completenessService';
import { informationRequestDraft } from '../casework/informationRequestDraft';
import type { CoreServices, DomainHandlers } from './coreServices';

export const caseworkHandlers = ({ database, currentUser, today }: CoreServices) => ({
  'case.installerCheck': (input) => installerCheckFor(database.sqlite, input.caseId, today()),
  'case.completeness': (input) => completenessView(database.sqlite, input.caseId),
  'case.informationRequestDraft': (input) =>
    informationRequestDraft(database.sqlite, input.caseId, input.items, currentUser().displayName, today()),
}) satisfies DomainHandlers;

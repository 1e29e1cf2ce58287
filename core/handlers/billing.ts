// A case's billing and the billing file's flags.
import { caseBillingView } from '../billing/caseBillingService';
import type { CoreServices, DomainHandlers } from './coreServices';

export const billingHandlers = ({ database, currentUser, today }: CoreServices) => ({
  'case.billing': (input) => caseBillingView(database.sqlite, input.caseId, currentUser(), today()),
}) satisfies DomainHandlers;

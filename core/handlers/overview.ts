// The overview: figures per week.
import type { CoreServices, DomainHandlers } from './coreServices';

export const overviewHandlers = ({ currentUser, today, overview }: CoreServices) => ({
  'overview.get': (input) => overview.get(input.weeks, today(), currentUser().role),
}) satisfies DomainHandlers;

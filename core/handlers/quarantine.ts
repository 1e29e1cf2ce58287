// The quarantine of incoming records the import could not take.
import type { CoreServices, DomainHandlers } from './coreServices';

export const quarantineHandlers = ({ quarantine }: CoreServices) => ({
  'quarantine.list': (input) => quarantine.list(input.states),
  'quarantine.get': (input) => quarantine.get(input.id),
}) satisfies DomainHandlers;

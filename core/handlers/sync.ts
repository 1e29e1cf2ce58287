// The connection to the central server and the changes it refused.
import type { CoreServices, DomainHandlers } from './coreServices';

export const syncHandlers = ({ mutate, central, outbox }: CoreServices) => ({
  'sync.status': () => (central ? central.statusView(outbox.refusedCount()) : { mode: 'standalone' }),
  'outbox.refused': () => outbox.refused(),
  'outbox.reapply': (input) => mutate(() => outbox.reapply(input.seq)),
  'outbox.dismiss': (input) => outbox.dismiss(input.seq),
}) satisfies DomainHandlers;

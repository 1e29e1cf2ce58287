// What the screens read, named once for the change stream: the core says which of these a commit changed, and the
// renderer re-reads the queries that depend on them. No zod here, so the renderer can import it without bundling
// the schemas.
export const CHANGE_TABLES = [
  /** Case rows: status, assignee, claims, due dates — everything the queue filters and sorts on. */
  'cases',
  /** A case's history: events, notes, outgoing messages and their delivery. */
  'history',
  'attachments',
  'offers',
  'workOrders',
  'billing',
  'quarantine',
  /** The sync engine's state: online, offline, syncing, skipped rows. */
  'syncStatus',
  /** Changes made here waiting for (or refused by) the central service. */
  'outbox',
  /** The central server's connection settings. */
  'settings',
  'companySettings',
  'completenessRules',
  'priceLists',
  'areaSuppliers',
  'assignmentRules',
  'supportRequests',
  'portalFirms',
  /** People and municipalities (the reference data every screen names). */
  'users',
  /** Installers, prequalifications and the DSB register the installer check reads. */
  'installers',
  /** The overview's lead times and throughput, worked out in the background after many cases arrived at once. */
  'overviewFacts',
] as const;

export type ChangeTable = (typeof CHANGE_TABLES)[number];

/** Everything a case's own rows can change: a case write names all of them, with the case. */
export const CASE_TABLES: readonly ChangeTable[] = ['cases', 'history', 'attachments', 'offers', 'workOrders', 'billing'];

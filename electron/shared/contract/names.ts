// The names alone, so the preload can expose exactly these without bundling the schemas.
export const API_NAMES = [
  'session.get',
  'reference.get',
  'queue.list',
  'queue.counts',
  'queue.fetchNext',
  'case.get',
  'case.addNote',
  'case.assign',
  'case.setStatus',
  'attachment.open',
  'case.claim',
  'case.release',
  'sync.status',
  'outbox.refused',
  'outbox.reapply',
  'outbox.dismiss',
  'settings.get',
  'settings.testCentral',
  'settings.saveCentral',
  'settings.useStandalone',
] as const;
export type ApiName = (typeof API_NAMES)[number];

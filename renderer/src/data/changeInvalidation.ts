// What a change batch makes stale: exactly the queries (keyed [apiName, input]) whose read depends on a table the
// batch names — and for a case's own reads, only when the batch names that case (or all of them).
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ApiName, ChangeBatch } from '../api/contract';
import { READS, type ReadDependency } from './readTables';

export function dependencyOf(name: string): ReadDependency | null {
  return Object.hasOwn(READS, name) ? READS[name as ApiName] : null;
}

export function isAffected(queryKey: QueryKey, batch: ChangeBatch): boolean {
  const [name, input] = queryKey;
  if (typeof name !== 'string') return false;
  const dependency = dependencyOf(name);
  if (!dependency || !dependency.tables.some((table) => batch.tables.includes(table))) return false;
  if (!dependency.perCase || batch.allCases) return true;
  const caseId = (input as { caseId?: unknown } | undefined)?.caseId;
  return typeof caseId === 'number' && batch.caseIds.includes(caseId);
}

/** Marks the affected queries stale; those on screen are read again at once, the others when next shown. */
export function applyChangeBatch(client: QueryClient, batch: ChangeBatch): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => isAffected(query.queryKey, batch) });
}

/** Whether a read that is not a query (the queue's own pages) depends on what the batch changed. */
export function touches(name: ApiName, batch: ChangeBatch): boolean {
  return isAffected([name, {}], { ...batch, allCases: true });
}

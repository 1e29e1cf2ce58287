// The renderer's invalidation: a change batch makes stale exactly the queries whose read depends on a table it
// names — a case's own reads only when it names that case — and no screen keeps a timer that polls the core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyChangeBatch, isAffected, touches } from '../../renderer/src/data/changeInvalidation';
import { READS } from '../../renderer/src/data/readTables';
import { API_NAMES, CHANGE_TABLES, type ChangeBatch, type ChangeTable } from '../../shared/contract';
import { CHANGES_BY_CALL } from '../../core/changes/callChanges';

const batch = (tables: ChangeTable[], caseIds: number[] = [], allCases = false): ChangeBatch => ({ version: 1, tables, caseIds, allCases });

describe('which queries a change batch makes stale', () => {
  it('re-reads the queue when cases change, and not when only the price lists do', () => {
    expect(isAffected(['queue.list', { filters: {} }], batch(['cases'], [4]))).toBe(true);
    expect(isAffected(['queue.list', { filters: {} }], batch(['priceLists']))).toBe(false);
    expect(isAffected(['priceList.list', {}], batch(['priceLists']))).toBe(true);
  });

  it('re-reads a case view only when the batch names its case, or all cases', () => {
    expect(isAffected(['case.get', { caseId: 7 }], batch(['history'], [7]))).toBe(true);
    expect(isAffected(['case.get', { caseId: 7 }], batch(['history'], [8]))).toBe(false);
    expect(isAffected(['case.get', { caseId: 7 }], batch(['history'], [], true))).toBe(true);
    expect(isAffected(['offer.list', { caseId: 7 }], batch(['offers'], [7]))).toBe(true);
    expect(isAffected(['offer.list', { caseId: 7 }], batch(['quarantine'], [7]))).toBe(false);
  });

  it('never treats a command or an unknown key as a read', () => {
    expect(isAffected(['case.addNote', { caseId: 7 }], batch([...CHANGE_TABLES], [7], true))).toBe(false);
    expect(isAffected(['no.such.call', {}], batch([...CHANGE_TABLES], [], true))).toBe(false);
    expect(touches('queue.list', batch(['cases'], [1]))).toBe(true);
    expect(touches('queue.list', batch(['companySettings']))).toBe(false);
  });

  it('invalidates exactly the affected queries in a QueryClient', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(['case.get', { caseId: 7 }], { id: 7 });
    client.setQueryData(['case.get', { caseId: 8 }], { id: 8 });
    client.setQueryData(['quarantine.list', { states: ['open'] }], { items: [] });
    await applyChangeBatch(client, batch(['cases', 'history'], [7]));
    const stale = (key: unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(['case.get', { caseId: 7 }])).toBe(true);
    expect(stale(['case.get', { caseId: 8 }])).toBe(false);
    expect(stale(['quarantine.list', { states: ['open'] }])).toBe(false);
  });

  it('has every call either a read or a command, on both sides of the boundary', () => {
    for (const name of API_NAMES) {
      const isRead = READS[name] !== null;
      // A read changes nothing; a command is never cached.
      if (isRead) expect(CHANGES_BY_CALL[name], name).toEqual([]);
    }
  });
});

describe('no polling in the renderer', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(entry) ? [full] : [];
    });

  it('has no setInterval, pollMs or refetchInterval anywhere under renderer/src', () => {
    const root = path.resolve(__dirname, '../../renderer/src');
    const offenders = files(root).filter((file) => /setInterval\s*\(|pollMs|refetchInterval/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});

import type Database from 'better-sqlite3';
import type { UserSummary } from '../shared/contract';
import type { Clock } from './clock';
import type { Change } from './changes/changeFeed';

/** What every service call runs with: the database, who is acting, and the time. */
export interface CoreContext {
  sqlite: Database.Database;
  clientId: string;
  mode: 'standalone' | 'central';
  clock: Clock;
  currentUser(): UserSummary;
  /** Tells the read models (the queue's index) which cases a write touched. */
  casesChanged(caseIds: readonly number[] | 'all'): void;
  /** Tells the screens what a commit changed (the change stream); coalesced per tick. */
  publishChange(change: Change): void;
}

import type { UserSummary } from './cases';
import { call, type DomainCalls } from './call';
import { Empty } from './common';

export interface SessionInfo {
  user: UserSummary;
  mode: 'standalone' | 'central';
  today: string;
}

export interface ReferenceData {
  municipalities: Array<{ number: string; name: string }>;
  users: UserSummary[];
}

/** This domain's calls (merged into the one contract in index.ts). */
export const sessionCalls = {
  'session.get': call<SessionInfo>()(Empty),
  'reference.get': call<ReferenceData>()(Empty),
} satisfies DomainCalls;

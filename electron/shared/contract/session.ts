import type { UserSummary } from './cases';

export interface SessionInfo {
  user: UserSummary;
  mode: 'standalone' | 'central';
  today: string;
}

export interface ReferenceData {
  municipalities: Array<{ number: string; name: string }>;
  users: UserSummary[];
}

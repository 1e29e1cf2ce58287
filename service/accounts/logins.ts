// Superseded by staffAccounts.ts (migration 0015: people are accounts of the central service, not PostgreSQL
// logins). Kept only for the group-role names that older modules import from here.
export { GROUP_ROLES, type GroupRole } from './staffAccounts';

// The session and the reference data every screen needs.
import { type UserSummary } from '../../shared/contract';
import type { CoreServices, DomainHandlers } from './coreServices';

export const sessionHandlers = ({ database, mode, currentUser, today }: CoreServices) => ({
  'session.get': () => ({ user: currentUser(), mode, today: today() }),
  'reference.get': () => ({
    municipalities: database.sqlite.prepare('SELECT number, name FROM municipalities ORDER BY name').all() as Array<{
      number: string;
      name: string;
    }>,
    users: (
      database.sqlite
        .prepare('SELECT id, display_name, role FROM users WHERE active = 1 ORDER BY display_name')
        .all() as { id: string; display_name: string; role: UserSummary['role'] }[]
    ).map((row) => ({ id: row.id, displayName: row.display_name, role: row.role })),
  }),
}) satisfies DomainHandlers;

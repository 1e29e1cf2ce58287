// npm run central:user -- --username kari.nordmann --role case_handler [--display-name "Kari Nordmann"] [--email …]
// npm run central:user -- --username kari.nordmann --role case_handler --disable
// Creates or updates a person's account of the central service (staffAccounts.ts) in DATABASE_URL's database, as
// the owner. The password is read from stdin (one line; typed at a prompt or piped), never from the command line,
// where other users of the machine could see it.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { requireDatabaseUrl } from './databaseUrl';
import { passwordFromStdin } from './passwordFromStdin';
import { disableStaffAccount, GROUP_ROLES, upsertStaffAccount, type GroupRole } from '../../service/accounts/staffAccounts';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    'display-name': { type: 'string' },
    email: { type: 'string' },
    disable: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  if (!values.username || (!values.disable && !values.role)) {
    console.error(`Usage: npm run central:user -- --username <name> --role <${GROUP_ROLES.join('|')}> [--display-name <name>] [--email <address>] [--disable]\n` +
      'The password is read from stdin.');
    process.exitCode = 2;
    return;
  }
  const client = new pg.Client({ connectionString: requireDatabaseUrl(), application_name: 'desk-central-user' });
  await client.connect();
  try {
    if (values.disable) {
      await disableStaffAccount(client, values.username);
      console.log(`Disabled ${values.username}; their sessions have ended.`);
      return;
    }
    const password = await passwordFromStdin(String(values.username));
    const outcome = await upsertStaffAccount(client, {
      username: values.username,
      role: values.role as GroupRole,
      password,
      displayName: values['display-name'],
      email: values.email,
    });
    console.log(`${outcome === 'created' ? 'Created' : 'Updated'} ${values.username} as ${values.role}.`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not change the user: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

// npm run central:login -- --user kari.nordmann --role case_handler [--password …] [--name "Kari Nordmann"] [--email …]
// Creates (or updates) the person's login role in their group and their app_users row in DATABASE_URL's database.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { requireDatabaseUrl } from './databaseUrl';
import { GROUP_ROLES, upsertLogin, type GroupRole } from './logins';

const { values } = parseArgs({
  options: {
    user: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
  },
});

async function main(): Promise<void> {
  if (!values.user || !values.role) {
    console.error(`Usage: npm run central:login -- --user <login> --role <${GROUP_ROLES.join('|')}> [--password <pw>] [--name <display name>] [--email <address>]`);
    process.exitCode = 2;
    return;
  }
  const client = new pg.Client({ connectionString: requireDatabaseUrl(), application_name: 'desk-central-login' });
  await client.connect();
  try {
    const outcome = await upsertLogin(client, {
      user: values.user,
      role: values.role as GroupRole,
      password: values.password,
      displayName: values.name,
      email: values.email,
    });
    console.log(`${outcome === 'created' ? 'Created' : 'Updated'} login ${values.user} as ${values.role}` +
      (values.password === undefined ? ' (no password: for single sign-on).' : '.'));
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not create the login: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

// npm run portal:user -- --org 123456785 --email ola@firma.no [--admin] [--name "Ola Nordmann"]
// Adds a user of an installer's firm to the portal (portalAccounts.ts), as the owner of DATABASE_URL's database. A
// firm not there yet is registered and approved first; it must have a valid organisation number and be active in
// the DSB register. The password is read from stdin (one line), never from the command line.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { requireDatabaseUrl } from './databaseUrl';
import { passwordFromStdin } from './passwordFromStdin';
import { registerPortalUser } from '../../service/accounts/portalAccounts';

const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    admin: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  if (!values.org || !values.email) {
    console.error('Usage: npm run portal:user -- --org <organisation number> --email <address> [--admin] [--name <name>]\n' +
      'The password is read from stdin.');
    process.exitCode = 2;
    return;
  }
  const client = new pg.Client({ connectionString: requireDatabaseUrl(), application_name: 'desk-portal-user' });
  await client.connect();
  try {
    const password = await passwordFromStdin(String(values.email));
    const outcome = await registerPortalUser(client, {
      organisationNumber: values.org, email: values.email, password, admin: values.admin, name: values.name,
    });
    const firm = outcome.firm;
    console.log(firm.created ? `Registered and approved ${firm.name}.` : `${firm.name} is ${firm.state}.`);
    console.log(`${outcome.user.created ? 'Added' : 'Updated'} ${values.email}${values.admin ? ' as administrator' : ''}.`);
    if (firm.state !== 'approved') console.log('The firm awaits the grid company\'s decision: its users cannot log in until it is approved.');
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not add the portal user: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

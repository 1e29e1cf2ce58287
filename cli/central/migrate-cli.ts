// npm run central:migrate — applies the central migrations to the database named by DATABASE_URL. Run it as the
// role that is to own the tables (not as one of the app's roles): it needs CREATEROLE for the group roles.
import pg from 'pg';
import { CentralMigrationTamperedError, migrateCentral } from '../../db/central/migrate';
import { requireDatabaseUrl } from './databaseUrl';

async function main(): Promise<void> {
  const client = new pg.Client({ connectionString: requireDatabaseUrl(), application_name: 'desk-central-migrate' });
  await client.connect();
  try {
    const { applied, total } = await migrateCentral(client);
    if (applied.length === 0) console.log(`Already up to date (${total} migrations).`);
    else for (const tag of applied) console.log(`Applied ${tag}`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  if (error instanceof CentralMigrationTamperedError) console.error(error.message);
  else console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

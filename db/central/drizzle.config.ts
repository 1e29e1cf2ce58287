// `npx drizzle-kit generate --config db/central/drizzle.config.ts` diffs schema.ts against the last snapshot;
// `… generate --custom --name <what>` adds an empty file for the SQL drizzle cannot express.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/central/schema.ts',
  out: './db/central/migrations',
});

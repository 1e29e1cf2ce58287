// The scripts take their server from DATABASE_URL, e.g. postgres://desk_owner@db.example.no:5432/desk.
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to the central database, e.g. DATABASE_URL=postgres://desk_owner@localhost:5432/desk');
    process.exit(2);
  }
  return url;
}

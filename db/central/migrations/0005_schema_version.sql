-- What clients compare with the schema their cache was filled from: when the central schema changes, a
-- client's cache is discarded and downloaded again (its outbox kept). The view runs with its owner's rights,
-- so the app's roles need no access to drizzle's bookkeeping.
CREATE VIEW desk_schema_version AS
  SELECT count(*)::int AS migrations, coalesce(max(created_at), 0)::bigint AS last_applied
  FROM drizzle.__drizzle_migrations;
--> statement-breakpoint
GRANT SELECT ON desk_schema_version TO case_handler, supervisor, reader;

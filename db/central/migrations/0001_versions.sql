-- Versions that become visible in commit order.
--
-- Every synced row carries `version`. A client pulls `WHERE version > cursor` and moves its cursor to the highest
-- version it saw, so no transaction may ever commit a version at or below one that is already visible. A sequence
-- does not give that: T1 takes 5, T2 takes 6 and commits, a reader sees 6 and moves past 5, then T1 commits 5
-- and that row is never pulled. Here a writing transaction takes its version by updating the single row of
-- sync_clock; the row lock is held until commit, so the next writer waits and reads the committed value + 1.
-- The price is that writing transactions are serialised from their first synced write until they commit:
-- keep them short. The clock is taken by a statement-level trigger, before the statement locks any row, so every
-- writer locks the clock first and rows second; writers that took them in the other order could deadlock (T1
-- holds the clock and wants row B, T2 holds row B and waits for the clock). A transaction that locks rows with
-- SELECT … FOR UPDATE before writing should call desk_next_version() first for the same reason.
-- One transaction = one version (all its rows share it), so pages of a pull must be keyed on
-- (version, primary key), not on version alone.
CREATE TABLE sync_clock (
  -- Exactly one row.
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO sync_clock (id, version) VALUES (true, 0);
--> statement-breakpoint
CREATE FUNCTION desk_next_version() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  tx text := txid_current()::text;
  -- 'txid:version' once this transaction has taken its version. set_config(…, true) is undone when the
  -- transaction ends, but the setting then reads '' (not NULL) for the rest of the session; the txid makes a
  -- value left over from another transaction impossible to mistake for ours.
  cached text := current_setting('desk.version', true);
  taken bigint;
BEGIN
  IF cached IS NOT NULL AND split_part(cached, ':', 1) = tx THEN
    RETURN split_part(cached, ':', 2)::bigint;
  END IF;
  UPDATE sync_clock SET version = version + 1 RETURNING version INTO taken;
  PERFORM set_config('desk.version', tx || ':' || taken, true);
  RETURN taken;
END $$;
--> statement-breakpoint
-- Taking the clock's lock is for writers only: a reader holding it in an open transaction would stop every
-- writer. Writers can hold it anyway (any write takes it), so letting them call this adds nothing.
REVOKE ALL ON FUNCTION desk_next_version() FROM PUBLIC;
--> statement-breakpoint
-- Before each writing statement, before any of its rows is locked: take (or find) this transaction's version.
CREATE FUNCTION desk_take_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM public.desk_next_version();
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Runs for every row written, so it stays cheap: it reads the version the statement trigger cached instead of
-- calling desk_next_version (a SECURITY DEFINER call with its own settings) per row. It runs as the writer, hence
-- schema-qualified names instead of a SET search_path, which would cost a settings save and restore per row.
CREATE FUNCTION desk_set_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  cached text := pg_catalog.current_setting('desk.version', true);
BEGIN
  IF cached IS NOT NULL
     AND pg_catalog.split_part(cached, ':', 1) OPERATOR(pg_catalog.=) pg_catalog.txid_current()::text THEN
    NEW.version := pg_catalog.split_part(cached, ':', 2)::bigint;
  ELSE
    NEW.version := public.desk_next_version();
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Clients LISTEN on desk_changes; the payload is the committing transaction's version (as text). NOTIFY is
-- delivered only on commit and identical payloads within a transaction are folded into one notification.
CREATE FUNCTION desk_notify_changes() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  cached text := current_setting('desk.version', true);
BEGIN
  -- The statement trigger has taken the version even if no row changed; such a commit costs listeners one empty pull.
  IF cached IS NOT NULL AND split_part(cached, ':', 1) = txid_current()::text THEN
    PERFORM pg_notify('desk_changes', split_part(cached, ':', 2));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION desk_take_version(), desk_set_version(), desk_notify_changes() FROM PUBLIC;
--> statement-breakpoint
DO $$
DECLARE
  synced text;
BEGIN
  FOREACH synced IN ARRAY ARRAY['municipalities', 'app_users', 'installers', 'prequalifications', 'area_suppliers',
    'area_supplier_municipalities', 'cases', 'attachments', 'case_events', 'notes']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION desk_take_version()',
      synced || '_take_version', synced);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION desk_set_version()',
      synced || '_set_version', synced);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION desk_notify_changes()',
      synced || '_notify', synced);
  END LOOP;
END $$;

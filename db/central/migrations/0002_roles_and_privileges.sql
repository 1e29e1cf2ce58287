-- Who may do what, enforced by PostgreSQL itself. Each person logs in as their own role, a member of one of the
-- group roles below; the app's roles own nothing (the migration owner owns every table and function), so
-- privileges, row-level security and triggers apply to them in full.
--
--   reader        SELECT on the synced tables; nothing else.
--   case_handler  + INSERT notes in their own name, on any case;
--                 + UPDATE the casework columns of a case while holding a live claim on it (RLS) and presenting
--                   its current fencing token (`SET LOCAL desk.claim_token = '<token>'`, checked by cases_guard);
--                 + claim_case / renew_claim / release_case / fetch_next_case (0004_claims);
--                 + record their pushed mutations in applied_mutations.
--   supervisor    what a case handler may, and UPDATE assignee_id of any case (assign, reassign) without a claim.
--
-- Roles are cluster-wide: create the groups only if missing, so that several databases (and tests running
-- side by side) can share a cluster. Another session may create one between our check and our CREATE.
DO $$
DECLARE
  group_role text;
BEGIN
  FOREACH group_role IN ARRAY ARRAY['case_handler', 'supervisor', 'reader'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_role) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
GRANT SELECT ON municipalities, app_users, installers, prequalifications, area_suppliers,
  area_supplier_municipalities, cases, attachments, attachment_blobs, case_events, notes
  TO case_handler, supervisor, reader;
--> statement-breakpoint
-- A pull's upper bound: the clock as committed is the highest version of any committed transaction (a writer's
-- increment stays invisible until it commits), so every version at or below it is already visible.
GRANT SELECT ON sync_clock TO case_handler, supervisor, reader;
--> statement-breakpoint
-- The version triggers run as the writer and call this (see 0001_versions); a writer may also call it first
-- thing in a transaction that locks rows before writing, to keep the lock order clock → rows.
GRANT EXECUTE ON FUNCTION desk_next_version() TO case_handler, supervisor;
--> statement-breakpoint
-- The casework columns. Everything else on a case (what the installer sent, the claim, version, updated_at) is
-- written only by imports, the claim functions and the triggers. Add a column here when a mutation needs it.
GRANT UPDATE (status, complete_at, due_date, free_text, owner_email, owner_phone, installer_contact,
  wanted_start_date, wanted_connection_date)
  ON cases TO case_handler, supervisor;
--> statement-breakpoint
GRANT UPDATE (assignee_id) ON cases TO supervisor;
--> statement-breakpoint
-- author_id defaults to session_user; a value naming anyone else is refused by the policy notes_own_name.
GRANT INSERT (id, case_id, author_id, at, body) ON notes TO case_handler, supervisor;
--> statement-breakpoint
-- actor is not granted: it always takes its default, session_user.
GRANT SELECT, INSERT (client_id, seq, outcome, reason) ON applied_mutations TO case_handler, supervisor;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cases_visible ON cases FOR SELECT TO case_handler, supervisor, reader USING (true);
--> statement-breakpoint
-- USING (true) lets cases_guard (below) see the row and explain a refusal; the check on the new row is what
-- RLS enforces. A case handler cannot change the claim columns, so the new row's claim is the old one's.
CREATE POLICY cases_casework_under_claim ON cases FOR UPDATE TO case_handler
  USING (true)
  WITH CHECK (claimed_by = session_user AND lease_until > now());
--> statement-breakpoint
-- A supervisor may reassign any case; their casework edits need a claim too, which cases_guard checks (a
-- policy sees only the new row, not which columns changed).
CREATE POLICY cases_supervise ON cases FOR UPDATE TO supervisor USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notes_visible ON notes FOR SELECT TO case_handler, supervisor, reader USING (true);
--> statement-breakpoint
CREATE POLICY notes_own_name ON notes FOR INSERT TO case_handler, supervisor WITH CHECK (author_id = session_user);
--> statement-breakpoint
ALTER TABLE applied_mutations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY applied_mutations_own ON applied_mutations FOR ALL TO case_handler, supervisor
  USING (actor = session_user) WITH CHECK (actor = session_user);
--> statement-breakpoint
-- The fence on case writes by the app's roles (a BEFORE row trigger, like cases_set_version; names sort guard first).
--   * casework changed ⇒ the writer holds a live claim and the transaction presents its current token;
--   * assignee changed ⇒ only a supervisor (column grants say so too); a claim held by someone other than the
--     new assignee is released, so that the new assignee can claim the case at once;
--   * updated_at follows any change but the claim's.
-- The owner (migrations, imports, the SECURITY DEFINER claim functions) and superusers are not fenced.
-- Errors: SQLSTATE DK001 desk:stale_claim, DK002 desk:claimed_by_other, DK003 desk:claim_token_missing.
CREATE FUNCTION cases_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  not_casework constant text[] := ARRAY['assignee_id', 'updated_at', 'version', 'claimed_by', 'lease_until',
    'claim_token'];
  casework_changed boolean := (to_jsonb(NEW) - not_casework) IS DISTINCT FROM (to_jsonb(OLD) - not_casework);
  assignee_changed boolean := NEW.assignee_id IS DISTINCT FROM OLD.assignee_id;
  presented text := nullif(current_setting('desk.claim_token', true), '');
  held_by_other boolean := OLD.claimed_by IS DISTINCT FROM session_user AND OLD.lease_until > now();
BEGIN
  IF casework_changed OR assignee_changed THEN
    NEW.updated_at := now();
  END IF;
  IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
    RETURN NEW;
  END IF;

  IF casework_changed THEN
    IF presented IS NOT NULL AND presented IS DISTINCT FROM OLD.claim_token::text THEN
      RAISE EXCEPTION USING ERRCODE = 'DK001',
        MESSAGE = format('desk:stale_claim: claim token %s of case %s is no longer current', presented, OLD.id),
        DETAIL = format('The case is now claimed by %s (token %s).', coalesce(OLD.claimed_by, 'nobody'), OLD.claim_token),
        HINT = 'Claim the case again before changing it.';
    END IF;
    IF held_by_other THEN
      RAISE EXCEPTION USING ERRCODE = 'DK002',
        MESSAGE = format('desk:claimed_by_other: case %s is claimed by %s', OLD.id, OLD.claimed_by),
        DETAIL = format('The claim lasts until %s unless renewed.', OLD.lease_until);
    END IF;
    IF presented IS NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'DK003',
        MESSAGE = format('desk:claim_token_missing: changing case %s needs SET LOCAL desk.claim_token', OLD.id),
        HINT = 'Run SET LOCAL desk.claim_token = ''<token from claim_case>'' in the writing transaction.';
    END IF;
    IF OLD.claimed_by IS DISTINCT FROM session_user OR NOT OLD.lease_until > now() THEN
      RAISE EXCEPTION USING ERRCODE = 'DK001',
        MESSAGE = format('desk:stale_claim: you no longer hold a claim on case %s', OLD.id),
        DETAIL = 'The claim was released or its lease ran out.',
        HINT = 'Claim the case again before changing it.';
    END IF;
  END IF;

  IF assignee_changed THEN
    IF NOT pg_has_role(current_user, 'supervisor', 'USAGE') THEN
      RAISE EXCEPTION USING ERRCODE = '42501',
        MESSAGE = format('desk:assign_not_allowed: only a supervisor assigns cases (case %s)', OLD.id);
    END IF;
    IF NEW.claimed_by IS DISTINCT FROM NEW.assignee_id THEN
      NEW.claimed_by := NULL;
      NEW.lease_until := NULL;
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cases_guard() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER cases_guard BEFORE UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION cases_guard();

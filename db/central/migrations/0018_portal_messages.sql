-- The installers' portal, part 2 (issue 12, item 2): a signed-in installer sends a message, and the service imports
-- it with the same central importer `npm run import` uses (electron/core/import/centralImport.ts) — but not as the
-- database owner. In the importer's transaction the service does
--   SELECT set_config('role', 'portal_submitter', true), set_config('portal.firm', '<firm id>', true),
--          set_config('desk.actor', 'system:import', true);
-- and PostgreSQL allows exactly what the importer does for a new message of that firm:
--   * read what the importer reads to decide (municipalities, settings, completeness rules, the DSB register,
--     prequalifications, installers, cases, attachments' kinds, incoming messages' ids and hashes, the clock);
--   * INSERT installers, cases, attachments, attachment_blobs (content-addressed; never read back), case_events and
--     incoming_messages;
--   * a new case only for an installer whose organisation number is the acting firm's (policy cases_portal_insert);
--   * UPDATE of a case only of the acting firm's installer (a developer-project routing or auto-approval at arrival,
--     a supplement, a completion notice), and only the columns a message may change: never the claim, the
--     assignee, the case number, the message id, the installer, the approval conditions or the overrides.
-- It may not touch the quarantine, notes, offers, outgoing messages, work orders or any portal_* table, and it
-- owns nothing. desk_service (NOINHERIT) holds none of this until it takes the role.

-- ── portal_submitter ────────────────────────────────────────────────────────────────────────────────────────────
-- Roles are cluster-wide (see 0002, 0015, 0017): create it only if missing; grant it to desk_service only if not
-- granted yet, and try again after a short wait when another database's migration changes the same catalog rows.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_submitter') THEN
    BEGIN
      CREATE ROLE portal_submitter NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  FOR attempt IN 1..50 LOOP
    BEGIN
      IF NOT pg_has_role('desk_service', 'portal_submitter', 'MEMBER') THEN
        GRANT portal_submitter TO desk_service;
      END IF;
      EXIT;
    EXCEPTION WHEN internal_error OR unique_violation OR duplicate_object THEN
      PERFORM pg_sleep(0.02 * attempt);
    END;
  END LOOP;
END $$;
--> statement-breakpoint
-- ── Whose installer ─────────────────────────────────────────────────────────────────────────────────────────────
-- Whether an installer row is the acting firm's (same organisation number, firm approved). A definer function, since
-- portal_submitter may not read portal_firms.
CREATE FUNCTION portal_firm_installer(p_installer bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM installers i JOIN portal_firms f ON f.organisation_number = i.organisation_number
                  WHERE i.id = p_installer AND f.id = portal_current_firm() AND f.state = 'approved')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_firm_installer(bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_firm_installer(bigint) TO portal_submitter;
--> statement-breakpoint
-- ── What the importer needs ─────────────────────────────────────────────────────────────────────────────────────
GRANT SELECT ON municipalities, company_settings, completeness_rules, dsb_register, prequalifications, installers,
  cases, attachments, incoming_messages, sync_clock TO portal_submitter;
--> statement-breakpoint
GRANT INSERT ON installers, cases, attachments, attachment_blobs, case_events, incoming_messages TO portal_submitter;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION desk_next_version() TO portal_submitter;
--> statement-breakpoint
-- The columns a message may change on a case: every column but these.
DO $$
DECLARE
  columns text;
BEGIN
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute
   WHERE attrelid = 'public.cases'::regclass AND attnum > 0 AND NOT attisdropped
     AND attname NOT IN ('id', 'case_number', 'message_id', 'installer_id', 'submitted_at', 'assignee_id', 'claimed_by',
       'lease_until', 'claim_token', 'version', 'updated_at', 'approval_conditions', 'completeness_overrides',
       'work_routing');
  EXECUTE format('GRANT UPDATE (%s) ON cases TO portal_submitter', columns);
END $$;
--> statement-breakpoint
CREATE POLICY cases_portal_read ON cases FOR SELECT TO portal_submitter USING (true);
--> statement-breakpoint
CREATE POLICY cases_portal_insert ON cases FOR INSERT TO portal_submitter
  WITH CHECK (portal_firm_installer(installer_id));
--> statement-breakpoint
CREATE POLICY cases_portal_update ON cases FOR UPDATE TO portal_submitter
  USING (portal_firm_installer(installer_id)) WITH CHECK (portal_firm_installer(installer_id));
--> statement-breakpoint
-- cases_guard (0002) fences casework behind a claim for everyone but the owner. A message from the case's own firm
-- (the policy above already holds it to those) changes a case without one, as the owner's importer always has. Two
-- IFs, not AND: only portal_submitter may call portal_firm_installer, and AND does not promise to test the role first.
DO $$
DECLARE
  definition text := pg_get_functiondef('public.cases_guard()'::regprocedure);
  owner_check constant text := $q$IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN$q$;
BEGIN
  IF position(owner_check IN definition) = 0 THEN
    RAISE EXCEPTION 'cases_guard is not as 0002 wrote it';
  END IF;
  EXECUTE replace(definition, owner_check,
    $q$IF current_user = 'portal_submitter' THEN
    IF public.portal_firm_installer(OLD.installer_id) THEN
      RETURN NEW;
    END IF;
  END IF;
  $q$ || owner_check);
END $$;

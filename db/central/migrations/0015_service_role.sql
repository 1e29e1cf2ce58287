-- The central service (issue 7). People no longer log in to PostgreSQL: the desks talk to an HTTP service, and
-- only the migration owner and one role, desk_service, log in. The service authenticates the person and, in every
-- transaction it runs for them, does
--   SELECT set_config('role', '<case_handler|supervisor|reader>', true);   -- SET LOCAL ROLE <the person's group>
--   SELECT set_config('desk.actor', '<app_users.id>', true);
-- so the group roles' grants, policies and triggers stay the second line of defence. What named the person by
-- session_user (their own login until now) names them by desk_actor() from here on: session_user for the owner's
-- own tools (migrate, import, seed), the actor the service vouched for when the session is desk_service.
-- This migration also:
--   * makes the version a transaction takes impossible to forge (it was cached in a GUC anyone could set);
--   * adds CHECK constraints on every enumerated column (lists from electron/shared/rules, named below);
--   * makes billing_events append-only for the group roles (resolving a flag goes through resolve_billing_flag);
--   * refuses an outgoing message on a case the writer does not hold, and a quarantine record resolved in another's
--     name;
--   * adds the service's own tables: staff_credentials and service_sessions, readable by desk_service only.
-- Errors: DK010 desk:no_actor (desk_service wrote without desk.actor), 42501 desk:quarantine_other_name,
-- 42501 desk:resolve_flag_refused.

-- ── desk_service ────────────────────────────────────────────────────────────────────────────────────────────────
-- Roles are cluster-wide (see 0002): create it only if missing. NOINHERIT: it holds none of its groups' privileges
-- until it takes one with SET ROLE, so it can act only as some group, for some actor.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'desk_service') THEN
    BEGIN
      CREATE ROLE desk_service LOGIN NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END $$;
--> statement-breakpoint
-- Roles and their settings are cluster-wide: migrations of other databases in the same cluster (tests running side
-- by side) change the same catalog rows at the same moment and one of them fails with "tuple concurrently updated".
-- So each change is made only when it is not in effect yet, and tried again after a short wait when it collides.
-- A transaction left open (BEGIN; SELECT desk_next_version(); … and then nothing) holds the version clock and so
-- stops every writer of the company: the server ends it. Statements and lock waits are bounded too.
DO $$
DECLARE
  wanted constant text[] := ARRAY['statement_timeout=30s', 'lock_timeout=5s', 'idle_in_transaction_session_timeout=15s'];
  setting text;
  current_settings text[];
BEGIN
  FOR attempt IN 1..50 LOOP
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'desk_service' AND rolcanlogin AND NOT rolinherit) THEN
        ALTER ROLE desk_service LOGIN NOINHERIT;
      END IF;
      IF NOT (pg_has_role('desk_service', 'case_handler', 'MEMBER') AND pg_has_role('desk_service', 'supervisor', 'MEMBER')
              AND pg_has_role('desk_service', 'reader', 'MEMBER')) THEN
        GRANT case_handler, supervisor, reader TO desk_service;
      END IF;
      SELECT coalesce(s.setconfig, '{}') INTO current_settings
        FROM pg_roles r LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0
       WHERE r.rolname = 'desk_service';
      FOREACH setting IN ARRAY wanted LOOP
        IF NOT setting = ANY (coalesce(current_settings, '{}')) THEN
          EXECUTE format('ALTER ROLE desk_service SET %I = %L', split_part(setting, '=', 1), split_part(setting, '=', 2));
        END IF;
      END LOOP;
      EXIT;
    EXCEPTION WHEN internal_error OR unique_violation OR duplicate_object THEN
      PERFORM pg_sleep(0.02 * attempt);
    END;
  END LOOP;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO desk_service', current_database());
END $$;
--> statement-breakpoint
-- ── Who is acting ───────────────────────────────────────────────────────────────────────────────────────────────
-- Used in row-level security policies, column defaults and triggers, so it stays a plain STABLE function of two
-- settings (no table read, no SET clause). Schema-qualified, since it runs with the caller's search_path.
CREATE FUNCTION desk_actor() RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  actor text;
BEGIN
  IF session_user::text OPERATOR(pg_catalog.<>) 'desk_service' THEN
    RETURN session_user;
  END IF;
  actor := NULLIF(pg_catalog.current_setting('desk.actor', true), '');
  IF actor IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'DK010',
      MESSAGE = 'desk:no_actor: desk_service acted without naming the person (desk.actor)',
      HINT = 'Run SELECT set_config(''desk.actor'', ''<user id>'', true) in the transaction.';
  END IF;
  RETURN actor;
END $$;
--> statement-breakpoint
-- Whether the person acting belongs to a group: for a login of their own (the old model, the owner's tools) its
-- membership; for desk_service the group it took with SET ROLE (current_setting('role') is the session's role even
-- inside a SECURITY DEFINER function, where current_user is the owner).
CREATE FUNCTION desk_acts_as(p_group text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN session_user::text OPERATOR(pg_catalog.<>) 'desk_service'
    THEN pg_catalog.pg_has_role(session_user, p_group, 'MEMBER')
    ELSE pg_catalog.current_setting('role') OPERATOR(pg_catalog.=) p_group END
$$;
--> statement-breakpoint
-- ── Versions decided only inside the database ───────────────────────────────────────────────────────────────────
-- 0001 cached 'txid:version' in the GUC desk.version, which any session may set: set_config('desk.version',
-- txid || ':1', true) and the next write got version 1, below every cursor, and no desk ever pulled it. Now the clock
-- row itself records which transaction took the current version (taken_by). A writer holds the row's lock until it
-- commits, so reading taken_by = txid_current() back is exact: true only in the transaction that took it, and
-- undone with it (a rolled-back savepoint included). Nothing a client can set is consulted.
ALTER TABLE sync_clock ADD COLUMN taken_by bigint;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION desk_next_version() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  taken bigint;
BEGIN
  SELECT version INTO taken FROM sync_clock WHERE taken_by = txid_current();
  IF FOUND THEN
    RETURN taken;
  END IF;
  UPDATE sync_clock SET version = version + 1, taken_by = txid_current() RETURNING version INTO taken;
  RETURN taken;
END $$;
--> statement-breakpoint
-- Per row: one read of the one-row clock (the statement trigger has taken it already). Runs as the writer, who may
-- read sync_clock (0002); schema-qualified instead of SET search_path, as in 0001.
CREATE OR REPLACE FUNCTION desk_set_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  taken bigint;
BEGIN
  SELECT c.version INTO taken FROM public.sync_clock c
   WHERE c.taken_by OPERATOR(pg_catalog.=) pg_catalog.txid_current();
  IF NOT FOUND THEN
    taken := public.desk_next_version();
  END IF;
  NEW.version := taken;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION desk_notify_changes() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  taken bigint;
BEGIN
  SELECT version INTO taken FROM sync_clock WHERE taken_by = txid_current();
  IF FOUND THEN
    PERFORM pg_notify('desk_changes', taken::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- ── session_user → desk_actor() everywhere ──────────────────────────────────────────────────────────────────────
-- Migrations are immutable, so instead of copying the ~30 functions, 12 policies and 7 defaults of 0000–0014 here,
-- this block rewrites each one that mentions session_user by text replacement, and re-creates it:
--   functions: pg_get_functiondef (CREATE OR REPLACE keeps owner, grants and triggers);
--              pg_has_role(session_user, '<group>', 'MEMBER') becomes desk_acts_as('<group>') (the actor is not a role);
--   policies:  ALTER POLICY … USING (…) WITH CHECK (…) from pg_policies' expressions;
--   defaults:  ALTER TABLE … ALTER COLUMN … SET DEFAULT from pg_attrdef.
-- Every other use of session_user becomes desk_actor() (comments in function bodies included). The migrations test
-- checks afterwards that nothing but desk_actor and desk_acts_as mentions session_user.
DO $$
DECLARE
  item record;
  rewritten text;
  with_actor constant text := 'desk_actor()';
BEGIN
  FOR item IN
    SELECT p.oid, pg_get_functiondef(p.oid) AS definition
      FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
       AND p.proname NOT IN ('desk_actor', 'desk_acts_as')
       AND p.prosrc ~* '\msession_user\M'
  LOOP
    rewritten := regexp_replace(item.definition,
      'pg_has_role\(\s*session_user\s*,\s*(''[a-z_]+'')\s*,\s*''MEMBER''\s*\)', 'desk_acts_as(\1)', 'gi');
    rewritten := regexp_replace(rewritten, '\msession_user\M', with_actor, 'gi');
    EXECUTE rewritten;
  END LOOP;

  FOR item IN
    SELECT policyname, tablename, qual, with_check
      FROM pg_policies
     WHERE schemaname = 'public' AND (qual ~* '\msession_user\M' OR with_check ~* '\msession_user\M')
  LOOP
    EXECUTE format('ALTER POLICY %I ON public.%I', item.policyname, item.tablename)
      || CASE WHEN item.qual IS NULL THEN ''
           ELSE format(' USING (%s)', regexp_replace(item.qual, '\msession_user\M', with_actor, 'gi')) END
      || CASE WHEN item.with_check IS NULL THEN ''
           ELSE format(' WITH CHECK (%s)', regexp_replace(item.with_check, '\msession_user\M', with_actor, 'gi')) END;
  END LOOP;

  FOR item IN
    SELECT c.relname, a.attname, pg_get_expr(d.adbin, d.adrelid) AS expression
      FROM pg_attrdef d
      JOIN pg_class c ON c.oid = d.adrelid
      JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
     WHERE c.relnamespace = 'public'::regnamespace AND pg_get_expr(d.adbin, d.adrelid) ~* '\msession_user\M'
  LOOP
    EXECUTE format('ALTER TABLE public.%I ALTER COLUMN %I SET DEFAULT %s', item.relname, item.attname,
      regexp_replace(item.expression, '\msession_user\M', with_actor, 'gi'));
  END LOOP;
END $$;
--> statement-breakpoint
-- ── The service's own tables ────────────────────────────────────────────────────────────────────────────────────
-- Only desk_service (and the owner) sees them: no group role does, so a person's transaction cannot read a password
-- hash or a session, even through the service.
CREATE TABLE staff_credentials (
  user_id text PRIMARY KEY REFERENCES app_users (id),
  password_hash text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE service_sessions (
  token_sha256 text PRIMARY KEY,
  user_id text NOT NULL REFERENCES app_users (id),
  role text NOT NULL CHECK (role IN ('case_handler', 'supervisor', 'reader')),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX service_sessions_user ON service_sessions (user_id);
--> statement-breakpoint
REVOKE ALL ON staff_credentials, service_sessions FROM PUBLIC, case_handler, supervisor, reader;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON staff_credentials, service_sessions TO desk_service;
--> statement-breakpoint
-- At login, outside any SET ROLE: who the person is, their group, whether they are active.
GRANT SELECT ON app_users TO desk_service;
--> statement-breakpoint
-- ── Enumerated columns ──────────────────────────────────────────────────────────────────────────────────────────
-- The lists are those of electron/shared/rules (the TypeScript source of truth); a new value there needs a
-- migration here. Already checked since their tables were made: app_users.role, applied_mutations.outcome,
-- outgoing_messages.delivery_state, import_quarantine.state, offers.state, billing_events.kind/source/outcome,
-- assignment_rules.criterion, work_orders.status/work_kind.
-- domain.ts CASE_STATUSES
ALTER TABLE cases ADD CONSTRAINT cases_status_known CHECK (status IN ('new', 'in_review', 'waiting_for_info',
  'approved', 'rejected', 'offer_sent', 'offer_accepted', 'invoice_sent', 'paid', 'completion_reported',
  'meter_mounted', 'metering_point_registered', 'closed', 'developer_project', 'termination_requested'));
--> statement-breakpoint
-- domain.ts REQUEST_TYPES
ALTER TABLE cases ADD CONSTRAINT cases_request_type_known CHECK (request_type IN ('new_installation',
  'new_metering_point', 'temporary_installation', 'fuse_change', 'metering_point_work', 'production', 'join_split',
  'street_lighting'));
--> statement-breakpoint
-- domain.ts BUILDING_USES
ALTER TABLE cases ADD CONSTRAINT cases_building_use_known CHECK (building_use IN ('house', 'holiday_home',
  'apartment_building', 'commercial', 'agriculture', 'street_light', 'construction_power'));
--> statement-breakpoint
-- domain.ts NETWORK_SYSTEMS
ALTER TABLE cases ADD CONSTRAINT cases_network_system_known CHECK (network_system IN ('230V_IT', '230V_TN', '400V_TN'));
--> statement-breakpoint
-- domain.ts OWNER_ID_KINDS
ALTER TABLE cases ADD CONSTRAINT cases_owner_id_kind_known CHECK (owner_id_kind IN ('national_id', 'organisation_number'));
--> statement-breakpoint
-- domain.ts ATTACHMENT_KINDS
ALTER TABLE attachments ADD CONSTRAINT attachments_kind_known CHECK (kind IN ('site_map', 'single_line_diagram',
  'power_budget', 'grid_rental_order', 'co_owner_consent', 'production_declaration', 'inverter_certificate', 'photo',
  'other'));
--> statement-breakpoint
-- domain.ts EVENT_KINDS
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_known CHECK (kind IN ('received', 'note_added', 'assigned',
  'status_changed', 'attachment_added', 'claim_requested', 'claim_released', 'completeness_overridden',
  'completeness_reached', 'routing_decided', 'message_queued', 'supplement_received', 'completion_notice_received',
  'offer_issued', 'offer_superseded', 'work_ordered', 'work_order_accepted', 'work_order_done', 'billing_recorded',
  'billing_flag_resolved'));
--> statement-breakpoint
-- domain.ts OUTGOING_MESSAGE_KINDS
ALTER TABLE outgoing_messages ADD CONSTRAINT outgoing_messages_kind_known CHECK (kind IN ('information_request',
  'approval', 'rejection', 'start_approval', 'work_order'));
--> statement-breakpoint
-- core/import/incomingMessage.ts: the kinds of message the portal delivers
ALTER TABLE incoming_messages ADD CONSTRAINT incoming_messages_kind_known CHECK (kind IN ('request', 'supplement',
  'completion_notice'));
--> statement-breakpoint
-- domain.ts DSB_STATUSES
ALTER TABLE installers ADD CONSTRAINT installers_dsb_status_known CHECK (dsb_status IN ('active', 'suspended',
  'deregistered'));
--> statement-breakpoint
ALTER TABLE dsb_register ADD CONSTRAINT dsb_register_status_known CHECK (status IN ('active', 'suspended',
  'deregistered'));
--> statement-breakpoint
-- domain.ts PREQUALIFICATION_CATEGORIES
ALTER TABLE prequalifications ADD CONSTRAINT prequalifications_category_known CHECK (category IN ('service_cable',
  'direct_meter', 'insulated_cabinet_switching', 'uninsulated_cabinet_pole'));
--> statement-breakpoint
-- ── History is append-only ──────────────────────────────────────────────────────────────────────────────────────
-- case_events already was (0003). billing_events: the group roles only INSERT; marking a flag resolved — the one
-- change 0012 allowed — goes through resolve_billing_flag, which stamps the actor and now() itself.
DROP POLICY billing_events_resolve_flag ON billing_events;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON billing_events FROM PUBLIC, case_handler, supervisor, reader;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON case_events FROM PUBLIC, case_handler, supervisor, reader;
--> statement-breakpoint
-- True when this call resolved the flag; false when it was no open flag (already resolved, by anyone, or applied).
-- billing_events_guard stamps resolved_by/resolved_at, billing_events_audit writes billing_flag_resolved.
CREATE FUNCTION resolve_billing_flag(p_billing_event_id text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT (desk_acts_as('case_handler') OR desk_acts_as('supervisor')) THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = 'desk:resolve_flag_refused: only a case handler or supervisor resolves a billing flag';
  END IF;
  UPDATE billing_events SET resolved_at = now(), resolved_by = desk_actor()
   WHERE id = p_billing_event_id AND outcome = 'flagged' AND resolved_at IS NULL;
  RETURN FOUND;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION resolve_billing_flag(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION resolve_billing_flag(text) TO case_handler, supervisor;
--> statement-breakpoint
-- ── Outgoing messages only on a case one holds ─────────────────────────────────────────────────────────────────
-- A person queues a message (an information request) as part of casework: under a live claim on its case. The
-- start approval and the work order's message come through their SECURITY DEFINER functions (0012, 0014), which
-- check the billing event or the order instead.
CREATE POLICY outgoing_messages_under_claim ON outgoing_messages AS RESTRICTIVE FOR INSERT TO case_handler, supervisor
  WITH CHECK (EXISTS (
    SELECT 1 FROM cases c WHERE c.id = case_id AND c.claimed_by = desk_actor() AND c.lease_until > now()));
--> statement-breakpoint
-- ── A quarantine record is resolved in one's own name ───────────────────────────────────────────────────────────
-- 0007 granted UPDATE (resolved_by) so that the desk could stamp it; nothing said whose name it had to be.
CREATE FUNCTION import_quarantine_own_name() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
    RETURN NEW;
  END IF;
  IF NEW.resolved_by IS DISTINCT FROM OLD.resolved_by AND NEW.resolved_by IS DISTINCT FROM desk_actor() THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:quarantine_other_name: %s may not resolve quarantined record %s as %s', desk_actor(),
        OLD.id, NEW.resolved_by);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER import_quarantine_own_name BEFORE UPDATE ON import_quarantine
  FOR EACH ROW EXECUTE FUNCTION import_quarantine_own_name();
--> statement-breakpoint
REVOKE ALL ON FUNCTION import_quarantine_own_name() FROM PUBLIC;
--> statement-breakpoint
-- ── People from the company's identity provider ────────────────────────────────────────────────────────────────
-- The service signs a person in through OpenID Connect and keeps them in app_users: created on first sign-in, name,
-- role and e-mail brought up to date after (only on a real change: every write is a version every desk pulls). This
-- is the one write desk_service makes on its own account, so it is this narrow function and not a grant on the
-- table; the person signing in is the actor. Answers whether the account is active and the role it had before.
CREATE FUNCTION desk_sign_in_provider_user(p_id text, p_display_name text, p_role text, p_email text)
RETURNS TABLE (active boolean, previous_role text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  existing app_users%ROWTYPE;
BEGIN
  IF p_role NOT IN ('case_handler', 'supervisor', 'reader') OR p_id !~ '^[a-z][a-z0-9._-]{0,62}$' THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('desk:bad_provider_user: %s (%s)', p_id, p_role);
  END IF;
  PERFORM set_config('desk.actor', p_id, true);
  SELECT * INTO existing FROM app_users WHERE id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO app_users (id, display_name, role, email, active) VALUES (p_id, p_display_name, p_role, p_email, true)
    ON CONFLICT (id) DO NOTHING;
    IF FOUND THEN
      RETURN QUERY SELECT true, NULL::text;
      RETURN;
    END IF;
    SELECT * INTO existing FROM app_users WHERE id = p_id FOR UPDATE;
  END IF;
  IF NOT existing.active THEN
    RETURN QUERY SELECT false, existing.role;
    RETURN;
  END IF;
  IF existing.display_name IS DISTINCT FROM p_display_name OR existing.role IS DISTINCT FROM p_role
     OR existing.email IS DISTINCT FROM coalesce(p_email, existing.email) THEN
    UPDATE app_users SET display_name = p_display_name, role = p_role, email = coalesce(p_email, existing.email) WHERE id = p_id;
  END IF;
  RETURN QUERY SELECT true, existing.role;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION desk_sign_in_provider_user(text, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION desk_sign_in_provider_user(text, text, text, text) TO desk_service;

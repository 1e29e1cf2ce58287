-- The installers' portal, part 1 (issue 12): firms and their users. A firm registered as active in DSB's register of
-- electrical businesses applies for access; a supervisor of the grid company approves or refuses the application;
-- the firm's first user administers its colleagues. Portal users are not staff: they have no app_users row and no
-- group role of the desk. The service acts for them in a transaction that does
--   SELECT set_config('role', 'portal_user', true), set_config('portal.firm', '<firm id>', true),
--          set_config('portal.user', '<user id>', true);
-- and row-level security keeps every portal table to that firm's rows. What must look across firms before a firm is
-- known — an application, a login by e-mail, a session by its token, a reset or invitation token — goes through the
-- narrow SECURITY DEFINER functions below, which desk_service alone may call.
-- Errors: PT001 portal:not_in_dsb (no active entry in dsb_register), PT002 portal:firm_exists, PT003
-- portal:email_taken, PT004 portal:already_decided, PT005 portal:bad_input, 42501 portal:not_supervisor.

-- ── portal_user ─────────────────────────────────────────────────────────────────────────────────────────────────
-- Roles are cluster-wide (see 0002, 0015): create it only if missing; grant it to desk_service only if not granted
-- yet, and try again after a short wait when another database's migration changes the same catalog rows at once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_user') THEN
    BEGIN
      CREATE ROLE portal_user NOLOGIN;
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
      IF NOT pg_has_role('desk_service', 'portal_user', 'MEMBER') THEN
        GRANT portal_user TO desk_service;
      END IF;
      EXIT;
    EXCEPTION WHEN internal_error OR unique_violation OR duplicate_object THEN
      PERFORM pg_sleep(0.02 * attempt);
    END;
  END LOOP;
END $$;
--> statement-breakpoint
-- ── Who is acting in the portal ─────────────────────────────────────────────────────────────────────────────────
-- Plain STABLE functions of the two settings the service makes per transaction; unset means no firm and no user,
-- so a transaction that forgot to set them sees nothing.
CREATE FUNCTION portal_current_firm() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT NULLIF(pg_catalog.current_setting('portal.firm', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION portal_current_user() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT NULLIF(pg_catalog.current_setting('portal.user', true), '')::uuid
$$;
--> statement-breakpoint
-- ── Tables ──────────────────────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE portal_firms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_number text NOT NULL CHECK (organisation_number ~ '^[0-9]{9}$'),
  name text NOT NULL,
  contact_email text NOT NULL CHECK (contact_email = lower(contact_email) AND contact_email LIKE '%_@_%'),
  state text NOT NULL DEFAULT 'applied' CHECK (state IN ('applied', 'approved', 'refused')),
  refusal_reason text,
  applied_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by text,
  CONSTRAINT portal_firms_organisation_number_unique UNIQUE (organisation_number),
  CONSTRAINT portal_firms_refusal_has_reason CHECK ((state = 'refused') = (refusal_reason IS NOT NULL AND refusal_reason <> '')),
  CONSTRAINT portal_firms_decision_recorded CHECK ((state = 'applied') = (decided_at IS NULL))
);
--> statement-breakpoint
CREATE INDEX portal_firms_state ON portal_firms (state, applied_at);
--> statement-breakpoint
CREATE TABLE portal_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  firm_id uuid NOT NULL REFERENCES portal_firms (id),
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  name text NOT NULL DEFAULT '',
  -- argon2id; null for an invited user until they choose one.
  password_hash text,
  must_change_password boolean NOT NULL DEFAULT false,
  is_admin boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  CONSTRAINT portal_users_email_unique UNIQUE (email),
  CONSTRAINT portal_users_id_firm UNIQUE (id, firm_id)
);
--> statement-breakpoint
CREATE INDEX portal_users_firm ON portal_users (firm_id);
--> statement-breakpoint
-- A session and a token carry the user's firm, and the pair must be the user's own (so a policy on firm_id alone is
-- enough to keep each firm to its rows).
CREATE TABLE portal_sessions (
  token_sha256 text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL,
  firm_id uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (user_id, firm_id) REFERENCES portal_users (id, firm_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX portal_sessions_user ON portal_sessions (user_id);
--> statement-breakpoint
CREATE TABLE portal_user_tokens (
  token_sha256 text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL,
  firm_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('password_reset', 'invitation')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (user_id, firm_id) REFERENCES portal_users (id, firm_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX portal_user_tokens_user ON portal_user_tokens (user_id);
--> statement-breakpoint
REVOKE ALL ON portal_firms, portal_users, portal_sessions, portal_user_tokens
  FROM PUBLIC, case_handler, supervisor, reader, desk_service;
--> statement-breakpoint
-- ── What a firm's user may touch: its own firm's rows, nothing else ─────────────────────────────────────────────
GRANT SELECT ON portal_firms TO portal_user;
--> statement-breakpoint
GRANT SELECT, INSERT (firm_id, email, name, password_hash, must_change_password, is_admin, created_by),
  UPDATE (disabled) ON portal_users TO portal_user;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON portal_sessions TO portal_user;
--> statement-breakpoint
GRANT SELECT, INSERT (token_sha256, user_id, firm_id, purpose, expires_at) ON portal_user_tokens TO portal_user;
--> statement-breakpoint
-- A supervisor of the grid company reads the applications (the desk's screen); deciding goes through
-- portal_decide_firm.
GRANT SELECT ON portal_firms TO supervisor;
--> statement-breakpoint
ALTER TABLE portal_firms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE portal_users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE portal_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE portal_user_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY portal_firms_own ON portal_firms FOR SELECT TO portal_user USING (id = portal_current_firm());
--> statement-breakpoint
CREATE POLICY portal_firms_staff ON portal_firms FOR SELECT TO supervisor USING (true);
--> statement-breakpoint
-- A supervisor deciding an application sees who will administer the firm: the users' names and e-mails, nothing else.
GRANT SELECT (id, firm_id, email, name, is_admin, created_at) ON portal_users TO supervisor;
--> statement-breakpoint
CREATE POLICY portal_users_staff ON portal_users FOR SELECT TO supervisor USING (true);
--> statement-breakpoint
CREATE POLICY portal_users_own_firm ON portal_users FOR ALL TO portal_user
  USING (firm_id = portal_current_firm()) WITH CHECK (firm_id = portal_current_firm());
--> statement-breakpoint
CREATE POLICY portal_sessions_own_firm ON portal_sessions FOR ALL TO portal_user
  USING (firm_id = portal_current_firm()) WITH CHECK (firm_id = portal_current_firm());
--> statement-breakpoint
CREATE POLICY portal_user_tokens_own_firm ON portal_user_tokens FOR ALL TO portal_user
  USING (firm_id = portal_current_firm()) WITH CHECK (firm_id = portal_current_firm());
--> statement-breakpoint
-- Adding and disabling colleagues is the firm's administrators' work, whatever the service checked first. The user
-- acting is read by a definer function (a policy on portal_users cannot query portal_users itself).
CREATE FUNCTION portal_current_user_is_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM portal_users u JOIN portal_firms f ON f.id = u.firm_id
                  WHERE u.id = portal_current_user() AND u.firm_id = portal_current_firm()
                    AND u.is_admin AND NOT u.disabled AND f.state = 'approved')
$$;
--> statement-breakpoint
CREATE POLICY portal_users_admin_adds ON portal_users AS RESTRICTIVE FOR INSERT TO portal_user
  WITH CHECK (portal_current_user_is_admin());
--> statement-breakpoint
CREATE POLICY portal_users_admin_changes ON portal_users AS RESTRICTIVE FOR UPDATE TO portal_user
  USING (portal_current_user_is_admin());
--> statement-breakpoint
-- ── Across firms, for desk_service only ─────────────────────────────────────────────────────────────────────────
-- An application: the firm (named as DSB names it) and its first user, an administrator. The check digit is the
-- service's (electron/shared/rules/identifiers.ts); being active in the register is checked here too.
CREATE FUNCTION portal_apply_firm(p_org text, p_contact_email text, p_user_email text, p_user_name text,
  p_password_hash text)
RETURNS TABLE (firm_id uuid, firm_name text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  registered text;
  new_firm uuid;
BEGIN
  IF p_org !~ '^[0-9]{9}$' OR p_password_hash IS NULL OR p_password_hash !~ '^\$argon2id\$' THEN
    RAISE EXCEPTION USING ERRCODE = 'PT005', MESSAGE = 'portal:bad_input: organisation number or password hash';
  END IF;
  SELECT d.name INTO registered FROM dsb_register d WHERE d.organisation_number = p_org AND d.status = 'active';
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'PT001', MESSAGE = format('portal:not_in_dsb: %s is not active in the DSB register', p_org);
  END IF;
  IF EXISTS (SELECT 1 FROM portal_firms f WHERE f.organisation_number = p_org) THEN
    RAISE EXCEPTION USING ERRCODE = 'PT002', MESSAGE = format('portal:firm_exists: %s has applied already', p_org);
  END IF;
  IF EXISTS (SELECT 1 FROM portal_users u WHERE u.email = lower(p_user_email)) THEN
    RAISE EXCEPTION USING ERRCODE = 'PT003', MESSAGE = 'portal:email_taken: the e-mail address has a portal account';
  END IF;
  INSERT INTO portal_firms (organisation_number, name, contact_email) VALUES (p_org, registered, lower(p_contact_email))
  RETURNING id INTO new_firm;
  INSERT INTO portal_users (firm_id, email, name, password_hash, is_admin)
  VALUES (new_firm, lower(p_user_email), coalesce(p_user_name, ''), p_password_hash, true);
  RETURN QUERY SELECT new_firm, registered;
END $$;
--> statement-breakpoint
-- At login: the account for an e-mail address, with its hash, and whether it may log in now.
CREATE FUNCTION portal_login_candidate(p_email text)
RETURNS TABLE (user_id uuid, firm_id uuid, password_hash text, disabled boolean, firm_state text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.firm_id, u.password_hash, u.disabled, f.state
    FROM portal_users u JOIN portal_firms f ON f.id = u.firm_id
   WHERE u.email = lower(p_email)
$$;
--> statement-breakpoint
-- The user a session token (its SHA-256) names, if the session is live, the user enabled and the firm approved.
CREATE FUNCTION portal_session_of(p_token_sha256 text)
RETURNS TABLE (user_id uuid, firm_id uuid, email text, name text, is_admin boolean, must_change_password boolean,
  firm_name text, organisation_number text, expires_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.firm_id, u.email, u.name, u.is_admin, u.must_change_password, f.name, f.organisation_number,
         s.expires_at
    FROM portal_sessions s
    JOIN portal_users u ON u.id = s.user_id AND u.firm_id = s.firm_id
    JOIN portal_firms f ON f.id = s.firm_id
   WHERE s.token_sha256 = p_token_sha256 AND s.expires_at > now() AND NOT u.disabled AND f.state = 'approved'
$$;
--> statement-breakpoint
-- A password reset: stores the token for an enabled user of an approved firm (valid one hour) and answers whether
-- it did. The service answers the caller the same either way.
CREATE FUNCTION portal_request_reset(p_email text, p_token_sha256 text)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  account record;
BEGIN
  SELECT u.id, u.firm_id INTO account
    FROM portal_users u JOIN portal_firms f ON f.id = u.firm_id
   WHERE u.email = lower(p_email) AND NOT u.disabled AND f.state = 'approved';
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  INSERT INTO portal_user_tokens (token_sha256, user_id, firm_id, purpose, expires_at)
  VALUES (p_token_sha256, account.id, account.firm_id, 'password_reset', now() + interval '1 hour');
  RETURN true;
END $$;
--> statement-breakpoint
-- Uses a reset or invitation token once: sets the new password, ends the user's sessions, and answers the user's id
-- and e-mail; nothing when the token is unknown, used, expired, of another purpose, or its user can no longer log in.
CREATE FUNCTION portal_use_token(p_token_sha256 text, p_purpose text, p_password_hash text)
RETURNS TABLE (user_id uuid, email text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  used record;
BEGIN
  IF p_password_hash IS NULL OR p_password_hash !~ '^\$argon2id\$' THEN
    RAISE EXCEPTION USING ERRCODE = 'PT005', MESSAGE = 'portal:bad_input: password hash';
  END IF;
  UPDATE portal_user_tokens t SET used_at = now()
    FROM portal_users u, portal_firms f
   WHERE t.token_sha256 = p_token_sha256 AND t.purpose = p_purpose AND t.used_at IS NULL AND t.expires_at > now()
     AND u.id = t.user_id AND f.id = t.firm_id AND NOT u.disabled AND f.state = 'approved'
  RETURNING t.user_id, u.email INTO used;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  UPDATE portal_users SET password_hash = p_password_hash, must_change_password = false WHERE id = used.user_id;
  DELETE FROM portal_sessions WHERE portal_sessions.user_id = used.user_id;
  RETURN QUERY SELECT used.user_id, used.email;
END $$;
--> statement-breakpoint
-- A signed-in user's own password (the one the transaction names), e.g. after a temporary one.
CREATE FUNCTION portal_set_own_password(p_password_hash text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_password_hash IS NULL OR p_password_hash !~ '^\$argon2id\$' THEN
    RAISE EXCEPTION USING ERRCODE = 'PT005', MESSAGE = 'portal:bad_input: password hash';
  END IF;
  UPDATE portal_users SET password_hash = p_password_hash, must_change_password = false
   WHERE id = portal_current_user() AND firm_id = portal_current_firm() AND NOT disabled;
  RETURN FOUND;
END $$;
--> statement-breakpoint
-- ── The grid company decides ────────────────────────────────────────────────────────────────────────────────────
-- Only a supervisor, only an application still open; a refusal needs its reason. Stamps the supervisor and now().
CREATE FUNCTION portal_decide_firm(p_firm uuid, p_decision text, p_reason text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  current_state text;
BEGIN
  IF NOT desk_acts_as('supervisor') THEN
    RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'portal:not_supervisor: only a supervisor decides an application';
  END IF;
  IF p_decision NOT IN ('approved', 'refused') OR (p_decision = 'refused' AND coalesce(btrim(p_reason), '') = '') THEN
    RAISE EXCEPTION USING ERRCODE = 'PT005', MESSAGE = 'portal:bad_input: approved, or refused with a reason';
  END IF;
  SELECT state INTO current_state FROM portal_firms WHERE id = p_firm FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF current_state <> 'applied' THEN
    RAISE EXCEPTION USING ERRCODE = 'PT004', MESSAGE = format('portal:already_decided: the application is %s', current_state);
  END IF;
  UPDATE portal_firms SET state = p_decision, decided_at = now(), decided_by = desk_actor(),
    refusal_reason = CASE WHEN p_decision = 'refused' THEN btrim(p_reason) END
   WHERE id = p_firm;
  RETURN p_decision;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_current_user_is_admin(), portal_apply_firm(text, text, text, text, text),
  portal_login_candidate(text), portal_session_of(text), portal_request_reset(text, text),
  portal_use_token(text, text, text), portal_set_own_password(text), portal_decide_firm(uuid, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_current_user_is_admin(), portal_set_own_password(text) TO portal_user;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_apply_firm(text, text, text, text, text), portal_login_candidate(text),
  portal_session_of(text), portal_request_reset(text, text), portal_use_token(text, text, text) TO desk_service;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_decide_firm(uuid, text, text) TO supervisor;

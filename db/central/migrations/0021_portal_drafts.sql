-- The installers' portal, sending a message (issue 12, item 2): what feeds the form.
--   * portal_drafts: a form not yet sent, kept per firm and user so that it survives a reload and can be resumed on
--     another device. The form's JSON only, without the attachments' content (their names and kinds are kept so the
--     form can ask for them again): autosave runs as the installer types, often over a phone's connection, and the
--     files — up to 50 MiB, often with the owner's personal data — belong in the one store the importer sniffs and
--     keeps, not in a second one that outlives abandoned drafts. Only the user's own drafts are theirs to see, keyed
--     by portal_current_firm() and portal_current_user(); deleted when the message is sent. Not synced: desks never
--     see drafts, so no version clock.
--   * portal_lookup_installation: the installation facts the grid company holds from earlier cases, found by
--     metering point ID or by address and postcode, for any firm's installer (the installation is the grid company's
--     knowledge, not the earlier sender's): address, post town, municipality, cadastre, network system, phases, main
--     fuse, meter numbers and metering point IDs — never the owner, the sender, the case or its dates. A narrow
--     definer function, since portal_user reads only its own firm's cases; only portal_user may execute it.
--   * completeness_rules: the rule set in force, readable by portal_user (the form evaluates it as the desk does);
--     it holds no firm's data.

CREATE TABLE portal_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  firm_id uuid NOT NULL,
  user_id uuid NOT NULL,
  request_type text,
  -- What the list of drafts shows (the address typed so far); the service takes it from the form.
  title text NOT NULL DEFAULT '' CHECK (length(title) <= 200),
  form jsonb NOT NULL CHECK (jsonb_typeof(form) = 'object' AND octet_length(form::text) <= 262144),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (user_id, firm_id) REFERENCES portal_users (id, firm_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX portal_drafts_user ON portal_drafts (firm_id, user_id, updated_at DESC);
--> statement-breakpoint
REVOKE ALL ON portal_drafts FROM PUBLIC, case_handler, supervisor, reader, desk_service;
--> statement-breakpoint
GRANT SELECT, INSERT (firm_id, user_id, request_type, title, form), UPDATE (request_type, title, form, updated_at), DELETE
  ON portal_drafts TO portal_user;
--> statement-breakpoint
ALTER TABLE portal_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY portal_drafts_own ON portal_drafts FOR ALL TO portal_user
  USING (firm_id = portal_current_firm() AND user_id = portal_current_user())
  WITH CHECK (firm_id = portal_current_firm() AND user_id = portal_current_user());
--> statement-breakpoint
-- ── The rule set in force ───────────────────────────────────────────────────────────────────────────────────────
GRANT SELECT (request_type, rules) ON completeness_rules TO portal_user;
--> statement-breakpoint
-- ── Installation facts from earlier cases ───────────────────────────────────────────────────────────────────────
CREATE INDEX cases_metering_point_ids_gin ON cases USING gin (metering_point_ids jsonb_path_ops);
--> statement-breakpoint
CREATE INDEX cases_postcode_address ON cases (postcode, lower(address));
--> statement-breakpoint
-- The newest case that names the metering point (or the address at the postcode), rejected ones aside: what the
-- grid company last learnt of the installation. Nothing without an approved firm acting.
CREATE FUNCTION portal_lookup_installation(p_metering_point_id text, p_address text, p_postcode text)
RETURNS TABLE (address text, postcode text, post_town text, municipality_number text, gnr integer, bnr integer,
  fnr integer, snr integer, building_use text, network_system text, phases integer, main_fuse_a integer,
  meter_numbers jsonb, metering_point_ids jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.address, c.postcode, c.post_town, c.municipality_number, c.gnr, c.bnr, c.fnr, c.snr, c.building_use,
         c.network_system, c.phases, c.main_fuse_a, c.meter_numbers, c.metering_point_ids
    FROM cases c
   WHERE EXISTS (SELECT 1 FROM portal_firms f WHERE f.id = portal_current_firm() AND f.state = 'approved')
     AND c.status <> 'rejected'
     AND CASE WHEN p_metering_point_id IS NOT NULL
              THEN c.metering_point_ids @> jsonb_build_array(p_metering_point_id)
              ELSE c.postcode = p_postcode AND lower(c.address) = lower(btrim(p_address)) END
   ORDER BY c.submitted_at DESC, c.id DESC
   LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_lookup_installation(text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_lookup_installation(text, text, text) TO portal_user;

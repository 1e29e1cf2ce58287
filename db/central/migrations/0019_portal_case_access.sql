-- The installers' portal, part 3 (issue 12, item 7): what a firm's signed-in user may read of its own cases, kept by
-- PostgreSQL itself. The service reads for a firm as portal_user with portal.firm set (service/portal/portalSessions.ts
-- asFirm); these policies hold even where a route forgot a WHERE. A firm's case is one whose installer has the
-- firm's organisation number (portal_firm_case). Later parts add what they need on top (case history kinds, work
-- orders, deliveries), always through portal_firm_case.
--   * cases: every column but the claim (claimed_by, lease_until, claim_token) and the desk's internal decisions
--     (completeness_overrides, work_routing);
--   * attachments: the files sent with the firm's messages;
--   * outgoing_messages: what the grid company wrote to the installer on the firm's cases; not work orders, which go
--     to an area supplier (their portal view is the supplier firm's, not the installer's);
--   * attachments and case_events had no row-level security before: it is switched on here with policies that keep
--     every existing role's access as it was (the group roles read all; portal_submitter only for its firm).

CREATE FUNCTION portal_firm_case(p_case bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM cases c JOIN installers i ON i.id = c.installer_id
                   JOIN portal_firms f ON f.organisation_number = i.organisation_number
                  WHERE c.id = p_case AND f.id = portal_current_firm() AND f.state = 'approved')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_firm_case(bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_firm_case(bigint) TO portal_user, portal_submitter;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_firm_installer(bigint) TO portal_user;
--> statement-breakpoint
-- ── cases ───────────────────────────────────────────────────────────────────────────────────────────────────────
DO $$
DECLARE
  columns text;
BEGIN
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute
   WHERE attrelid = 'public.cases'::regclass AND attnum > 0 AND NOT attisdropped
     AND attname NOT IN ('claimed_by', 'lease_until', 'claim_token', 'completeness_overrides', 'work_routing');
  EXECUTE format('GRANT SELECT (%s) ON cases TO portal_user', columns);
END $$;
--> statement-breakpoint
CREATE POLICY cases_portal_user_read ON cases FOR SELECT TO portal_user USING (portal_firm_installer(installer_id));
--> statement-breakpoint
-- ── attachments ─────────────────────────────────────────────────────────────────────────────────────────────────
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY attachments_staff ON attachments FOR ALL TO case_handler, supervisor, reader, desk_service
  USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY attachments_portal_submitter ON attachments FOR ALL TO portal_submitter
  USING (portal_firm_case(case_id)) WITH CHECK (portal_firm_case(case_id));
--> statement-breakpoint
GRANT SELECT ON attachments TO portal_user;
--> statement-breakpoint
CREATE POLICY attachments_portal_user_read ON attachments FOR SELECT TO portal_user USING (portal_firm_case(case_id));
--> statement-breakpoint
-- ── case_events ─────────────────────────────────────────────────────────────────────────────────────────────────
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_events_staff ON case_events FOR ALL TO case_handler, supervisor, reader, desk_service
  USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_events_portal_submitter ON case_events FOR ALL TO portal_submitter
  USING (portal_firm_case(case_id)) WITH CHECK (portal_firm_case(case_id));
--> statement-breakpoint
-- ── outgoing_messages ───────────────────────────────────────────────────────────────────────────────────────────
GRANT SELECT ON outgoing_messages TO portal_user;
--> statement-breakpoint
CREATE POLICY outgoing_messages_portal_user_read ON outgoing_messages FOR SELECT TO portal_user
  USING (kind <> 'work_order' AND portal_firm_case(case_id));

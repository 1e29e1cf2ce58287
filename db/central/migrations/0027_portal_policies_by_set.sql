-- The portal's row-level security, set-based (issue 12; measured by `npm run bench`, portal.page_p95_ms): the
-- policies of 0019/0020 asked a definer function per row (portal_firm_installer, portal_firm_case), so a firm's case
-- list scanned every case of every firm and ran a query for each. The same rules, as "is in the firm's set": the
-- firm's installer ids and case ids come from one definer call per statement (the planner hashes the set, and the
-- index on cases.installer_id finds the firm's cases), whatever the number of cases in the database.
CREATE FUNCTION portal_firm_installer_ids() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.id FROM installers i JOIN portal_firms f ON f.organisation_number = i.organisation_number
   WHERE f.id = portal_current_firm() AND f.state = 'approved'
$$;
--> statement-breakpoint
CREATE FUNCTION portal_firm_case_ids() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.id FROM cases c WHERE c.installer_id IN (SELECT portal_firm_installer_ids())
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_firm_installer_ids(), portal_firm_case_ids() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_firm_installer_ids(), portal_firm_case_ids() TO portal_user;
--> statement-breakpoint
ALTER POLICY cases_portal_user_read ON cases USING (installer_id IN (SELECT portal_firm_installer_ids()));
--> statement-breakpoint
ALTER POLICY attachments_portal_user_read ON attachments USING (case_id IN (SELECT portal_firm_case_ids()));
--> statement-breakpoint
ALTER POLICY outgoing_messages_portal_user_read ON outgoing_messages
  USING (kind <> 'work_order' AND case_id IN (SELECT portal_firm_case_ids()));
--> statement-breakpoint
ALTER POLICY case_events_portal_user_read ON case_events
  USING (kind IN ('received', 'supplement_received', 'completion_notice_received', 'completeness_reached',
    'status_changed') AND case_id IN (SELECT portal_firm_case_ids()));

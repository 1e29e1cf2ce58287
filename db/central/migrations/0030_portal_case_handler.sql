-- Who handles a case, as the portal shows it (issue 12, item 3): the assigned case handler, or — where nobody is
-- assigned, as when a handler takes a case from the queue — the one working on it now. Before, a case handled from
-- start to end by someone who took it showed "Ikke tildelt" to the installer throughout.
CREATE OR REPLACE FUNCTION portal_case_handler(p_case bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.display_name FROM cases c JOIN app_users u ON u.id = coalesce(c.assignee_id, c.claimed_by)
   WHERE c.id = p_case AND portal_firm_case(p_case)
$$;

-- Assignment (issue 6): assignment rules kept by supervisors, and a case handler's self-service on free cases.
--
-- Who may assign, as PostgreSQL enforces it: only a supervisor holds UPDATE (assignee_id) on cases (0002), so a
-- case handler's UPDATE of assignee_id is refused with 42501 whatever the value. A case handler may still take a
-- FREE case for themself or give up their own (what fetch_next_case and `canAssign` allow), through
-- take_free_case / release_own_case below: they touch only that one column, only for session_user, and refuse
-- (42501 desk:assign_not_allowed) a case that is someone else's.
CREATE TABLE "assignment_rules" (
	"criterion" text NOT NULL CHECK ("criterion" IN ('municipality', 'request_type')),
	"value" text NOT NULL,
	"assignee_id" text REFERENCES "app_users"("id"),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT session_user NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "assignment_rules_criterion_value_pk" PRIMARY KEY("criterion","value")
);
--> statement-breakpoint
CREATE INDEX "assignment_rules_version" ON "assignment_rules" USING btree ("version","criterion","value");
--> statement-breakpoint
CREATE TRIGGER assignment_rules_take_version BEFORE INSERT OR UPDATE ON assignment_rules
  FOR EACH STATEMENT EXECUTE FUNCTION desk_take_version();
--> statement-breakpoint
CREATE TRIGGER assignment_rules_set_version BEFORE INSERT OR UPDATE ON assignment_rules
  FOR EACH ROW EXECUTE FUNCTION desk_set_version();
--> statement-breakpoint
CREATE TRIGGER assignment_rules_notify AFTER INSERT OR UPDATE ON assignment_rules
  FOR EACH STATEMENT EXECUTE FUNCTION desk_notify_changes();
--> statement-breakpoint
-- Who changed a rule and when is always the writer and now, whatever the statement said. A rule assigns only to an
-- active case handler or supervisor (a reader cannot work a case, an inactive user would never see it); an unknown
-- one is the foreign key's to refuse (23503). Errors: 23514 desk:assignee_not_eligible.
CREATE FUNCTION assignment_rules_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM app_users WHERE id = NEW.assignee_id
               AND NOT (active AND role IN ('case_handler', 'supervisor'))) THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('desk:assignee_not_eligible: %s is not an active case handler or supervisor', NEW.assignee_id);
  END IF;
  NEW.updated_by := session_user;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER assignment_rules_stamp BEFORE INSERT OR UPDATE ON assignment_rules
  FOR EACH ROW EXECUTE FUNCTION assignment_rules_stamp();
--> statement-breakpoint
GRANT SELECT ON assignment_rules TO case_handler, supervisor, reader;
--> statement-breakpoint
GRANT INSERT (criterion, value, assignee_id), UPDATE (assignee_id) ON assignment_rules TO supervisor;
--> statement-breakpoint
-- A case handler takes a free case for themself (p_take) or gives up their own. SECURITY DEFINER so that it can
-- write the one column the caller holds no privilege on; session_user stays the caller, so the audit trigger
-- records them as the actor. Errors: 42501 desk:assign_not_allowed, DK005 desk:case_not_found.
CREATE FUNCTION assign_self(p_case_id bigint, p_take boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  current_assignee text;
BEGIN
  IF NOT (pg_has_role(session_user, 'case_handler', 'MEMBER') OR pg_has_role(session_user, 'supervisor', 'MEMBER')) THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:assign_not_allowed: %s may not take cases', session_user);
  END IF;
  SELECT assignee_id INTO current_assignee FROM cases WHERE id = p_case_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'DK005', MESSAGE = format('desk:case_not_found: case %s', p_case_id);
  END IF;
  -- Taking one's own case again, or giving up a case nobody has, changes nothing and is no error.
  IF p_take AND current_assignee IS NULL THEN
    UPDATE cases SET assignee_id = session_user WHERE id = p_case_id;
  ELSIF NOT p_take AND current_assignee = session_user THEN
    UPDATE cases SET assignee_id = NULL WHERE id = p_case_id;
  ELSIF current_assignee IS DISTINCT FROM (CASE WHEN p_take THEN session_user::text END) THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:assign_not_allowed: case %s is assigned to %s; only a supervisor reassigns it',
        p_case_id, coalesce(current_assignee, 'nobody'));
  END IF;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION assign_self(bigint, boolean) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION assign_self(bigint, boolean) TO case_handler, supervisor;

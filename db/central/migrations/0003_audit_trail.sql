-- The audit trail, written by the database itself. Clients never insert case events: the triggers below record
-- what changed, naming session_user — the person's own login, which a client cannot choose or fake (SET ROLE
-- changes current_user, not session_user). The functions run as the owner (SECURITY DEFINER) because the app's
-- roles have no INSERT on case_events. The `data` shapes are those of the local mutations:
--   status_changed {"from","to"[,"reason"]}  assigned {"from","to"[,"via":"fetchNext"]}  note_added {"noteId","excerpt"}
-- A rejection's reason travels with the status change as `SET LOCAL desk.status_reason = '…'`.
CREATE FUNCTION cases_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  reason text := nullif(current_setting('desk.status_reason', true), '');
  data jsonb;
BEGIN
  IF NEW.assignee_id IS DISTINCT FROM OLD.assignee_id THEN
    data := jsonb_build_object('from', OLD.assignee_id, 'to', NEW.assignee_id);
    -- Only fetch_next_case assigns and grants a claim in one statement.
    IF NEW.claim_token <> OLD.claim_token THEN
      data := data || jsonb_build_object('via', 'fetchNext');
    END IF;
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.id, session_user, 'assigned', data);
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    data := jsonb_build_object('from', OLD.status, 'to', NEW.status);
    IF reason IS NOT NULL THEN
      data := data || jsonb_build_object('reason', reason);
    END IF;
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.id, session_user, 'status_changed', data);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cases_audit AFTER UPDATE OF status, assignee_id ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_audit();
--> statement-breakpoint
CREATE FUNCTION notes_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO case_events (case_id, actor_id, kind, data)
  VALUES (NEW.case_id, session_user, 'note_added', jsonb_build_object('noteId', NEW.id, 'excerpt', left(NEW.body, 200)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER notes_audit AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION notes_audit();
--> statement-breakpoint
-- Nobody changes history: the app's roles have no UPDATE, DELETE, TRUNCATE or INSERT on case_events (privilege
-- error 42501), and these triggers refuse the owner as well (DK004), so a slip in a maintenance script cannot
-- rewrite the trail either. Only dropping the triggers — a schema change, itself visible — would.
CREATE FUNCTION case_events_immutable() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'DK004',
    MESSAGE = format('desk:audit_immutable: case events cannot be changed (%s refused)', TG_OP);
END $$;
--> statement-breakpoint
CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_immutable();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_events_immutable();
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_events FROM PUBLIC, case_handler, supervisor, reader;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cases_audit(), notes_audit(), case_events_immutable() FROM PUBLIC;

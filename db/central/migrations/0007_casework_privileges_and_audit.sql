-- Casework (issue 4): the new tables join the version clock, the app's roles get exactly the columns the casework
-- mutations write, and the audit trail records the new kinds of change. Event `data` shapes (the local mutations
-- write the same, so an optimistic event and the central one read alike):
--   status_changed        {"from","to"[,"reason"][,"rule"][,"conditions":[…]]}
--   completeness_overridden {"item","reason"}
--   completeness_reached  {"dueDate"}
--   routing_decided       {"workKind","performer","supplierId"}
--   message_queued        {"messageId","kind","subject"}
-- A rule's name travels with a status change as `SET LOCAL desk.status_rule = '…'` (like desk.status_reason).
DO $$
DECLARE
  synced text;
BEGIN
  FOREACH synced IN ARRAY ARRAY['outgoing_messages', 'dsb_register', 'company_settings', 'completeness_rules',
    'import_quarantine']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION desk_take_version()',
      synced || '_take_version', synced);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION desk_set_version()',
      synced || '_set_version', synced);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION desk_notify_changes()',
      synced || '_notify', synced);
  END LOOP;
END $$;
--> statement-breakpoint
GRANT SELECT ON outgoing_messages, dsb_register, company_settings, completeness_rules, import_quarantine
  TO case_handler, supervisor, reader;
--> statement-breakpoint
GRANT UPDATE (approval_conditions, decision_reason, completeness_overrides, work_routing, supplement_changes,
  clock_paused_on)
  ON cases TO case_handler, supervisor;
--> statement-breakpoint
-- created_by and created_at take their defaults (session_user, now()); the policy refuses anyone else's name.
GRANT INSERT (id, case_id, kind, recipient, subject, body, items) ON outgoing_messages TO case_handler, supervisor;
--> statement-breakpoint
ALTER TABLE outgoing_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outgoing_messages_visible ON outgoing_messages FOR SELECT TO case_handler, supervisor, reader USING (true);
--> statement-breakpoint
CREATE POLICY outgoing_messages_own_name ON outgoing_messages FOR INSERT TO case_handler, supervisor
  WITH CHECK (created_by = session_user);
--> statement-breakpoint
-- Company practice (due days, completeness rules, auto-approval) is the supervisors' to change.
GRANT INSERT, UPDATE ON company_settings, completeness_rules TO supervisor;
--> statement-breakpoint
-- A quarantined record is fixed in the app and marked ready; the importer (the owner) imports it again.
GRANT UPDATE (raw, state, resolved_at, resolved_by) ON import_quarantine TO case_handler, supervisor;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  reason text := nullif(current_setting('desk.status_reason', true), '');
  rule text := nullif(current_setting('desk.status_rule', true), '');
  data jsonb;
  item record;
  old_items jsonb;
  new_items jsonb;
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
    IF rule IS NOT NULL THEN
      data := data || jsonb_build_object('rule', rule);
    END IF;
    IF NEW.status = 'approved' AND NEW.approval_conditions <> '[]' THEN
      data := data || jsonb_build_object('conditions', NEW.approval_conditions::jsonb);
    END IF;
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.id, session_user, 'status_changed', data);
  END IF;
  IF NEW.completeness_overrides IS DISTINCT FROM OLD.completeness_overrides THEN
    old_items := OLD.completeness_overrides::jsonb;
    new_items := NEW.completeness_overrides::jsonb;
    FOR item IN SELECT key, value FROM jsonb_each(new_items) ORDER BY key LOOP
      IF old_items -> item.key IS DISTINCT FROM item.value THEN
        INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.id, session_user, 'completeness_overridden',
          jsonb_build_object('item', item.key, 'reason', item.value ->> 'reason'));
      END IF;
    END LOOP;
  END IF;
  IF OLD.complete_at IS NULL AND NEW.complete_at IS NOT NULL THEN
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.id, session_user, 'completeness_reached',
      jsonb_build_object('dueDate', NEW.due_date));
  END IF;
  IF NEW.work_routing IS DISTINCT FROM OLD.work_routing THEN
    old_items := OLD.work_routing::jsonb;
    new_items := NEW.work_routing::jsonb;
    FOR item IN SELECT key, value FROM jsonb_each(new_items) ORDER BY key LOOP
      IF old_items -> item.key IS DISTINCT FROM item.value THEN
        INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.id, session_user, 'routing_decided',
          jsonb_build_object('workKind', item.key, 'performer', item.value -> 'performer',
            'supplierId', item.value -> 'supplierId'));
      END IF;
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER cases_audit ON cases;
--> statement-breakpoint
CREATE TRIGGER cases_audit AFTER UPDATE OF status, assignee_id, completeness_overrides, complete_at, work_routing
  ON cases FOR EACH ROW EXECUTE FUNCTION cases_audit();
--> statement-breakpoint
CREATE FUNCTION outgoing_messages_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO case_events (case_id, actor_id, kind, data)
  VALUES (NEW.case_id, session_user, 'message_queued',
    jsonb_build_object('messageId', NEW.id, 'kind', NEW.kind, 'subject', NEW.subject));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER outgoing_messages_audit AFTER INSERT ON outgoing_messages
  FOR EACH ROW EXECUTE FUNCTION outgoing_messages_audit();
--> statement-breakpoint
REVOKE ALL ON FUNCTION outgoing_messages_audit() FROM PUBLIC;

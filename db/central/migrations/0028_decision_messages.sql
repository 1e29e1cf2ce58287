-- Every decision is told (issue 13, item 2): approval, rejection and referral to a developer project each write
-- their message to the installer in the decision's transaction. The referral is a new kind of outgoing message
-- (domain.ts OUTGOING_MESSAGE_KINDS); approval and rejection were already known. The portal reads every kind but
-- work orders (0027), and the delivery triggers (0022) deliver it to the firm like the others.
ALTER TABLE outgoing_messages DROP CONSTRAINT outgoing_messages_kind_known;
--> statement-breakpoint
ALTER TABLE outgoing_messages ADD CONSTRAINT outgoing_messages_kind_known CHECK (kind IN ('information_request',
  'approval', 'rejection', 'developer_referral', 'start_approval', 'work_order'));
--> statement-breakpoint
-- A decision the importer takes by a rule (simple work at a metering point approved automatically, a developer
-- project recognised; core/import/messagePlans.ts) is told like a person's. The importer acts as portal_submitter,
-- which may not write messages: it stores this one message through here, only for the decision just taken by a
-- rule (the case stands where it put it, its last change of status names the rule) and only once per case and kind.
CREATE FUNCTION queue_rule_decision_message(p_case bigint, p_message uuid, p_kind text, p_recipient text,
  p_subject text, p_body text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  decided text;
BEGIN
  SELECT c.status INTO decided FROM cases c WHERE c.id = p_case
     AND ((p_kind = 'approval' AND c.status = 'approved') OR (p_kind = 'developer_referral' AND c.status = 'developer_project'))
     AND (SELECT e.data ? 'rule' AND e.data ->> 'to' = c.status FROM case_events e
           WHERE e.case_id = c.id AND e.kind = 'status_changed' ORDER BY e.id DESC LIMIT 1)
     AND NOT EXISTS (SELECT 1 FROM outgoing_messages m WHERE m.case_id = c.id AND m.kind = p_kind);
  IF decided IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:rule_decision_message_refused: case %s has no %s decided by a rule to tell', p_case, p_kind);
  END IF;
  INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items)
  VALUES (p_message, p_case, p_kind, p_recipient, p_subject, p_body, '[]');
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION queue_rule_decision_message(bigint, uuid, text, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION queue_rule_decision_message(bigint, uuid, text, text, text, text) TO portal_submitter;

-- The ferdigmelding answered (issue 13, item 8): a notice the grid company cannot take (no samsvarserklæring, a
-- meter without its reading, a case not in a status that takes one) is recorded on the case and answered to the
-- installer with the reasons, in the import's transaction — a new kind of outgoing message (domain.ts
-- OUTGOING_MESSAGE_KINDS, rules/completionNotice.ts). The portal reads every kind but work orders (0027) and the
-- delivery triggers (0022) deliver it to the firm like the others. Whether work may be ordered (rules/workRelease.ts)
-- is checked by the service's applier (sync/workOrderAppliers.ts) from rows it already reads: no schema change.
-- MERGE NOTE: other migrations of issue 13 may add kinds here too; the list must be the union of all of them.
ALTER TABLE outgoing_messages DROP CONSTRAINT outgoing_messages_kind_known;
--> statement-breakpoint
ALTER TABLE outgoing_messages ADD CONSTRAINT outgoing_messages_kind_known CHECK (kind IN ('information_request',
  'approval', 'rejection', 'developer_referral', 'start_approval', 'work_order', 'withdrawal', 'cancellation', 'closure',
  'completion_refused'));
--> statement-breakpoint
-- A ferdigmelding a case handler discards from the quarantine is answered to its installer with the handler's reason,
-- like one the importer refuses. The handler holds no claim on the case (the message is the quarantine's, not
-- casework), so the message comes through here: only for a record of kind completion_notice discarded in this very
-- transaction (its resolved_at is now()), on the case the record names. created_by stays the caller.
-- Errors: 42501 desk:completion_answer_refused.
CREATE FUNCTION answer_discarded_completion(p_quarantine text, p_message uuid, p_recipient text, p_subject text,
  p_body text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  record_text text;
  named_case bigint;
BEGIN
  SELECT q.raw INTO record_text FROM import_quarantine q
   WHERE q.id::text = p_quarantine AND q.state = 'discarded' AND q.resolved_at = now();
  -- The application parsed the record as a JSON object before asking (import/completionRefusal.ts).
  IF record_text IS NOT NULL AND left(ltrim(record_text), 1) = '{' THEN
    SELECT c.id INTO named_case FROM cases c
     WHERE record_text::jsonb ->> 'kind' = 'completion_notice'
       AND (c.case_number = record_text::jsonb ->> 'caseNumber' OR c.message_id = record_text::jsonb ->> 'caseMessageId')
     LIMIT 1;
  END IF;
  IF named_case IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:completion_answer_refused: quarantine record %s is no ferdigmelding discarded now', p_quarantine);
  END IF;
  INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items)
  VALUES (p_message, named_case, 'completion_refused', p_recipient, p_subject, p_body, '[]');
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION answer_discarded_completion(text, uuid, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION answer_discarded_completion(text, uuid, text, text, text) TO case_handler, supervisor;

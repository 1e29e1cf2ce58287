-- Every case can end (issue 13, items 1 and 2). Why a closed case ended (rules/caseClosure.ts CLOSURE_REASONS; the
-- words stay in decision_reason) and a cancelled agreement's costs already incurred, in øre; the same columns in the
-- desks' caches (local 0016). The people's endings are mutations like any decision (sync/centralAppliers.ts), so
-- the groups may write the two columns. Withdrawal, cancellation and closure are new kinds of outgoing message.
ALTER TABLE cases ADD COLUMN closure_reason text;
--> statement-breakpoint
ALTER TABLE cases ADD COLUMN cancellation_costs_ore bigint;
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_closure_reason_known CHECK (closure_reason IS NULL OR closure_reason IN (
  'completed', 'owner_declined', 'offer_expired', 'withdrawn_by_installer', 'withdrawn_by_owner', 'duplicate', 'other',
  'rejected', 'developer_project'));
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_cancellation_costs_not_negative CHECK (cancellation_costs_ore IS NULL OR cancellation_costs_ore >= 0);
--> statement-breakpoint
GRANT UPDATE (closure_reason, cancellation_costs_ore) ON cases TO case_handler, supervisor;
--> statement-breakpoint
-- The portal shows a firm why its case ended (portal_user reads chosen columns only, 0019).
GRANT SELECT (closure_reason) ON cases TO portal_user;
--> statement-breakpoint
ALTER TABLE outgoing_messages DROP CONSTRAINT outgoing_messages_kind_known;
--> statement-breakpoint
ALTER TABLE outgoing_messages ADD CONSTRAINT outgoing_messages_kind_known CHECK (kind IN ('information_request',
  'approval', 'rejection', 'developer_referral', 'start_approval', 'work_order', 'withdrawal', 'cancellation', 'closure'));
--> statement-breakpoint
-- The endings no person takes at the desk: the installer withdraws in the portal (as portal_submitter for its firm),
-- the owner declines the offer in the portal (as portal_owner for the verified offer's case), the service's sweep
-- closes an offer past its validity (as supervisor, named system:offer-expiry). The service makes the message's
-- words (casework/centralEnding.ts, the desk's words); this function holds each party to its own ending, the status
-- table (rules/caseStatus.ts: withdraw from the open statuses, declineOffer and expireOffer from offer_sent) and the
-- message kind that ending writes (rules/closureMessages.ts), then closes the case and stores the message in one go.
-- The audit trigger writes status_changed with the words as its reason; the delivery triggers (0022) deliver it.
CREATE FUNCTION close_case_for_party(p_case bigint, p_party text, p_words text, p_message uuid, p_kind text,
  p_recipient text, p_subject text, p_body text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  caller text := current_setting('role');
  found_case record;
  reason text;
  expected_kind text;
  -- Withdrawable until the ferdigmelding (rules/caseClosure.ts WITHDRAWABLE_STATUSES).
  open_statuses constant text[] := ARRAY['new', 'in_review', 'waiting_for_info', 'approved', 'offer_sent',
    'offer_accepted', 'invoice_sent', 'paid', 'developer_project'];
  accepted_statuses constant text[] := ARRAY['offer_accepted', 'invoice_sent', 'paid'];
  allowed boolean;
BEGIN
  SELECT c.id, c.status, c.installer_id INTO found_case FROM cases c WHERE c.id = p_case FOR UPDATE;
  IF p_party = 'installer' THEN
    allowed := caller = 'portal_submitter' AND found_case.id IS NOT NULL AND portal_firm_installer(found_case.installer_id)
      AND found_case.status = ANY (open_statuses);
    reason := 'withdrawn_by_installer';
    expected_kind := CASE WHEN found_case.status = ANY (accepted_statuses) THEN 'cancellation' ELSE 'withdrawal' END;
  ELSIF p_party = 'owner' THEN
    allowed := caller = 'portal_owner' AND found_case.id IS NOT NULL AND p_case = owner_offer_case()
      AND found_case.status = 'offer_sent';
    reason := 'owner_declined';
    expected_kind := 'closure';
  ELSIF p_party = 'expiry' THEN
    allowed := found_case.status = 'offer_sent' AND EXISTS (SELECT 1 FROM offers o WHERE o.case_id = p_case
      AND o.state = 'issued' AND o.valid_until < (now() AT TIME ZONE 'Europe/Oslo')::date);
    reason := 'offer_expired';
    expected_kind := 'closure';
  ELSE
    allowed := false;
  END IF;
  IF NOT coalesce(allowed, false) OR p_kind IS DISTINCT FROM expected_kind THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:party_closure_refused: %s may not close case %s (status %s) with a %s message', p_party,
        p_case, coalesce(found_case.status, 'none'), p_kind);
  END IF;
  PERFORM set_config('desk.status_reason', coalesce(p_words, ''), true);
  UPDATE cases SET status = 'closed', closure_reason = reason, decision_reason = p_words, cancellation_costs_ore = NULL
   WHERE id = p_case;
  INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items)
  VALUES (p_message, p_case, p_kind, p_recipient, p_subject, p_body, '[]');
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION close_case_for_party(bigint, text, text, uuid, text, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION close_case_for_party(bigint, text, text, uuid, text, text, text, text)
  TO portal_submitter, portal_owner, supervisor;

-- Every decision is told (issue 13, item 2): approval, rejection and referral to a developer project each write
-- their message to the installer in the decision's transaction. The referral is a new kind of outgoing message
-- (domain.ts OUTGOING_MESSAGE_KINDS); approval and rejection were already known. The portal reads every kind but
-- work orders (0027), and the delivery triggers (0022) deliver it to the firm like the others.
ALTER TABLE outgoing_messages DROP CONSTRAINT outgoing_messages_kind_known;
--> statement-breakpoint
ALTER TABLE outgoing_messages ADD CONSTRAINT outgoing_messages_kind_known CHECK (kind IN ('information_request',
  'approval', 'rejection', 'developer_referral', 'start_approval', 'work_order'));

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
  'approval', 'rejection', 'developer_referral', 'start_approval', 'work_order', 'completion_refused'));

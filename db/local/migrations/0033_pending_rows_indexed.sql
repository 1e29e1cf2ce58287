-- The desk's own (optimistic) rows are looked for after every pull, idle ones included (core/sync/rebase.ts,
-- dropSettledOptimisticRows): outgoing messages and work orders were the two tables a local change adds rows to
-- without an index on them, so each look read the whole table. Partial, as the others: only the handful of rows
-- waiting for the service are in it.
CREATE INDEX IF NOT EXISTS `outgoing_messages_pending` ON `outgoing_messages` (`pending_seq`) WHERE pending_seq IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `work_orders_pending` ON `work_orders` (`pending_seq`) WHERE pending_seq IS NOT NULL;

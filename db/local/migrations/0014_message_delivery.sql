-- How each outgoing message reached its receiver (issue 12, item 6): the central service's message_deliveries,
-- pulled as they are (one row per message and channel: 'portal' delivered at once, 'email' queued → sent or
-- failed, with attempts and the last error; read_at when the firm first read it). Central only: standalone, no row
-- is ever written, and the case view says the message was not sent.
CREATE TABLE `message_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`message_id` text,
	`offer_id` text,
	`case_id` integer NOT NULL,
	`channel` text NOT NULL,
	`notice` text NOT NULL,
	`recipient` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 8 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text,
	`read_at` text
);
--> statement-breakpoint
CREATE INDEX `message_deliveries_message` ON `message_deliveries` (`message_id`);
--> statement-breakpoint
CREATE INDEX `message_deliveries_case` ON `message_deliveries` (`case_id`);

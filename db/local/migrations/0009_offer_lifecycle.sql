-- After the offer (issue 5, item 4): each step of the offer's billing — sent, accepted, invoice sent, paid — whether
-- a person took it at the desk or the billing system's file reported it. A row from the file that could not be
-- applied (an amount that does not match the offer, an unknown or superseded offer version, a step the case is not
-- ready for) is kept with outcome 'flagged' until a person has looked at it.
CREATE TABLE `billing_events` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`offer_id` text,
	`offer_version` integer,
	`kind` text NOT NULL,
	`amount_ore` integer,
	`occurred_on` text NOT NULL,
	`reference` text,
	`source` text NOT NULL,
	`outcome` text NOT NULL,
	`flag_code` text,
	`flag_params` text DEFAULT '{}' NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`pending_seq` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `billing_events_case` ON `billing_events` (`case_id`,`recorded_at`);
--> statement-breakpoint
CREATE INDEX `billing_events_open_flags` ON `billing_events` (`case_id`) WHERE outcome = 'flagged' AND resolved_at IS NULL;
--> statement-breakpoint
CREATE INDEX `billing_events_pending` ON `billing_events` (`pending_seq`) WHERE pending_seq IS NOT NULL;
--> statement-breakpoint
-- The queue's "offers past their validity" reads each case's issued offer by this index.
CREATE INDEX `offers_issued_case` ON `offers` (`case_id`,`valid_until`) WHERE state = 'issued';
--> statement-breakpoint
CREATE INDEX `outgoing_messages_kind_case` ON `outgoing_messages` (`kind`,`case_id`);

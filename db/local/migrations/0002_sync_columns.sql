PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`at` text NOT NULL,
	`body` text NOT NULL,
	`pending_seq` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_notes`("id", "case_id", "author_id", "at", "body", "pending_seq") SELECT CAST("id" AS TEXT), "case_id", "author_id", "at", "body", NULL FROM `notes`;--> statement-breakpoint
DROP TABLE `notes`;--> statement-breakpoint
ALTER TABLE `__new_notes` RENAME TO `notes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notes_case` ON `notes` (`case_id`,`at`);--> statement-breakpoint
ALTER TABLE `case_events` ADD `pending_seq` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `lease_until` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `claim_token` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `precondition` text DEFAULT '{}' NOT NULL;
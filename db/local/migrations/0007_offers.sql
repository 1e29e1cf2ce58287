CREATE TABLE `offers` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`offer_version` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`price_list_id` text NOT NULL,
	`price_list_version` integer NOT NULL,
	`lines` text DEFAULT '[]' NOT NULL,
	`connection_fee_deduction_ore` integer DEFAULT 0 NOT NULL,
	`totals` text DEFAULT '{}' NOT NULL,
	`valid_until` text,
	`issued_at` text,
	`issued_by` text,
	`pdf_sha256` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offers_case_version` ON `offers` (`case_id`,`offer_version`);--> statement-breakpoint
CREATE TABLE `price_lists` (
	`id` text NOT NULL,
	`list_version` integer NOT NULL,
	`name` text NOT NULL,
	`effective_from` text NOT NULL,
	`currency` text NOT NULL,
	`validity` text NOT NULL,
	`payment_terms` integer NOT NULL,
	`body` text NOT NULL,
	`loaded_at` text NOT NULL,
	PRIMARY KEY(`id`, `list_version`)
);

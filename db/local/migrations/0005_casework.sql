CREATE TABLE `company_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `completeness_rules` (
	`request_type` text PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dsb_register` (
	`organisation_number` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`registration_id` text,
	`status` text NOT NULL,
	`as_of` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_quarantine` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`message_id` text,
	`received_at` text NOT NULL,
	`raw` text NOT NULL,
	`reasons` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`resolved_at` text,
	`resolved_by` text
);
--> statement-breakpoint
CREATE INDEX `import_quarantine_state` ON `import_quarantine` (`state`,`received_at`);--> statement-breakpoint
CREATE TABLE `incoming_messages` (
	`message_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`case_id` integer,
	`received_at` text NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outgoing_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`items` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`delivery_state` text DEFAULT 'queued' NOT NULL,
	`delivered_at` text,
	`pending_seq` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outgoing_messages_case` ON `outgoing_messages` (`case_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `approval_conditions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `decision_reason` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `completeness_overrides` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `work_routing` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `supplement_changes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `clock_paused_on` text;
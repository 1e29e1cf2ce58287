CREATE TABLE `area_supplier_municipalities` (
	`supplier_id` integer NOT NULL,
	`municipality_number` text NOT NULL,
	PRIMARY KEY(`supplier_id`, `municipality_number`),
	FOREIGN KEY (`supplier_id`) REFERENCES `area_suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_number`) REFERENCES `municipalities`(`number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `area_suppliers` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_number` text NOT NULL,
	`name` text NOT NULL,
	`contact_person` text,
	`email` text,
	`phone` text
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`received_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_case` ON `attachments` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor_id` text NOT NULL,
	`kind` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`message_id` text NOT NULL,
	`request_type` text NOT NULL,
	`status` text NOT NULL,
	`submitted_at` text NOT NULL,
	`complete_at` text,
	`due_date` text,
	`assignee_id` text,
	`address` text NOT NULL,
	`postcode` text NOT NULL,
	`post_town` text NOT NULL,
	`municipality_number` text NOT NULL,
	`gnr` integer,
	`bnr` integer,
	`fnr` integer,
	`snr` integer,
	`building_use` text NOT NULL,
	`network_system` text NOT NULL,
	`phases` integer NOT NULL,
	`main_fuse_a` integer,
	`meter_fuse_a` integer,
	`expected_power_kw` real,
	`expected_energy_kwh` real,
	`ev_charging_a` integer,
	`unit_count` integer DEFAULT 1 NOT NULL,
	`metering_point_ids` text DEFAULT '[]' NOT NULL,
	`meter_numbers` text DEFAULT '[]' NOT NULL,
	`has_production` integer DEFAULT false NOT NULL,
	`production_kw` real,
	`inverter` text,
	`battery_kwh` real,
	`owner_name` text NOT NULL,
	`owner_id_kind` text NOT NULL,
	`owner_national_id` text,
	`owner_organisation_number` text,
	`owner_email` text,
	`owner_phone` text,
	`installer_id` integer NOT NULL,
	`installer_contact` text,
	`wanted_start_date` text,
	`wanted_connection_date` text,
	`free_text` text,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`installer_id`) REFERENCES `installers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_number` ON `cases` (`case_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_message_id` ON `cases` (`message_id`);--> statement-breakpoint
CREATE INDEX `cases_submitted` ON `cases` (`submitted_at`);--> statement-breakpoint
CREATE INDEX `cases_status_submitted` ON `cases` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `cases_type_submitted` ON `cases` (`request_type`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `cases_municipality_submitted` ON `cases` (`municipality_number`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `cases_assignee_submitted` ON `cases` (`assignee_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `cases_due` ON `cases` (`due_date`);--> statement-breakpoint
CREATE INDEX `cases_installer` ON `cases` (`installer_id`);--> statement-breakpoint
CREATE INDEX `cases_fetch_next` ON `cases` (`complete_at`) WHERE assignee_id IS NULL AND status = 'new' AND complete_at IS NOT NULL;--> statement-breakpoint
CREATE TABLE `installers` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_number` text NOT NULL,
	`name` text NOT NULL,
	`dsb_registration_id` text,
	`dsb_status` text,
	`email` text,
	`phone` text,
	`contact_person` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `installers_org_number` ON `installers` (`organisation_number`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `municipalities` (
	`number` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`at` text NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notes_case` ON `notes` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` text NOT NULL,
	`mutation` text NOT NULL,
	`args` text NOT NULL,
	`case_id` integer,
	`actor_id` text NOT NULL,
	`created_at` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`rejection` text
);
--> statement-breakpoint
CREATE TABLE `prequalifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`installer_id` integer NOT NULL,
	`category` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	FOREIGN KEY (`installer_id`) REFERENCES `installers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prequalifications_installer` ON `prequalifications` (`installer_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`email` text,
	`active` integer DEFAULT true NOT NULL
);

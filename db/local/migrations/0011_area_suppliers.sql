-- Area suppliers' framework agreements (the work each takes, with its due time in working days, as JSON
-- `{"<workKind>": days}`) and the work orders placed with them (issue 6). Suppliers registered before this
-- migration keep being proposed for every work an agreement can name, as they were.
ALTER TABLE `area_suppliers` ADD `agreement_work` text DEFAULT '{}' NOT NULL;
--> statement-breakpoint
UPDATE `area_suppliers` SET `agreement_work` = '{"service_cable_connection":10,"direct_meter_mounting":5,"construction_power_connection":5,"uninsulated_cabinet_work":10}';
--> statement-breakpoint
CREATE UNIQUE INDEX `area_suppliers_org_number` ON `area_suppliers` (`organisation_number`);
--> statement-breakpoint
CREATE TABLE `work_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`supplier_id` integer NOT NULL,
	`work_kind` text NOT NULL,
	`status` text DEFAULT 'ordered' NOT NULL,
	`agreement_days` integer NOT NULL,
	`due_date` text NOT NULL,
	`ordered_at` text NOT NULL,
	`ordered_by` text NOT NULL,
	`accepted_at` text,
	`accepted_by` text,
	`done_at` text,
	`done_by` text,
	`message_id` text,
	`pdf_sha256` text,
	`pending_seq` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `area_suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- One order per work on a case.
CREATE UNIQUE INDEX `work_orders_case_work` ON `work_orders` (`case_id`,`work_kind`);
--> statement-breakpoint
CREATE INDEX `work_orders_open_due` ON `work_orders` (`due_date`) WHERE `status` <> 'done';

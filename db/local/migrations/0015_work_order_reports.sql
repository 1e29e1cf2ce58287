-- What an area supplier answered a work order with in the portal (central migration 0023): the planned date, the
-- day the work was done, the mounted meter's number and reading, who in the supplier's firm confirmed and reported
-- it, and the photos and samsvarserklæring filed with the case (attachment ids, JSON array). Pulled like the rest
-- of the order; the desk's own manual answers leave them empty.
ALTER TABLE `work_orders` ADD `planned_date` text;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `done_on` text;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `meter_number` text;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `meter_reading` real;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `confirmed_in_portal_by` text;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `reported_in_portal_by` text;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `report_attachment_ids` text DEFAULT '[]' NOT NULL;

-- What the fitter needs on a work order (central migration 0035): the cabinet the work is done in or from, the cable
-- (type and cross-section), the short-circuit fuse in the cabinet, and the framework agreement's item the work is
-- ordered under. All optional: the supervisor fills in what is known when ordering; the letter leaves the rest out.
ALTER TABLE `work_orders` ADD `cabinet_id` text;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `cable_type` text;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `cable_cross_section_mm2` integer;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `short_circuit_fuse_a` integer;
--> statement-breakpoint
ALTER TABLE `work_orders` ADD `framework_item` text;

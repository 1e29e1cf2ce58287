-- Construction power as it runs (issue 13, item 3; rules/constructionPower.ts): the day the cabinet was connected
-- and its meter's reading then, the day it came down and the final reading, and the rent billed for the days it
-- stood (days, the price list's rate per day and the amount excl. VAT, øre). Synced like the rest of the case
-- (central 0032).
ALTER TABLE `cases` ADD `power_connected_on` text;
--> statement-breakpoint
ALTER TABLE `cases` ADD `start_meter_reading` real;
--> statement-breakpoint
ALTER TABLE `cases` ADD `power_disconnected_on` text;
--> statement-breakpoint
ALTER TABLE `cases` ADD `final_meter_reading` real;
--> statement-breakpoint
ALTER TABLE `cases` ADD `cabinet_rent_days` integer;
--> statement-breakpoint
ALTER TABLE `cases` ADD `cabinet_rent_rate_ore` integer;
--> statement-breakpoint
ALTER TABLE `cases` ADD `cabinet_rent_net_ore` integer;

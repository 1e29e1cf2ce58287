-- The owner as a party and the grid assessment (issue 13; central 0036_owner_party): the owner's postal address,
-- the grid customer who will hold the grid-rental agreement, and the recorded grid assessment (JSON). Synced.
ALTER TABLE `cases` ADD `owner_postal_address` text;
--> statement-breakpoint
ALTER TABLE `cases` ADD `owner_postcode` text;
--> statement-breakpoint
ALTER TABLE `cases` ADD `owner_post_town` text;
--> statement-breakpoint
ALTER TABLE `cases` ADD `grid_customer_name` text;
--> statement-breakpoint
ALTER TABLE `cases` ADD `grid_assessment` text;

-- Completeness rules of issue 13 item 9 need facts a request did not carry: whether the service line (stikkledning)
-- is shared with other owners (their consent is then required), and for construction power the last day of the
-- period, whether the cabinet is the grid company's, and that cabinet's number. Synced like every case column
-- (central migration 0037_request_types adds the same columns; core/db/caseColumns.ts lists them).
ALTER TABLE `cases` ADD `shared_service_line` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `cases` ADD `wanted_end_date` text;
--> statement-breakpoint
ALTER TABLE `cases` ADD `company_cabinet` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `cases` ADD `cabinet_id` text;

-- Issue 13 item 9: the missing request types and the facts new completeness rules read. The local cache adds the
-- same columns (local migration 0022_request_types); core/db/caseColumns.ts syncs them.
-- domain.ts REQUEST_TYPES: change of use reported to the electrical inspection only, permanent disconnection or
-- demolition, moving the service line or intake.
ALTER TABLE cases DROP CONSTRAINT cases_request_type_known;
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_request_type_known CHECK (request_type IN ('new_installation',
  'new_metering_point', 'temporary_installation', 'fuse_change', 'metering_point_work', 'production', 'join_split',
  'street_lighting', 'change_of_use', 'permanent_disconnection', 'service_line_move'));
--> statement-breakpoint
-- The service line also feeds other owners' installations: the co-owners', sameie's or borettslag's consent is asked.
ALTER TABLE cases ADD COLUMN shared_service_line boolean NOT NULL DEFAULT false;
--> statement-breakpoint
-- Construction power: the last day of the period (it starts on wanted_start_date), the grid company's cabinet or
-- the builder's own, and the number on the company's cabinet.
ALTER TABLE cases ADD COLUMN wanted_end_date date;
--> statement-breakpoint
ALTER TABLE cases ADD COLUMN company_cabinet boolean NOT NULL DEFAULT false;
--> statement-breakpoint
ALTER TABLE cases ADD COLUMN cabinet_id text;
--> statement-breakpoint
-- A supplement from the portal may change them like the request's other facts (0018_portal_messages).
GRANT UPDATE (shared_service_line, wanted_end_date, company_cabinet, cabinet_id) ON cases TO portal_submitter;

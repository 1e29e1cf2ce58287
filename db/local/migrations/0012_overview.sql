-- The supervisors' overview (issue 6, item 3). Derived, local-only tables, so the overview opens at once at
-- 100 000 cases: a calendar of Norwegian working days, filled from the pure rules (rules/workingDays.ts) for the
-- years the data spans, so working days between two moments are a join and a subtraction; per case the lead
-- times the overview takes medians of; per case, person and ISO week the decisions and closings; per week and
-- person their sums. Triggers note which cases changed; the overview brings those up to date when it opens
-- (electron/core/overview/overviewFacts.ts). Every existing case starts out noted. The triggers insert only what
-- is not there, rather than INSERT OR IGNORE: the outer statement's conflict policy (a sync upsert's) overrides
-- a trigger's own.
CREATE TABLE `work_calendar` (
	`day` text PRIMARY KEY NOT NULL,
	`is_working_day` integer NOT NULL,
	`working_day_no` integer NOT NULL,
	`iso_week` text NOT NULL,
	`next_day_from_utc` text NOT NULL,
	`next_working_day_no` integer NOT NULL,
	`next_iso_week` text NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `overview_dirty_cases` (
	`case_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `overview_case_facts` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`request_type` text NOT NULL,
	`offer_at` text,
	`offer_days` integer,
	`meter_at` text,
	`meter_days` integer
);
--> statement-breakpoint
CREATE INDEX `overview_case_facts_offer` ON `overview_case_facts` (`offer_at`,`request_type`,`offer_days`) WHERE offer_days IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `overview_case_facts_meter` ON `overview_case_facts` (`meter_at`,`request_type`,`meter_days`) WHERE meter_days IS NOT NULL;
--> statement-breakpoint
CREATE TABLE `overview_outcomes` (
	`case_id` integer NOT NULL,
	`actor_id` text NOT NULL,
	`week` text NOT NULL,
	`decided` integer NOT NULL,
	`closed` integer NOT NULL,
	PRIMARY KEY(`case_id`, `actor_id`, `week`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `overview_outcomes_week` ON `overview_outcomes` (`week`,`actor_id`);
--> statement-breakpoint
CREATE TABLE `overview_throughput` (
	`week` text NOT NULL,
	`actor_id` text NOT NULL,
	`decided` integer NOT NULL,
	`closed` integer NOT NULL,
	`cases` integer NOT NULL,
	PRIMARY KEY(`week`, `actor_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `overview_event_inserted` AFTER INSERT ON `case_events`
WHEN NEW.kind IN ('status_changed', 'offer_issued') BEGIN
	INSERT INTO overview_dirty_cases (case_id) SELECT NEW.case_id WHERE NOT EXISTS (SELECT 1 FROM overview_dirty_cases WHERE case_id = NEW.case_id);
END;
--> statement-breakpoint
CREATE TRIGGER `overview_event_deleted` AFTER DELETE ON `case_events`
WHEN OLD.kind IN ('status_changed', 'offer_issued') BEGIN
	INSERT INTO overview_dirty_cases (case_id) SELECT OLD.case_id WHERE NOT EXISTS (SELECT 1 FROM overview_dirty_cases WHERE case_id = OLD.case_id);
END;
--> statement-breakpoint
CREATE TRIGGER `overview_event_updated` AFTER UPDATE OF `case_id`, `at`, `actor_id`, `kind`, `data` ON `case_events` BEGIN
	INSERT INTO overview_dirty_cases (case_id) SELECT OLD.case_id WHERE NOT EXISTS (SELECT 1 FROM overview_dirty_cases WHERE case_id = OLD.case_id);
	INSERT INTO overview_dirty_cases (case_id) SELECT NEW.case_id WHERE NOT EXISTS (SELECT 1 FROM overview_dirty_cases WHERE case_id = NEW.case_id);
END;
--> statement-breakpoint
CREATE TRIGGER `overview_case_inserted` AFTER INSERT ON `cases` BEGIN
	INSERT INTO overview_dirty_cases (case_id) SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM overview_dirty_cases WHERE case_id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `overview_case_updated` AFTER UPDATE OF `id`, `request_type`, `complete_at` ON `cases` BEGIN
	INSERT INTO overview_dirty_cases (case_id) SELECT OLD.id WHERE NOT EXISTS (SELECT 1 FROM overview_dirty_cases WHERE case_id = OLD.id);
	INSERT INTO overview_dirty_cases (case_id) SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM overview_dirty_cases WHERE case_id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `overview_case_deleted` AFTER DELETE ON `cases` BEGIN
	INSERT INTO overview_dirty_cases (case_id) SELECT OLD.id WHERE NOT EXISTS (SELECT 1 FROM overview_dirty_cases WHERE case_id = OLD.id);
END;
--> statement-breakpoint
INSERT INTO `overview_dirty_cases` (`case_id`) SELECT `id` FROM `cases`;
--> statement-breakpoint
CREATE INDEX `cases_type_status` ON `cases` (`request_type`,`status`);
--> statement-breakpoint
CREATE INDEX `cases_status_due` ON `cases` (`status`,`due_date`,`request_type`);
--> statement-breakpoint
CREATE INDEX `case_events_status_to_case` ON `case_events` (json_extract(`data`, '$.to'),`case_id`,`at`) WHERE kind = 'status_changed';
--> statement-breakpoint
CREATE INDEX `case_events_offer_issued` ON `case_events` (`case_id`,`at`) WHERE kind = 'offer_issued';

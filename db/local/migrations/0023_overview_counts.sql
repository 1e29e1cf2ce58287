-- The overview's counts kept as cases change (issue 15), so that opening it at a million cases costs what it costs
-- at a thousand: cases per request type and status, and the cases per status, request type and due day (the
-- overdue ones are read from these by the statuses whose clock runs and a due day before today; the working days
-- past due come from the calendar per day, not per case). Kept by triggers on `cases`, named apart from the
-- `overview_%` and `cases_search_%` ones so that a bulk pull (sync/deferredIndexes.ts) leaves them in place:
-- they cost two small upserts per case. Rows that fall to zero stay with n = 0.
CREATE TABLE `overview_type_status` (
	`request_type` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`request_type`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO overview_type_status (request_type, status, n) SELECT request_type, status, count(*) FROM cases GROUP BY 1, 2;
--> statement-breakpoint
CREATE TABLE `overview_due_days` (
	`status` text NOT NULL,
	`request_type` text NOT NULL,
	`due_day` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`status`, `due_day`, `request_type`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO overview_due_days (status, request_type, due_day, n)
  SELECT status, request_type, substr(due_date, 1, 10), count(*) FROM cases WHERE due_date IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER cases_overview_counts_after_insert AFTER INSERT ON cases BEGIN
  INSERT INTO overview_type_status (request_type, status, n) VALUES (new.request_type, new.status, 1)
    ON CONFLICT (request_type, status) DO UPDATE SET n = n + 1;
  INSERT INTO overview_due_days (status, request_type, due_day, n)
    SELECT new.status, new.request_type, substr(new.due_date, 1, 10), 1 WHERE new.due_date IS NOT NULL
    ON CONFLICT (status, due_day, request_type) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER cases_overview_counts_after_delete AFTER DELETE ON cases BEGIN
  UPDATE overview_type_status SET n = n - 1 WHERE request_type = old.request_type AND status = old.status;
  UPDATE overview_due_days SET n = n - 1
    WHERE status = old.status AND due_day = substr(old.due_date, 1, 10) AND request_type = old.request_type;
END;
--> statement-breakpoint
CREATE TRIGGER cases_overview_counts_after_update AFTER UPDATE OF request_type, status, due_date ON cases
WHEN old.request_type IS NOT new.request_type OR old.status IS NOT new.status OR old.due_date IS NOT new.due_date
BEGIN
  UPDATE overview_type_status SET n = n - 1 WHERE request_type = old.request_type AND status = old.status;
  INSERT INTO overview_type_status (request_type, status, n) VALUES (new.request_type, new.status, 1)
    ON CONFLICT (request_type, status) DO UPDATE SET n = n + 1;
  UPDATE overview_due_days SET n = n - 1
    WHERE status = old.status AND due_day = substr(old.due_date, 1, 10) AND request_type = old.request_type;
  INSERT INTO overview_due_days (status, request_type, due_day, n)
    SELECT new.status, new.request_type, substr(new.due_date, 1, 10), 1 WHERE new.due_date IS NOT NULL
    ON CONFLICT (status, due_day, request_type) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
-- The lead times as histograms per Norwegian ISO week of the step (the offer issued, the meter mounted), request
-- type and working days, kept from overview_case_facts (which overviewFacts.ts rewrites by DELETE and INSERT): the
-- medians of a period then read a row per week, type and number of days, not a row per case.
CREATE TABLE `overview_lead_days` (
	`kind` text NOT NULL,
	`week` text NOT NULL,
	`request_type` text NOT NULL,
	`days` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`kind`, `week`, `request_type`, `days`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE VIEW `overview_lead_spans` AS
  SELECT 'offer' AS kind, coalesce((SELECT CASE WHEN substr(f.offer_at, 12) >= k.next_day_from_utc THEN k.next_iso_week
      ELSE k.iso_week END FROM work_calendar k WHERE k.day = substr(f.offer_at, 1, 10)), '') AS week,
    f.request_type, f.offer_days AS days, f.case_id
  FROM overview_case_facts f WHERE f.offer_days IS NOT NULL
  UNION ALL
  SELECT 'meter', coalesce((SELECT CASE WHEN substr(f.meter_at, 12) >= k.next_day_from_utc THEN k.next_iso_week
      ELSE k.iso_week END FROM work_calendar k WHERE k.day = substr(f.meter_at, 1, 10)), ''),
    f.request_type, f.meter_days, f.case_id
  FROM overview_case_facts f WHERE f.meter_days IS NOT NULL;
--> statement-breakpoint
INSERT INTO overview_lead_days (kind, week, request_type, days, n)
  SELECT kind, week, request_type, days, count(*) FROM overview_lead_spans GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER overview_facts_counted AFTER INSERT ON overview_case_facts BEGIN
  INSERT INTO overview_lead_days (kind, week, request_type, days, n)
    SELECT kind, week, request_type, days, 1 FROM overview_lead_spans WHERE case_id = new.case_id
    ON CONFLICT (kind, week, request_type, days) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER overview_facts_uncounted BEFORE DELETE ON overview_case_facts BEGIN
  UPDATE overview_lead_days SET n = n - 1
    WHERE (kind, week, request_type, days) IN (SELECT kind, week, request_type, days FROM overview_lead_spans WHERE case_id = old.case_id);
END;

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

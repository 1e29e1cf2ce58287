-- Issue 15 (the cache at a million cases): two indexes of `cases` no reader needs any more, 77 bytes a case. The
-- overview's counts and breaches come from the tables its triggers keep (0023), not from (request_type, status) and
-- (status, due_date, request_type) as they did (0012); the queue sorts and counts in memory once its index is in, and
-- before that the cold queue's page goes by received time and its counts by the (status, submitted_at) index and the
-- filters' own (measured at 100 000 cases: the same milliseconds with and without these); the workload view has its
-- partial index (0010). `cases_due` stays: the overview's calendar reads max(due_date) at every open
-- (workCalendar.ts).
DROP INDEX IF EXISTS `cases_type_status`;
--> statement-breakpoint
DROP INDEX IF EXISTS `cases_status_due`;

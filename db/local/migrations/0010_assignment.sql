-- Assignment rules (a handler suggested by municipality or request type; assignee_id NULL = no rule) and the
-- index the workload view's counts and lists use at 100 000 cases (checked with EXPLAIN QUERY PLAN).
CREATE TABLE `assignment_rules` (
	`criterion` text NOT NULL,
	`value` text NOT NULL,
	`assignee_id` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	PRIMARY KEY(`criterion`, `value`)
);
--> statement-breakpoint
-- One partial index serves every figure and list of the view: counts per assignee (covering), and an assignee's
-- (or nobody's) open cases walked oldest due first, stopping at the list's limit.
CREATE INDEX `cases_open_assignee_due` ON `cases` (`assignee_id`,`due_date` IS NULL,`due_date`,`submitted_at`,`id`,`status`) WHERE status NOT IN ('closed', 'rejected');

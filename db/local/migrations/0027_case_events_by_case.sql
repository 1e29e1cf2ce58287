-- Issue 15 (the database at a million cases): a case's history is read one case at a time — the case view, the
-- overview's facts of one changed case, the release facts of one case — and a case has a dozen events, so the
-- events of one case found by case_id are all these reads need; the rowid (the event's id) orders them as they
-- happened. The wider indexes (by time, and by a status change's target) cost 880 bytes a case, more than the case
-- row itself, and saved nothing measurable: the overview's catch-up reads a case's few events either way.
DROP INDEX IF EXISTS `case_events_status_to_case`;
--> statement-breakpoint
DROP INDEX IF EXISTS `case_events_offer_issued`;
--> statement-breakpoint
DROP INDEX IF EXISTS `case_events_case`;
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`);

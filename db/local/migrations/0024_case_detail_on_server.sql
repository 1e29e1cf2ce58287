-- Issue 15 (a smaller cache, a faster first download): the closed cases whose detail (history, notes, files, offers,
-- billing, work orders, messages) a first download through the service left out (service/sync/closedCaseDetail.ts).
-- The desk fetches a case's detail when it is opened and then forgets the mark (core/sync/caseDetailOnDemand.ts).
-- Local only: not synced, emptied with the cache.
CREATE TABLE `case_detail_on_server` (
	`case_id` integer PRIMARY KEY NOT NULL
);

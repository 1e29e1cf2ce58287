-- Issue 15 (a smaller database): the search index kept a copy of every case's searched text besides the index itself
-- (136 bytes a case), though nothing reads it back — a search asks only for the matching rowids (core/queue/
-- searchHits.ts), the in-memory word index reads the cases (searchIndex.ts). Contentless now, with deletes
-- (contentless_delete, SQLite 3.43): the triggers of 0001/0004 delete and insert as before; a contentless row cannot
-- have one column updated, so an installer's new name rewrites the rows of its cases whole. Filled again from the
-- cases with the same text the triggers write (core/sync/deferredIndexes.ts FILL_SEARCH_INDEX).
DROP TABLE `case_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE case_search USING fts5(
  case_number, address, owner, installer, identifiers,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);
--> statement-breakpoint
INSERT INTO case_search (rowid, case_number, address, owner, installer, identifiers)
SELECT
  c.id,
  c.case_number,
  c.address || ' ' || c.postcode || ' ' || c.post_town || ' ' ||
    coalesce((SELECT name FROM municipalities WHERE number = c.municipality_number), ''),
  c.owner_name,
  coalesce((SELECT name FROM installers WHERE id = c.installer_id), ''),
  c.metering_point_ids || ' ' || c.meter_numbers
FROM cases c ORDER BY c.id;
--> statement-breakpoint
INSERT INTO case_search (case_search) VALUES ('optimize');
--> statement-breakpoint
DROP TRIGGER `installers_search_after_rename`;
--> statement-breakpoint
CREATE TRIGGER installers_search_after_rename AFTER UPDATE OF name ON installers BEGIN
  INSERT OR REPLACE INTO case_search (rowid, case_number, address, owner, installer, identifiers)
  SELECT
    c.id,
    c.case_number,
    c.address || ' ' || c.postcode || ' ' || c.post_town || ' ' ||
      coalesce((SELECT name FROM municipalities WHERE number = c.municipality_number), ''),
    c.owner_name,
    new.name,
    c.metering_point_ids || ' ' || c.meter_numbers
  FROM cases c WHERE c.installer_id = new.id;
END;

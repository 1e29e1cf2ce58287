-- Free-text search over what a case handler types into the queue's search field: case number, address,
-- owner, installer, metering point IDs and meter numbers. rowid = cases.id. Kept current by triggers.
CREATE VIRTUAL TABLE case_search USING fts5(
  case_number, address, owner, installer, identifiers,
  tokenize = 'unicode61 remove_diacritics 0'
);
--> statement-breakpoint
CREATE TRIGGER cases_search_after_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_search (rowid, case_number, address, owner, installer, identifiers)
  VALUES (
    new.id,
    new.case_number,
    new.address || ' ' || new.postcode || ' ' || new.post_town || ' ' ||
      coalesce((SELECT name FROM municipalities WHERE number = new.municipality_number), ''),
    new.owner_name,
    coalesce((SELECT name FROM installers WHERE id = new.installer_id), ''),
    new.metering_point_ids || ' ' || new.meter_numbers
  );
END;
--> statement-breakpoint
CREATE TRIGGER cases_search_after_update
AFTER UPDATE OF case_number, address, postcode, post_town, municipality_number, owner_name, installer_id,
  metering_point_ids, meter_numbers ON cases BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
  INSERT INTO case_search (rowid, case_number, address, owner, installer, identifiers)
  VALUES (
    new.id,
    new.case_number,
    new.address || ' ' || new.postcode || ' ' || new.post_town || ' ' ||
      coalesce((SELECT name FROM municipalities WHERE number = new.municipality_number), ''),
    new.owner_name,
    coalesce((SELECT name FROM installers WHERE id = new.installer_id), ''),
    new.metering_point_ids || ' ' || new.meter_numbers
  );
END;
--> statement-breakpoint
CREATE TRIGGER cases_search_after_delete AFTER DELETE ON cases BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER installers_search_after_rename AFTER UPDATE OF name ON installers BEGIN
  UPDATE case_search SET installer = new.name
  WHERE rowid IN (SELECT id FROM cases WHERE installer_id = new.id);
END;

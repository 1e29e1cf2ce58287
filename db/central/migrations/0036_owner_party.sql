-- The owner is a party, and the grid assessment is recorded (issue 13, items 6 and 7; local 0021_owner_party).
-- The owner's postal address (a new build has no mailbox, so letters cannot go to the installation address), the
-- grid customer (nettkunde) who will hold the grid-rental agreement, and the grid assessment that the connection is
-- operationally sound (NEM-forskriften § 3-7 from 1 January 2026), JSON {"outcome","note","by","at"}.
ALTER TABLE cases ADD COLUMN owner_postal_address text;
--> statement-breakpoint
ALTER TABLE cases ADD COLUMN owner_postcode text;
--> statement-breakpoint
ALTER TABLE cases ADD COLUMN owner_post_town text;
--> statement-breakpoint
ALTER TABLE cases ADD COLUMN grid_customer_name text;
--> statement-breakpoint
ALTER TABLE cases ADD COLUMN grid_assessment text;
--> statement-breakpoint
-- rules/gridAssessment.ts GRID_ASSESSMENT_OUTCOMES; a postcode is four digits (rules/identifiers.ts checkPostcode).
ALTER TABLE cases ADD CONSTRAINT cases_grid_assessment_known CHECK (grid_assessment IS NULL
  OR (grid_assessment::jsonb ->> 'outcome') IN ('sound', 'sound_with_conditions', 'not_sound'));
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_owner_postcode_digits CHECK (owner_postcode IS NULL OR owner_postcode ~ '^[0-9]{4}$');
--> statement-breakpoint
-- What case.correctOwnerParty and case.recordGridAssessment write (mutations/ownerPartyCorrection.ts,
-- mutations/gridAssessmentRecord.ts); the applier checks the values again, these say who may write at all.
GRANT UPDATE (owner_postal_address, owner_postcode, owner_post_town, owner_organisation_number, owner_national_id,
  grid_customer_name, grid_assessment)
  ON cases TO case_handler, supervisor;
--> statement-breakpoint
-- domain.ts EVENT_KINDS gains owner_party_corrected and grid_assessed: added to the list as it stands.
DO $$
DECLARE
  definition text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO definition FROM pg_constraint
   WHERE conrelid = 'public.case_events'::regclass AND conname = 'case_events_kind_known';
  IF position('ARRAY[' IN definition) = 0 THEN
    RAISE EXCEPTION 'case_events_kind_known is not a list';
  END IF;
  ALTER TABLE case_events DROP CONSTRAINT case_events_kind_known;
  EXECUTE 'ALTER TABLE case_events ADD CONSTRAINT case_events_kind_known '
    || replace(definition, 'ARRAY[', 'ARRAY[''owner_party_corrected''::text, ''grid_assessed''::text, ');
END $$;
--> statement-breakpoint
-- The history names what changed, never the values: a fødselsnummer is not copied into the append-only history
-- (rules/ownerParty.ts). The assessment's outcome and note are the record NEM § 3-7 asks for.
CREATE FUNCTION cases_party_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  fields jsonb := '[]'::jsonb;
BEGIN
  IF NEW.owner_postal_address IS DISTINCT FROM OLD.owner_postal_address OR NEW.owner_postcode IS DISTINCT FROM OLD.owner_postcode
     OR NEW.owner_post_town IS DISTINCT FROM OLD.owner_post_town THEN
    fields := fields || '["postalAddress"]'::jsonb;
  END IF;
  IF NEW.owner_organisation_number IS DISTINCT FROM OLD.owner_organisation_number THEN
    fields := fields || '["organisationNumber"]'::jsonb;
  END IF;
  IF NEW.owner_national_id IS DISTINCT FROM OLD.owner_national_id THEN
    fields := fields || '["nationalId"]'::jsonb;
  END IF;
  IF NEW.grid_customer_name IS DISTINCT FROM OLD.grid_customer_name THEN
    fields := fields || '["gridCustomerName"]'::jsonb;
  END IF;
  IF jsonb_array_length(fields) > 0 THEN
    INSERT INTO case_events (case_id, actor_id, kind, data)
    VALUES (NEW.id, desk_actor(), 'owner_party_corrected', jsonb_build_object('fields', fields));
  END IF;
  IF NEW.grid_assessment IS DISTINCT FROM OLD.grid_assessment AND NEW.grid_assessment IS NOT NULL THEN
    INSERT INTO case_events (case_id, actor_id, kind, data)
    VALUES (NEW.id, desk_actor(), 'grid_assessed', jsonb_build_object('outcome', NEW.grid_assessment::jsonb -> 'outcome',
      'note', NEW.grid_assessment::jsonb -> 'note'));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cases_party_audit() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER cases_party_audit AFTER UPDATE OF owner_postal_address, owner_postcode, owner_post_town,
  owner_organisation_number, owner_national_id, grid_customer_name, grid_assessment
  ON cases FOR EACH ROW EXECUTE FUNCTION cases_party_audit();
--> statement-breakpoint
-- Done work moves the case to meter_mounted (0014) only once the grid customer is named, as the handler's own
-- registerMeterMounted (rules/workOrders.ts caseAdvanceAfterWorkDone): the work stays done, the case waits.
CREATE OR REPLACE FUNCTION desk_advance_case_after_work_done(p_case_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  case_status text;
  customer text;
  outer_rule text := current_setting('desk.status_rule', true);
BEGIN
  SELECT status, grid_customer_name INTO case_status, customer FROM cases WHERE id = p_case_id FOR UPDATE;
  IF case_status = 'completion_reported' AND customer IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM work_orders WHERE case_id = p_case_id AND status <> 'done')
     AND EXISTS (SELECT 1 FROM work_orders WHERE case_id = p_case_id AND work_kind = 'direct_meter_mounting') THEN
    PERFORM set_config('desk.status_rule', 'workOrdersDone', true);
    UPDATE cases SET status = 'meter_mounted' WHERE id = p_case_id;
    PERFORM set_config('desk.status_rule', coalesce(outer_rule, ''), true);
  END IF;
END $$;

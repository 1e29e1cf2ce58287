-- Issue 14 (the initial pull): the desk's cache keeps an offer's lines and the figures it was issued with, and works
-- the rest of its calculation out again (shared/rules/offerCalculation.ts ISSUED_FIGURES). Kept here as a stored
-- generated column so that a pull does not parse every offer's whole calculation (some 6 kB of JSON) to take four
-- figures out of it. Concatenation, because json_build_object is not immutable; the order of the keys is the one
-- ISSUED_FIGURES gives (test/integration/central/offers.test.ts compares them).
ALTER TABLE offers ADD COLUMN issued_figures text GENERATED ALWAYS AS (
  '{"netOre":' || coalesce(totals::json ->> 'netOre', 'null')
  || ',"vatOre":' || coalesce(totals::json ->> 'vatOre', 'null')
  || ',"grossOre":' || coalesce(totals::json ->> 'grossOre', 'null')
  || ',"contributionOre":' || coalesce(totals::json ->> 'contributionOre', 'null') || '}'
) STORED;
--> statement-breakpoint
-- The guard of issued offers compares the whole row but state and version; a generated column is not yet computed
-- in a BEFORE trigger (NEW holds null), and it follows from totals, which is compared: left out too. As 0015 left it
-- otherwise (desk_actor(), not session_user).
CREATE OR REPLACE FUNCTION offers_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN
      RAISE EXCEPTION USING ERRCODE = 'DK006',
        MESSAGE = format('desk:offer_issued_immutable: offer %s (version %s) is %s and cannot be deleted',
          OLD.id, OLD.offer_version, OLD.state);
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.state <> 'draft' THEN
    IF NOT (OLD.state = 'issued' AND NEW.state = 'superseded'
            AND (to_jsonb(NEW) - ARRAY['state', 'version', 'issued_figures'])
              = (to_jsonb(OLD) - ARRAY['state', 'version', 'issued_figures'])) THEN
      RAISE EXCEPTION USING ERRCODE = 'DK006',
        MESSAGE = format('desk:offer_issued_immutable: offer %s (version %s) is %s; only issued → superseded is allowed',
          OLD.id, OLD.offer_version, OLD.state),
        HINT = 'Make a revised offer as a new version.';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.state = 'issued' THEN
    NEW.issued_by := desk_actor();
    NEW.issued_at := coalesce(NEW.issued_at, now());
  END IF;
  RETURN NEW;
END $$;

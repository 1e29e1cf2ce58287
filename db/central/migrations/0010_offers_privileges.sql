-- Price lists and offers (issue 5): both join the version clock; who may write them; a loaded price list version
-- and an issued offer are never changed, by anyone (the owner included), so an offer always shows the prices it
-- was made with. Errors: DK006 desk:offer_issued_immutable, DK007 desk:price_list_immutable. Event `data` shapes:
--   offer_issued     {"offerId","version","totalOre"}   (totalOre: the offer's grand total incl. VAT, øre)
--   offer_superseded {"offerId","version"}
DO $$
DECLARE
  synced text;
BEGIN
  FOREACH synced IN ARRAY ARRAY['price_lists', 'offers']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION desk_take_version()',
      synced || '_take_version', synced);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION desk_set_version()',
      synced || '_set_version', synced);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION desk_notify_changes()',
      synced || '_notify', synced);
  END LOOP;
END $$;
--> statement-breakpoint
GRANT SELECT ON price_lists, offers TO case_handler, supervisor, reader;
--> statement-breakpoint
-- Prices are company practice: a supervisor loads a new version; loaded_at takes its default.
GRANT INSERT (id, list_version, name, effective_from, currency, validity, payment_terms, body) ON price_lists
  TO supervisor;
--> statement-breakpoint
CREATE FUNCTION price_lists_immutable() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'DK007',
    MESSAGE = format('desk:price_list_immutable: a loaded price list version cannot be changed (%s refused)', TG_OP),
    HINT = 'Load the changed prices as a new version.';
END $$;
--> statement-breakpoint
CREATE TRIGGER price_lists_no_change BEFORE UPDATE OR DELETE ON price_lists
  FOR EACH ROW EXECUTE FUNCTION price_lists_immutable();
--> statement-breakpoint
CREATE TRIGGER price_lists_no_truncate BEFORE TRUNCATE ON price_lists
  FOR EACH STATEMENT EXECUTE FUNCTION price_lists_immutable();
--> statement-breakpoint
-- created_by/created_at take their defaults; issued_by is set by offers_guard. No DELETE: a draft is edited or
-- superseded, never removed.
GRANT INSERT (id, case_id, offer_version, state, price_list_id, price_list_version, lines,
  connection_fee_deduction_ore, totals, valid_until, issued_at, pdf_sha256)
  ON offers TO case_handler, supervisor;
--> statement-breakpoint
GRANT UPDATE (state, price_list_id, price_list_version, lines, connection_fee_deduction_ore, totals, valid_until,
  issued_at, pdf_sha256)
  ON offers TO case_handler, supervisor;
--> statement-breakpoint
ALTER TABLE offers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY offers_visible ON offers FOR SELECT TO case_handler, supervisor, reader USING (true);
--> statement-breakpoint
-- Offers are casework: written only by the person holding a live claim on the case.
CREATE POLICY offers_insert_under_claim ON offers FOR INSERT TO case_handler, supervisor
  WITH CHECK (created_by = session_user AND EXISTS (
    SELECT 1 FROM cases c WHERE c.id = case_id AND c.claimed_by = session_user AND c.lease_until > now()));
--> statement-breakpoint
CREATE POLICY offers_update_under_claim ON offers FOR UPDATE TO case_handler, supervisor
  USING (EXISTS (
    SELECT 1 FROM cases c WHERE c.id = case_id AND c.claimed_by = session_user AND c.lease_until > now()))
  WITH CHECK (EXISTS (
    SELECT 1 FROM cases c WHERE c.id = case_id AND c.claimed_by = session_user AND c.lease_until > now()));
--> statement-breakpoint
-- An issued offer is what the owner was sent: the only change left is issued → superseded (a revised offer took
-- its place); a superseded one never changes again. Applies to the owner too, like the audit trail.
CREATE FUNCTION offers_guard() RETURNS trigger
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
            AND (to_jsonb(NEW) - ARRAY['state', 'version']) = (to_jsonb(OLD) - ARRAY['state', 'version'])) THEN
      RAISE EXCEPTION USING ERRCODE = 'DK006',
        MESSAGE = format('desk:offer_issued_immutable: offer %s (version %s) is %s; only issued → superseded is allowed',
          OLD.id, OLD.offer_version, OLD.state),
        HINT = 'Make a revised offer as a new version.';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.state = 'issued' THEN
    NEW.issued_by := session_user;
    NEW.issued_at := coalesce(NEW.issued_at, now());
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER offers_guard BEFORE INSERT OR UPDATE OR DELETE ON offers
  FOR EACH ROW EXECUTE FUNCTION offers_guard();
--> statement-breakpoint
CREATE FUNCTION offers_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.state = 'issued' AND (TG_OP = 'INSERT' OR OLD.state = 'draft') THEN
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.case_id, session_user, 'offer_issued',
      jsonb_build_object('offerId', NEW.id, 'version', NEW.offer_version,
        'totalOre', (NEW.totals::jsonb ->> 'grossOre')::bigint));
  ELSIF NEW.state = 'superseded' AND TG_OP = 'UPDATE' AND OLD.state = 'issued' THEN
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.case_id, session_user, 'offer_superseded',
      jsonb_build_object('offerId', NEW.id, 'version', NEW.offer_version));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER offers_audit AFTER INSERT OR UPDATE OF state ON offers
  FOR EACH ROW EXECUTE FUNCTION offers_audit();
--> statement-breakpoint
REVOKE ALL ON FUNCTION offers_audit(), offers_guard(), price_lists_immutable() FROM PUBLIC;

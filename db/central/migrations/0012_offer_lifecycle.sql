-- After the offer (issue 5, item 4): the billing steps of an offer, whether a person took them at the desk
-- (source 'desk') or the billing system's file reported them (source 'billing_file', imported by the owner), and the
-- installer's start approval, sent exactly once per case. Event `data` shapes:
--   billing_recorded {"billingEventId","kind","offerVersion","amountOre","occurredOn","reference","source","outcome",
--                     "flagCode"}   (kind: offer_sent | acceptance | invoice | payment; outcome: applied | flagged)
--   billing_flag_resolved {"billingEventId"}
-- A flagged row was not applied (an amount that does not match the offer, an unknown or superseded offer version,
-- a step the case was not ready for); it waits for a person, who marks it resolved.
CREATE TABLE "billing_events" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"offer_id" uuid,
	"offer_version" integer,
	"kind" text NOT NULL,
	"amount_ore" bigint,
	"occurred_on" date NOT NULL,
	"reference" text,
	"source" text NOT NULL,
	"outcome" text NOT NULL,
	"flag_code" text,
	"flag_params" text DEFAULT '{}' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text DEFAULT session_user NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"version" bigint NOT NULL,
	CONSTRAINT "billing_events_kind_known" CHECK ("billing_events"."kind" IN ('offer_sent', 'acceptance', 'invoice', 'payment')),
	CONSTRAINT "billing_events_source_known" CHECK ("billing_events"."source" IN ('desk', 'billing_file')),
	CONSTRAINT "billing_events_outcome_known" CHECK ("billing_events"."outcome" IN ('applied', 'flagged')),
	CONSTRAINT "billing_events_flag_has_code" CHECK (("billing_events"."outcome" = 'flagged') = ("billing_events"."flag_code" IS NOT NULL)),
	CONSTRAINT "billing_events_amount_not_negative" CHECK ("billing_events"."amount_ore" IS NULL OR "billing_events"."amount_ore" >= 0)
);
--> statement-breakpoint
ALTER TABLE "billing_events" ADD CONSTRAINT "billing_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "billing_events" ADD CONSTRAINT "billing_events_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "billing_events_case" ON "billing_events" USING btree ("case_id","recorded_at");
--> statement-breakpoint
CREATE INDEX "billing_events_version" ON "billing_events" USING btree ("version","id");
--> statement-breakpoint
CREATE INDEX "billing_events_open_flags" ON "billing_events" USING btree ("case_id") WHERE outcome = 'flagged' AND resolved_at IS NULL;
--> statement-breakpoint
-- The start approval (igangsettingstillatelse) is sent once per case, however often payment and acceptance arrive.
CREATE UNIQUE INDEX "outgoing_messages_start_approval_once" ON "outgoing_messages" USING btree ("case_id") WHERE kind = 'start_approval';
--> statement-breakpoint
CREATE INDEX "offers_issued_case" ON "offers" USING btree ("case_id","valid_until") WHERE state = 'issued';
--> statement-breakpoint
CREATE TRIGGER billing_events_take_version BEFORE INSERT OR UPDATE ON billing_events FOR EACH STATEMENT EXECUTE FUNCTION desk_take_version();
--> statement-breakpoint
CREATE TRIGGER billing_events_set_version BEFORE INSERT OR UPDATE ON billing_events FOR EACH ROW EXECUTE FUNCTION desk_set_version();
--> statement-breakpoint
CREATE TRIGGER billing_events_notify AFTER INSERT OR UPDATE ON billing_events FOR EACH STATEMENT EXECUTE FUNCTION desk_notify_changes();
--> statement-breakpoint
GRANT SELECT ON billing_events TO case_handler, supervisor, reader;
--> statement-breakpoint
-- A person records a step of their own at the desk (recorded_by/recorded_at take their defaults) and marks a flag
-- resolved; the billing file's rows are the owner's (the importer). A reader does neither.
GRANT INSERT (id, case_id, offer_id, offer_version, kind, amount_ore, occurred_on, reference, source, outcome)
  ON billing_events TO case_handler, supervisor;
--> statement-breakpoint
-- Resolving a flag needs no claim on the case: a flag is the billing file's disagreement with the offer, which a
-- person settles with the billing department, not casework that would take the case from its handler. Who and when
-- are always the writer and now() (billing_events_guard), whatever the statement said.
GRANT UPDATE (resolved_at, resolved_by) ON billing_events TO case_handler, supervisor;
--> statement-breakpoint
ALTER TABLE billing_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY billing_events_visible ON billing_events FOR SELECT TO case_handler, supervisor, reader USING (true);
--> statement-breakpoint
-- A step at the desk is casework: in one's own name, applied, on a case one holds a live claim on.
CREATE POLICY billing_events_desk_step ON billing_events FOR INSERT TO case_handler, supervisor
  WITH CHECK (recorded_by = session_user AND source = 'desk' AND outcome = 'applied' AND EXISTS (
    SELECT 1 FROM cases c WHERE c.id = case_id AND c.claimed_by = session_user AND c.lease_until > now()));
--> statement-breakpoint
CREATE POLICY billing_events_resolve_flag ON billing_events FOR UPDATE TO case_handler, supervisor
  USING (outcome = 'flagged' AND resolved_at IS NULL)
  WITH CHECK (resolved_by = session_user AND resolved_at IS NOT NULL);
--> statement-breakpoint
-- What was recorded never changes; only an open flag may be marked resolved (once), by the writer, now. The owner
-- is held to it too.
CREATE FUNCTION billing_events_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - ARRAY['resolved_at', 'resolved_by', 'version'])
      IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['resolved_at', 'resolved_by', 'version'])
      OR OLD.resolved_at IS NOT NULL OR OLD.outcome <> 'flagged' OR NEW.resolved_at IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'DK008',
      MESSAGE = format('desk:billing_event_immutable: billing event %s cannot be changed (%s refused)', OLD.id, TG_OP);
  END IF;
  NEW.resolved_at := now();
  NEW.resolved_by := session_user;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER billing_events_guard BEFORE UPDATE OR DELETE ON billing_events
  FOR EACH ROW EXECUTE FUNCTION billing_events_guard();
--> statement-breakpoint
-- A step taken at the desk is about the case's own offer, as it was issued: the offer belongs to the case, the
-- version is the offer's, and an acceptance or payment is the offer's gross total (an offer sent or an invoice
-- carries no amount). The billing file's rows are checked by the importer, which flags what does not match.
-- Errors: 23514 desk:billing_event_offer.
CREATE FUNCTION billing_events_check_offer() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  offer record;
BEGIN
  IF NEW.source <> 'desk' THEN
    RETURN NEW;
  END IF;
  SELECT case_id, offer_version, state, (totals::jsonb ->> 'grossOre')::bigint AS gross_ore INTO offer
    FROM offers WHERE id = NEW.offer_id;
  IF NOT FOUND OR offer.case_id IS DISTINCT FROM NEW.case_id OR offer.offer_version IS DISTINCT FROM NEW.offer_version
     OR offer.state <> 'issued'
     OR (NEW.kind IN ('acceptance', 'payment') AND NEW.amount_ore IS DISTINCT FROM offer.gross_ore)
     OR (NEW.kind IN ('offer_sent', 'invoice') AND NEW.amount_ore IS NOT NULL) THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('desk:billing_event_offer: %s of %s øre does not match version %s of offer %s on case %s',
        NEW.kind, coalesce(NEW.amount_ore::text, 'no'), NEW.offer_version, NEW.offer_id, NEW.case_id);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER billing_events_check_offer BEFORE INSERT ON billing_events
  FOR EACH ROW EXECUTE FUNCTION billing_events_check_offer();
--> statement-breakpoint
-- The installer's start approval: people may not queue a 'start_approval' message themselves (the restrictive
-- policy below); this is the one way, and only once an applied billing event of the case released the work —
-- a payment, or an acceptance where the company releases on acceptance. SECURITY DEFINER to write past that
-- policy; created_by stays the caller (session_user). True when this one was stored (once per case).
-- Errors: 42501 desk:start_approval_refused.
CREATE FUNCTION queue_start_approval(p_billing_event_id text, p_message_id uuid, p_recipient text, p_subject text,
  p_body text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  released_case bigint;
  stored integer;
BEGIN
  SELECT b.case_id INTO released_case FROM billing_events b
   WHERE b.id = p_billing_event_id AND b.outcome = 'applied'
     AND (b.kind = 'payment' OR (b.kind = 'acceptance' AND EXISTS (
       SELECT 1 FROM company_settings WHERE key = 'release_on_acceptance' AND value = 'true')));
  IF released_case IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:start_approval_refused: billing event %s released no work', p_billing_event_id);
  END IF;
  INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items)
  VALUES (p_message_id, released_case, 'start_approval', p_recipient, p_subject, p_body, '[]')
  ON CONFLICT (case_id) WHERE kind = 'start_approval' DO NOTHING;
  GET DIAGNOSTICS stored = ROW_COUNT;
  RETURN stored = 1;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION queue_start_approval(text, uuid, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION queue_start_approval(text, uuid, text, text, text) TO case_handler, supervisor;
--> statement-breakpoint
CREATE POLICY outgoing_messages_no_start_approval_by_hand ON outgoing_messages AS RESTRICTIVE FOR INSERT
  TO case_handler, supervisor WITH CHECK (kind <> 'start_approval');
--> statement-breakpoint
CREATE FUNCTION billing_events_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.case_id, session_user, 'billing_recorded',
      jsonb_strip_nulls(jsonb_build_object('billingEventId', NEW.id, 'kind', NEW.kind, 'offerVersion', NEW.offer_version,
        'amountOre', NEW.amount_ore, 'occurredOn', NEW.occurred_on, 'reference', NEW.reference, 'source', NEW.source,
        'outcome', NEW.outcome, 'flagCode', NEW.flag_code)));
  ELSIF OLD.resolved_at IS NULL AND NEW.resolved_at IS NOT NULL THEN
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.case_id, session_user, 'billing_flag_resolved',
      jsonb_build_object('billingEventId', NEW.id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER billing_events_audit AFTER INSERT OR UPDATE OF resolved_at ON billing_events
  FOR EACH ROW EXECUTE FUNCTION billing_events_audit();
--> statement-breakpoint
REVOKE ALL ON FUNCTION billing_events_audit(), billing_events_guard(), billing_events_check_offer() FROM PUBLIC;

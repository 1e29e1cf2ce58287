-- The owner answers the offer through a personal link (issue 12, item 5). The desk makes a random code when it
-- issues an offer (it may issue offline), prints it in the letter with the link <portal>/tilbud/<offer id>, and sends
-- only the code's SHA-256 with the offer; it is kept here, in owner_offer_access, which no group role may read.
-- (A keyed HMAC would be better against someone who steals the table, but the desk that makes the code offline has
-- no key it could keep secret from its own users; ~50 bits of code, the lock below and the address limit in the
-- service are what stand against guessing.)
--
-- Nobody signs in: the service (desk_service itself, in no group role) checks the code through narrow SECURITY
-- DEFINER functions that only desk_service may EXECUTE — a portal firm's session runs as portal_user and cannot:
--   owner_offer_try(offer, sha)     'ok' | 'wrong' | 'locked'; counts wrong tries: 5 in a row lock the offer's code for
--                                   15 minutes (every try, right or wrong, is refused meanwhile); it unlocks by itself
--                                   and a right code resets the count. An unknown offer answers 'wrong'.
--   owner_offer_view(offer, sha)    what the owner reads (case number, address, lines, totals, validity, answer)
--   owner_offer_letter(offer, sha)  the letter's PDF
-- The answer is written as the group role portal_owner (granted to desk_service, like portal_submitter), so that
-- acceptance goes through the same central path a registered acceptance takes (billing/centralBilling.ts:
-- centralOfferFacts → planBillingStep → writeCentralBillingStep) and its triggers. In that transaction the service
-- sets owner.offer and owner.code_sha256; owner_offer_case() answers the offer's case only while they match an
-- unlocked code, and every policy for portal_owner is keyed by it: it reads and moves that one case, reads its
-- offers, and inserts one applied acceptance with source 'portal'. owner_offer_record_answer records the answer
-- (once: a second answer changes nothing) and writes the case event owner_answered that the desk shows.

CREATE TABLE owner_offer_access (
  offer_id uuid PRIMARY KEY REFERENCES offers (id),
  code_sha256 text NOT NULL CHECK (code_sha256 ~ '^[0-9a-f]{64}$'),
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  answer text CHECK (answer IN ('accepted', 'declined')),
  answered_by_name text,
  answered_at timestamptz,
  decline_reason text,
  CONSTRAINT owner_offer_access_answer_complete CHECK ((answer IS NULL) = (answered_at IS NULL)
    AND (answer IS NULL) = (answered_by_name IS NULL))
);
--> statement-breakpoint
-- Not even the group roles read it; the definer functions below are the only way in.
ALTER TABLE owner_offer_access ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON owner_offer_access FROM PUBLIC;
--> statement-breakpoint
ALTER TABLE billing_events DROP CONSTRAINT billing_events_source_known;
--> statement-breakpoint
ALTER TABLE billing_events ADD CONSTRAINT billing_events_source_known CHECK (source IN ('desk', 'billing_file', 'portal'));
--> statement-breakpoint
-- ── portal_owner ────────────────────────────────────────────────────────────────────────────────────────────────
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_owner') THEN
    BEGIN
      CREATE ROLE portal_owner NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  FOR attempt IN 1..50 LOOP
    BEGIN
      IF NOT pg_has_role('desk_service', 'portal_owner', 'MEMBER') THEN
        GRANT portal_owner TO desk_service;
      END IF;
      EXIT;
    EXCEPTION WHEN internal_error OR unique_violation OR duplicate_object THEN
      PERFORM pg_sleep(0.02 * attempt);
    END;
  END LOOP;
END $$;
--> statement-breakpoint
-- ── The code ────────────────────────────────────────────────────────────────────────────────────────────────────
-- Stored with the issue (centralAppliers 'case.issueOffer', as the person issuing): once per offer, never replaced.
CREATE FUNCTION owner_offer_code_set(p_offer uuid, p_code_sha256 text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO owner_offer_access (offer_id, code_sha256)
  SELECT id, p_code_sha256 FROM offers WHERE id = p_offer AND state = 'issued'
  ON CONFLICT (offer_id) DO NOTHING
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION owner_offer_code_set(uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION owner_offer_code_set(uuid, text) TO case_handler, supervisor;
--> statement-breakpoint
CREATE FUNCTION owner_offer_try(p_offer uuid, p_code_sha256 text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  access record;
BEGIN
  SELECT * INTO access FROM owner_offer_access WHERE offer_id = p_offer FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 'wrong';
  END IF;
  IF access.locked_until > now() THEN
    RETURN 'locked';
  END IF;
  IF access.code_sha256 = p_code_sha256 THEN
    UPDATE owner_offer_access SET failed_attempts = 0, locked_until = NULL WHERE offer_id = p_offer;
    RETURN 'ok';
  END IF;
  IF access.failed_attempts + 1 >= 5 THEN
    UPDATE owner_offer_access SET failed_attempts = 0, locked_until = now() + interval '15 minutes' WHERE offer_id = p_offer;
  ELSE
    UPDATE owner_offer_access SET failed_attempts = access.failed_attempts + 1 WHERE offer_id = p_offer;
  END IF;
  RETURN 'wrong';
END $$;
--> statement-breakpoint
-- The offer whose code the transaction presents (owner.offer, owner.code_sha256), while that code is right and not
-- locked; NULL otherwise. What every policy for portal_owner is keyed by.
CREATE FUNCTION owner_offer_verified() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.offer_id FROM owner_offer_access a
   WHERE a.offer_id::text = nullif(current_setting('owner.offer', true), '')
     AND a.code_sha256 = nullif(current_setting('owner.code_sha256', true), '')
     AND (a.locked_until IS NULL OR a.locked_until <= now())
$$;
--> statement-breakpoint
CREATE FUNCTION owner_offer_case() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT o.case_id FROM offers o WHERE o.id = owner_offer_verified()
$$;
--> statement-breakpoint
CREATE FUNCTION owner_offer_view(p_offer uuid, p_code_sha256 text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT jsonb_build_object(
    'caseNumber', c.case_number, 'address', c.address, 'postcode', c.postcode, 'postTown', c.post_town,
    'requestType', c.request_type, 'ownerName', c.owner_name, 'caseStatus', c.status,
    'offerVersion', o.offer_version, 'state', o.state, 'lines', o.lines::jsonb, 'totals', o.totals::jsonb,
    'validUntil', o.valid_until::text, 'issuedOn', (o.issued_at AT TIME ZONE 'Europe/Oslo')::date::text,
    'hasLetter', o.pdf_sha256 IS NOT NULL AND EXISTS (SELECT 1 FROM attachment_blobs b WHERE b.sha256 = o.pdf_sha256),
    'today', (now() AT TIME ZONE 'Europe/Oslo')::date::text,
    'answer', a.answer, 'answeredByName', a.answered_by_name, 'answeredAt', a.answered_at, 'declineReason', a.decline_reason)
  FROM owner_offer_access a JOIN offers o ON o.id = a.offer_id JOIN cases c ON c.id = o.case_id
  WHERE a.offer_id = p_offer AND a.code_sha256 = p_code_sha256 AND (a.locked_until IS NULL OR a.locked_until <= now())
$$;
--> statement-breakpoint
CREATE FUNCTION owner_offer_letter(p_offer uuid, p_code_sha256 text) RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT b.content FROM owner_offer_access a JOIN offers o ON o.id = a.offer_id JOIN attachment_blobs b ON b.sha256 = o.pdf_sha256
  WHERE a.offer_id = p_offer AND a.code_sha256 = p_code_sha256 AND (a.locked_until IS NULL OR a.locked_until <= now())
$$;
--> statement-breakpoint
-- The owner's answer, once. True when this call recorded it; false when the offer was answered already (or the code
-- does not hold). The event names the owner as typed; its actor is desk_actor() (the service's 'portal:owner').
CREATE FUNCTION owner_offer_record_answer(p_answer text, p_name text, p_reason text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  verified uuid := owner_offer_verified();
  offer record;
BEGIN
  IF verified IS NULL THEN
    RETURN false;
  END IF;
  UPDATE owner_offer_access SET answer = p_answer, answered_by_name = p_name, answered_at = now(),
         decline_reason = CASE WHEN p_answer = 'declined' THEN p_reason END
   WHERE offer_id = verified AND answer IS NULL;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  SELECT case_id, offer_version INTO offer FROM offers WHERE id = verified;
  INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (offer.case_id, desk_actor(), 'owner_answered',
    jsonb_strip_nulls(jsonb_build_object('offerId', verified, 'offerVersion', offer.offer_version, 'answer', p_answer,
      'name', p_name, 'reason', CASE WHEN p_answer = 'declined' THEN p_reason END)));
  RETURN true;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION owner_offer_try(uuid, text), owner_offer_verified(), owner_offer_case(), owner_offer_view(uuid, text),
  owner_offer_letter(uuid, text), owner_offer_record_answer(text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION owner_offer_try(uuid, text), owner_offer_view(uuid, text), owner_offer_letter(uuid, text)
  TO desk_service;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION owner_offer_verified(), owner_offer_case(), owner_offer_record_answer(text, text, text)
  TO portal_owner;
--> statement-breakpoint
-- ── What an acceptance writes, as portal_owner, on the verified offer's case only ────────────────────────────────
GRANT SELECT ON cases, offers, installers, company_settings, sync_clock TO portal_owner;
--> statement-breakpoint
GRANT UPDATE (status) ON cases TO portal_owner;
--> statement-breakpoint
GRANT INSERT (id, case_id, offer_id, offer_version, kind, amount_ore, occurred_on, reference, source, outcome)
  ON billing_events TO portal_owner;
--> statement-breakpoint
-- ON CONFLICT (id) DO NOTHING (centralBilling.ts) needs to read the key it conflicts on.
GRANT SELECT (id) ON billing_events TO portal_owner;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION desk_next_version(), queue_start_approval(text, uuid, text, text, text) TO portal_owner;
--> statement-breakpoint
CREATE POLICY cases_owner_answer ON cases FOR ALL TO portal_owner
  USING (id = owner_offer_case()) WITH CHECK (id = owner_offer_case());
--> statement-breakpoint
CREATE POLICY offers_owner_answer ON offers FOR SELECT TO portal_owner USING (case_id = owner_offer_case());
--> statement-breakpoint
CREATE POLICY billing_events_owner_answer ON billing_events FOR INSERT TO portal_owner
  WITH CHECK (source = 'portal' AND kind = 'acceptance' AND outcome = 'applied' AND offer_id = owner_offer_verified()
    AND case_id = owner_offer_case());
--> statement-breakpoint
-- An INSERT … ON CONFLICT is checked against the SELECT policies too.
CREATE POLICY billing_events_owner_read ON billing_events FOR SELECT TO portal_owner USING (case_id = owner_offer_case());
--> statement-breakpoint
-- billing_events_check_offer (0012) checks a step against the offer for the desk's rows; the portal's too.
DO $$
DECLARE
  definition text := pg_get_functiondef('public.billing_events_check_offer()'::regprocedure);
  desk_only constant text := $q$IF NEW.source <> 'desk' THEN$q$;
BEGIN
  IF position(desk_only IN definition) = 0 THEN
    RAISE EXCEPTION 'billing_events_check_offer is not as 0012 wrote it';
  END IF;
  EXECUTE replace(definition, desk_only, $q$IF NEW.source NOT IN ('desk', 'portal') THEN$q$);
END $$;
--> statement-breakpoint
-- cases_guard (0002) fences casework behind a claim. The owner's answer moves the case of the verified offer without
-- one (the policy above and the column grant hold it to that case's status), as the billing file's import does.
DO $$
DECLARE
  definition text := pg_get_functiondef('public.cases_guard()'::regprocedure);
  owner_check constant text := $q$IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN$q$;
BEGIN
  IF position(owner_check IN definition) = 0 THEN
    RAISE EXCEPTION 'cases_guard is not as 0002 wrote it';
  END IF;
  EXECUTE replace(definition, owner_check,
    $q$IF current_user = 'portal_owner' THEN
    IF OLD.id = public.owner_offer_case() THEN
      RETURN NEW;
    END IF;
  END IF;
  $q$ || owner_check);
END $$;
--> statement-breakpoint
-- domain.ts EVENT_KINDS gains owner_answered: added to the list as it stands (other parts of issue 12 add theirs).
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
    || replace(definition, 'ARRAY[', 'ARRAY[''owner_answered''::text, ');
END $$;
--> statement-breakpoint
-- ── The letter carries the owner's code: not for the installer ─────────────────────────────────────────────────
-- The offer letter is filed on the case as an attachment (0011 store_offer_letter), and a firm reads its cases'
-- attachments (0019). The letter is addressed to the owner and now prints the owner's personal code, so the
-- installer's firm must not read it: with it the installer could answer in the owner's name.
CREATE FUNCTION owner_offer_letter_file(p_case bigint, p_sha256 text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = p_case AND o.pdf_sha256 = p_sha256)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION owner_offer_letter_file(bigint, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION owner_offer_letter_file(bigint, text) TO portal_user;
--> statement-breakpoint
CREATE POLICY attachments_portal_user_no_offer_letter ON attachments AS RESTRICTIVE FOR SELECT TO portal_user
  USING (NOT owner_offer_letter_file(case_id, sha256));

-- The installers' portal: support requests to the grid company (issue 12, item 3) and the staff's answer. A firm's
-- signed-in user asks in a category installers ask about — can't log in, filling in a message, can't send a
-- ferdigmelding, billing of construction power, a wrong reading on a construction-power cabinet, other — optionally
-- about one of the firm's own cases and (for a reading) the meter and its reading, with one PDF/JPEG/PNG attached.
-- Someone who cannot log in asks without a firm (portal_submit_public_support, desk_service only). Case handlers and
-- supervisors read every request and close it with an answer that the firm reads in the portal.
--   * portal_user: reads and creates only its firm's requests, as itself, on its firm's cases; never the answerer.
--   * case_handler, supervisor: read all; may set only answer and state, once (open → closed); who and when are
--     stamped here from desk_actor() and now(), not taken from the input.
--   * append-only where it matters: the request as asked never changes and is never deleted; a closed request
--     stays as it was answered, for every role (a trigger, so that not even desk_service's owner paths change it).
-- Read online by the desk through the service (no version clock: not synced).

CREATE TABLE portal_support_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Null when asked signed out (can't log in): then only the organisation number and e-mail given are known.
  firm_id uuid REFERENCES portal_firms (id),
  user_id uuid,
  organisation_number text NOT NULL CHECK (organisation_number ~ '^[0-9]{9}$'),
  firm_name text,
  category text NOT NULL CHECK (category IN ('login', 'message_form', 'completion_notice',
    'construction_power_billing', 'construction_power_reading', 'other')),
  case_id bigint REFERENCES cases (id),
  meter_number text CHECK (meter_number ~ '^[0-9A-Za-z-]{1,30}$'),
  meter_reading numeric(14, 3) CHECK (meter_reading >= 0),
  text text NOT NULL CHECK (btrim(text) <> '' AND length(text) <= 4000),
  contact_email text NOT NULL CHECK (contact_email = lower(contact_email) AND contact_email LIKE '%_@_%'),
  contact_phone text CHECK (contact_phone ~ '^\+?[0-9 ]{8,20}$'),
  attachment_name text CHECK (length(attachment_name) BETWEEN 1 AND 200),
  attachment_type text CHECK (attachment_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  attachment_content bytea CHECK (octet_length(attachment_content) <= 10485760),
  created_at timestamptz NOT NULL DEFAULT now(),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  answer text CHECK (btrim(answer) <> '' AND length(answer) <= 4000),
  answered_at timestamptz,
  answered_by text,
  FOREIGN KEY (user_id, firm_id) REFERENCES portal_users (id, firm_id),
  CONSTRAINT portal_support_signed_in_or_not CHECK ((firm_id IS NULL) = (user_id IS NULL)),
  CONSTRAINT portal_support_case_needs_firm CHECK (case_id IS NULL OR firm_id IS NOT NULL),
  CONSTRAINT portal_support_reading_category CHECK (
    (meter_number IS NULL AND meter_reading IS NULL) OR category = 'construction_power_reading'),
  CONSTRAINT portal_support_attachment_whole CHECK (
    (attachment_name IS NULL) = (attachment_type IS NULL) AND (attachment_name IS NULL) = (attachment_content IS NULL)),
  CONSTRAINT portal_support_closed_answered CHECK (
    (state = 'closed') = (answer IS NOT NULL AND answered_at IS NOT NULL AND answered_by IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX portal_support_requests_open ON portal_support_requests (state, created_at);
--> statement-breakpoint
CREATE INDEX portal_support_requests_firm ON portal_support_requests (firm_id, created_at);
--> statement-breakpoint
-- The request as asked is kept as asked; the answer is given once. The answerer and the time are the database's.
CREATE FUNCTION portal_support_answer_once() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION USING ERRCODE = 'PT006', MESSAGE = 'portal:support_append_only: a support request is never deleted';
  END IF;
  IF OLD.state = 'closed' THEN
    RAISE EXCEPTION USING ERRCODE = 'PT007', MESSAGE = 'portal:support_closed: the request is answered already';
  END IF;
  IF (NEW.id, NEW.firm_id, NEW.user_id, NEW.organisation_number, NEW.firm_name, NEW.category, NEW.case_id,
      NEW.meter_number, NEW.meter_reading, NEW.text, NEW.contact_email, NEW.contact_phone, NEW.attachment_name,
      NEW.attachment_type, NEW.attachment_content, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.firm_id, OLD.user_id, OLD.organisation_number, OLD.firm_name, OLD.category, OLD.case_id,
      OLD.meter_number, OLD.meter_reading, OLD.text, OLD.contact_email, OLD.contact_phone, OLD.attachment_name,
      OLD.attachment_type, OLD.attachment_content, OLD.created_at) THEN
    RAISE EXCEPTION USING ERRCODE = 'PT006', MESSAGE = 'portal:support_append_only: the request as asked never changes';
  END IF;
  IF NEW.state = 'closed' THEN
    NEW.answered_at := now();
    NEW.answered_by := desk_actor();
  ELSE
    NEW.answered_at := NULL;
    NEW.answered_by := NULL;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER portal_support_requests_answer_once BEFORE UPDATE OR DELETE ON portal_support_requests
  FOR EACH ROW EXECUTE FUNCTION portal_support_answer_once();
--> statement-breakpoint
REVOKE ALL ON portal_support_requests FROM PUBLIC, case_handler, supervisor, reader, desk_service;
--> statement-breakpoint
ALTER TABLE portal_support_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- ── The firm: its own requests, asked as the signed-in user, on its own cases ───────────────────────────────────
-- Not the file's bytes (the firm has them) and not who answered (staff's names stay with the grid company).
GRANT SELECT (id, firm_id, user_id, organisation_number, firm_name, category, case_id, meter_number, meter_reading,
  text, contact_email, contact_phone, attachment_name, attachment_type, created_at, state, answer, answered_at),
  INSERT (firm_id, user_id, organisation_number, firm_name, category, case_id, meter_number, meter_reading, text,
  contact_email, contact_phone, attachment_name, attachment_type, attachment_content)
  ON portal_support_requests TO portal_user;
--> statement-breakpoint
CREATE POLICY portal_support_own_firm_read ON portal_support_requests FOR SELECT TO portal_user
  USING (firm_id = portal_current_firm());
--> statement-breakpoint
CREATE POLICY portal_support_own_firm_ask ON portal_support_requests FOR INSERT TO portal_user
  WITH CHECK (firm_id = portal_current_firm() AND user_id = portal_current_user()
    AND (case_id IS NULL OR portal_firm_case(case_id)));
--> statement-breakpoint
-- ── Staff: case handlers and supervisors read all and answer ────────────────────────────────────────────────────
GRANT SELECT, UPDATE (state, answer) ON portal_support_requests TO case_handler, supervisor;
--> statement-breakpoint
CREATE POLICY portal_support_staff_read ON portal_support_requests FOR SELECT TO case_handler, supervisor
  USING (true);
--> statement-breakpoint
CREATE POLICY portal_support_staff_answer ON portal_support_requests FOR UPDATE TO case_handler, supervisor
  USING (state = 'open') WITH CHECK (state = 'closed');
--> statement-breakpoint
-- ── Signed out (can't log in): desk_service only ────────────────────────────────────────────────────────────────
-- Kept whatever the address: whether it has an account is the staff's to look up, never the caller's to learn.
CREATE FUNCTION portal_submit_public_support(p_email text, p_org text, p_text text, p_phone text) RETURNS uuid
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO portal_support_requests (organisation_number, category, text, contact_email, contact_phone)
  VALUES (p_org, 'login', p_text, lower(p_email), NULLIF(btrim(p_phone), ''))
  RETURNING id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_submit_public_support(text, text, text, text), portal_support_answer_once() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_submit_public_support(text, text, text, text) TO desk_service;

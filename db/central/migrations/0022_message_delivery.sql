-- The installers' portal, part 6 (issue 12): every outgoing message the desk writes reaches its receiver.
--   * message_deliveries: one row per message and channel. A table, not columns on outgoing_messages, because a
--     message has more than one channel (the portal inbox and an e-mail notice), each with its own state, attempts
--     and error; and because a notice need not be a message at all (an offer's notice to the owner, 'offer').
--   * 'portal': the message is in the firm's inbox the moment it is committed, so the row is written 'delivered' by
--     the trigger on outgoing_messages, in the same transaction; read_at/read_by record the first reading.
--   * 'email': a notice (what came, and a link to the portal; never the letter) to the installer firm's contact
--     address — the shared address the firm gave when it applied, not each user's: one notice per message, and it
--     reaches the firm even when the user who sent the request has left — or to the area supplier's address for a
--     work order, or to the owner for an offer (enqueue_offer_notice). The outbox worker of the service
--     (service/delivery/) takes due rows with delivery_take_due, sends, and records the result.
-- Nobody writes the table directly: the trigger, the worker's functions (desk_service only), the offer hook and
-- portal_mark_read (portal_user) are the only ways in. Desks pull it through the version clock.

CREATE TABLE message_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid REFERENCES outgoing_messages (id),
  offer_id uuid REFERENCES offers (id),
  case_id bigint NOT NULL REFERENCES cases (id),
  channel text NOT NULL CHECK (channel IN ('portal', 'email')),
  -- What the notice tells of: a message on the installer's case, a work order, an offer to the owner.
  notice text NOT NULL CHECK (notice IN ('message', 'work_order', 'offer')),
  -- Whose inbox (portal rows).
  firm_id uuid REFERENCES portal_firms (id),
  -- The e-mail address (e-mail rows); the firm's name (portal rows).
  recipient text NOT NULL,
  -- An offer notice's personal link, kept only until the mail is sent (never pulled by desks).
  link text,
  state text NOT NULL CHECK (state IN ('delivered', 'queued', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL DEFAULT 8 CHECK (max_attempts > 0),
  next_attempt_at timestamptz,
  locked_by text,
  locked_until timestamptz,
  -- The Message-ID every attempt of this notice carries: the idempotency key a receiving system can deduplicate on.
  smtp_message_id text UNIQUE,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  read_at timestamptz,
  read_by uuid,
  version bigint NOT NULL,
  CONSTRAINT message_deliveries_message_channel UNIQUE (message_id, channel),
  CONSTRAINT message_deliveries_offer_channel UNIQUE (offer_id, channel),
  CONSTRAINT message_deliveries_of_something CHECK ((message_id IS NULL) <> (offer_id IS NULL)),
  CONSTRAINT message_deliveries_portal_has_firm CHECK ((channel = 'portal') = (firm_id IS NOT NULL)),
  CONSTRAINT message_deliveries_portal_delivered CHECK (channel = 'email' OR (state = 'delivered' AND delivered_at IS NOT NULL)),
  CONSTRAINT message_deliveries_email_states CHECK (channel = 'portal' OR state <> 'delivered'),
  CONSTRAINT message_deliveries_read_portal CHECK (read_at IS NULL OR channel = 'portal'),
  CONSTRAINT message_deliveries_failed_says_why CHECK (state <> 'failed' OR last_error IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX message_deliveries_version ON message_deliveries (version, id);
--> statement-breakpoint
CREATE INDEX message_deliveries_case ON message_deliveries (case_id);
--> statement-breakpoint
CREATE INDEX message_deliveries_due ON message_deliveries (next_attempt_at) WHERE state IN ('queued', 'sending');
--> statement-breakpoint
CREATE TRIGGER message_deliveries_take_version BEFORE INSERT OR UPDATE ON message_deliveries
  FOR EACH STATEMENT EXECUTE FUNCTION desk_take_version();
--> statement-breakpoint
CREATE TRIGGER message_deliveries_set_version BEFORE INSERT OR UPDATE ON message_deliveries
  FOR EACH ROW EXECUTE FUNCTION desk_set_version();
--> statement-breakpoint
CREATE TRIGGER message_deliveries_notify AFTER INSERT OR UPDATE ON message_deliveries
  FOR EACH STATEMENT EXECUTE FUNCTION desk_notify_changes();
--> statement-breakpoint
REVOKE ALL ON message_deliveries FROM PUBLIC, case_handler, supervisor, reader, desk_service, portal_user, portal_submitter;
--> statement-breakpoint
ALTER TABLE message_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Staff read every row but the offer link (the desks pull them).
GRANT SELECT (id, message_id, offer_id, case_id, channel, notice, firm_id, recipient, state, attempts, max_attempts,
  next_attempt_at, smtp_message_id, last_error, created_at, delivered_at, read_at, read_by, version)
  ON message_deliveries TO case_handler, supervisor, reader;
--> statement-breakpoint
CREATE POLICY message_deliveries_staff ON message_deliveries FOR SELECT TO case_handler, supervisor, reader USING (true);
--> statement-breakpoint
-- A firm reads its own inbox rows: when each message came and when it was read.
GRANT SELECT (id, message_id, case_id, channel, firm_id, delivered_at, read_at) ON message_deliveries TO portal_user;
--> statement-breakpoint
CREATE POLICY message_deliveries_own_inbox ON message_deliveries FOR SELECT TO portal_user
  USING (channel = 'portal' AND firm_id = portal_current_firm());
--> statement-breakpoint
-- ── Where a case's messages go ──────────────────────────────────────────────────────────────────────────────────
-- The approved portal firm whose organisation number the case's installer has, if any.
CREATE FUNCTION delivery_firm_of_case(p_case bigint) RETURNS TABLE (firm_id uuid, firm_name text, contact_email text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT f.id, f.name, f.contact_email FROM cases c JOIN installers i ON i.id = c.installer_id
    JOIN portal_firms f ON f.organisation_number = i.organisation_number
   WHERE c.id = p_case AND f.state = 'approved'
$$;
--> statement-breakpoint
-- Before the message is stored: a message to a firm in the portal is delivered as it commits.
CREATE FUNCTION outgoing_messages_deliver_in_portal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.kind <> 'work_order' AND EXISTS (SELECT 1 FROM delivery_firm_of_case(NEW.case_id)) THEN
    NEW.delivery_state := 'delivered';
    NEW.delivered_at := now();
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER outgoing_messages_deliver_in_portal BEFORE INSERT ON outgoing_messages
  FOR EACH ROW EXECUTE FUNCTION outgoing_messages_deliver_in_portal();
--> statement-breakpoint
-- After it is stored: the inbox row and the e-mail notice, in the message's own transaction.
CREATE FUNCTION outgoing_messages_enqueue_deliveries() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  firm record;
  supplier_email text;
BEGIN
  IF NEW.kind = 'work_order' THEN
    SELECT s.email INTO supplier_email FROM work_orders w JOIN area_suppliers s ON s.id = w.supplier_id
     WHERE w.message_id = NEW.id;
    IF coalesce(btrim(supplier_email), '') <> '' THEN
      INSERT INTO message_deliveries (message_id, case_id, channel, notice, recipient, state, next_attempt_at)
      VALUES (NEW.id, NEW.case_id, 'email', 'work_order', lower(btrim(supplier_email)), 'queued', now());
    END IF;
    RETURN NULL;
  END IF;
  SELECT * INTO firm FROM delivery_firm_of_case(NEW.case_id);
  IF FOUND THEN
    INSERT INTO message_deliveries (message_id, case_id, channel, notice, firm_id, recipient, state, delivered_at)
    VALUES (NEW.id, NEW.case_id, 'portal', 'message', firm.firm_id, firm.firm_name, 'delivered', NEW.delivered_at);
    INSERT INTO message_deliveries (message_id, case_id, channel, notice, recipient, state, next_attempt_at)
    VALUES (NEW.id, NEW.case_id, 'email', 'message', firm.contact_email, 'queued', now());
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER outgoing_messages_enqueue_deliveries AFTER INSERT ON outgoing_messages
  FOR EACH ROW EXECUTE FUNCTION outgoing_messages_enqueue_deliveries();
--> statement-breakpoint
-- ── The owner's offer notice (the hook for the owner's offer page) ──────────────────────────────────────────────
-- Whoever issues the offer with its personal link enqueues the owner's notice here, in the same transaction; the
-- link is kept until the mail is sent and then forgotten. Once per offer; only for an issued offer, and only to the
-- owner's address on its case, so that nobody can send other mail through the grid company's server with it.
-- Errors: PT005 portal:bad_input.
CREATE FUNCTION enqueue_offer_notice(p_offer uuid, p_email text, p_link text) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  offer record;
  made uuid;
BEGIN
  IF coalesce(btrim(p_email), '') !~ '^[^@\s]+@[^@\s]+$' OR coalesce(p_link, '') !~ '^https?://' THEN
    RAISE EXCEPTION USING ERRCODE = 'PT005', MESSAGE = 'portal:bad_input: an e-mail address and an http(s) link';
  END IF;
  SELECT o.case_id, o.state, c.owner_email INTO offer FROM offers o JOIN cases c ON c.id = o.case_id WHERE o.id = p_offer;
  IF NOT FOUND OR offer.state <> 'issued' OR lower(btrim(coalesce(offer.owner_email, ''))) <> lower(btrim(p_email)) THEN
    RAISE EXCEPTION USING ERRCODE = 'PT005',
      MESSAGE = format('portal:bad_input: %s is no issued offer to that owner address', p_offer);
  END IF;
  INSERT INTO message_deliveries (offer_id, case_id, channel, notice, recipient, link, state, next_attempt_at)
  VALUES (p_offer, offer.case_id, 'email', 'offer', lower(btrim(p_email)), p_link, 'queued', now())
  ON CONFLICT (offer_id, channel) DO NOTHING
  RETURNING id INTO made;
  RETURN made;
END $$;
--> statement-breakpoint
-- ── The outbox worker (desk_service only) ───────────────────────────────────────────────────────────────────────
-- Takes up to p_limit due e-mail notices for p_worker for p_lease_seconds: queued ones whose time has come, and
-- 'sending' ones whose lease ran out (a worker stopped mid-send). Each attempt is counted as it is taken. The
-- clock is taken before any row is locked (as 0001 asks), and only when there is something to take, so an idle
-- worker's polling costs no version.
CREATE FUNCTION delivery_take_due(p_worker text, p_lease_seconds integer, p_limit integer, p_domain text)
RETURNS TABLE (id uuid, notice text, recipient text, case_number text, message_kind text, link text,
  smtp_message_id text, attempts integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  IF NOT EXISTS (SELECT 1 FROM message_deliveries d WHERE d.channel = 'email'
                   AND ((d.state = 'queued' AND d.next_attempt_at <= now()) OR (d.state = 'sending' AND d.locked_until < now()))) THEN
    RETURN;
  END IF;
  PERFORM desk_next_version();
  RETURN QUERY
  WITH due AS (
    SELECT d.id FROM message_deliveries d
     WHERE d.channel = 'email'
       AND ((d.state = 'queued' AND d.next_attempt_at <= now()) OR (d.state = 'sending' AND d.locked_until < now()))
     ORDER BY d.next_attempt_at, d.id
     LIMIT p_limit
     FOR UPDATE SKIP LOCKED
  ), taken AS (
    UPDATE message_deliveries d
       SET state = 'sending', attempts = d.attempts + 1, locked_by = p_worker,
           locked_until = now() + make_interval(secs => p_lease_seconds),
           smtp_message_id = coalesce(d.smtp_message_id, format('<%s@%s>', d.id, p_domain))
      FROM due WHERE d.id = due.id
    RETURNING d.*
  )
  SELECT t.id, t.notice, t.recipient, c.case_number, m.kind, t.link, t.smtp_message_id, t.attempts
    FROM taken t JOIN cases c ON c.id = t.case_id LEFT JOIN outgoing_messages m ON m.id = t.message_id;
END $$;
--> statement-breakpoint
-- The server took the mail: sent, the link forgotten; a work order's message counts as delivered from now.
CREATE FUNCTION delivery_record_sent(p_id uuid, p_worker text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  message uuid;
BEGIN
  PERFORM desk_next_version();
  UPDATE message_deliveries SET state = 'sent', delivered_at = now(), locked_by = NULL, locked_until = NULL,
         next_attempt_at = NULL, last_error = NULL, link = NULL
   WHERE message_deliveries.id = p_id AND state = 'sending' AND locked_by = p_worker
  RETURNING message_id INTO message;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  IF message IS NOT NULL THEN
    UPDATE outgoing_messages SET delivery_state = 'delivered', delivered_at = now()
     WHERE outgoing_messages.id = message AND delivery_state = 'queued';
  END IF;
  RETURN true;
END $$;
--> statement-breakpoint
-- The send failed: again after p_base_seconds · 2^(attempts − 1), at most p_cap_seconds later; after the last
-- attempt 'failed', with the error kept for the desk to show.
CREATE FUNCTION delivery_record_failure(p_id uuid, p_worker text, p_error text, p_base_seconds double precision,
  p_cap_seconds double precision) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  result text;
BEGIN
  PERFORM desk_next_version();
  UPDATE message_deliveries
     SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
         next_attempt_at = CASE WHEN attempts >= max_attempts THEN NULL
           ELSE now() + make_interval(secs => least(p_cap_seconds, p_base_seconds * power(2, attempts - 1))) END,
         last_error = left(coalesce(nullif(btrim(p_error), ''), 'unknown error'), 500),
         locked_by = NULL, locked_until = NULL
   WHERE message_deliveries.id = p_id AND state = 'sending' AND locked_by = p_worker
  RETURNING state INTO result;
  RETURN result;
END $$;
--> statement-breakpoint
-- ── Reading in the portal ───────────────────────────────────────────────────────────────────────────────────────
-- The signed-in user reads a message of the firm's: the first reading is recorded (time and user), later ones
-- change nothing. NULL when the message is not one the firm may see (another firm's, a work order, no such id).
-- A message written before the firm was in the portal gets its inbox row now.
CREATE FUNCTION portal_mark_read(p_message uuid) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  message record;
  firm record;
  first_read timestamptz;
BEGIN
  SELECT m.id, m.case_id, m.created_at INTO message FROM outgoing_messages m
   WHERE m.id = p_message AND m.kind <> 'work_order' AND portal_firm_case(m.case_id);
  IF NOT FOUND OR portal_current_user() IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT d.read_at INTO first_read FROM message_deliveries d
   WHERE d.message_id = p_message AND d.channel = 'portal' AND d.read_at IS NOT NULL;
  IF FOUND THEN
    RETURN first_read;
  END IF;
  SELECT f.id, f.name INTO firm FROM portal_firms f WHERE f.id = portal_current_firm();
  INSERT INTO message_deliveries (message_id, case_id, channel, notice, firm_id, recipient, state, delivered_at, read_at, read_by)
  VALUES (p_message, message.case_id, 'portal', 'message', firm.id, firm.name, 'delivered', now(), now(), portal_current_user())
  ON CONFLICT (message_id, channel) DO UPDATE SET read_at = now(), read_by = portal_current_user()
   WHERE message_deliveries.read_at IS NULL;
  SELECT d.read_at INTO first_read FROM message_deliveries d WHERE d.message_id = p_message AND d.channel = 'portal';
  RETURN first_read;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION delivery_firm_of_case(bigint), outgoing_messages_deliver_in_portal(),
  outgoing_messages_enqueue_deliveries(), enqueue_offer_notice(uuid, text, text),
  delivery_take_due(text, integer, integer, text), delivery_record_sent(uuid, text),
  delivery_record_failure(uuid, text, text, double precision, double precision), portal_mark_read(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION delivery_take_due(text, integer, integer, text), delivery_record_sent(uuid, text),
  delivery_record_failure(uuid, text, text, double precision, double precision) TO desk_service;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION enqueue_offer_notice(uuid, text, text) TO desk_service, case_handler, supervisor;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_mark_read(uuid) TO portal_user;

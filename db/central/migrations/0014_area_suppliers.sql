-- Area suppliers and work orders (issue 6). Supervisors keep the register of area suppliers — their framework
-- agreements (`agreement_work`, JSON `{"<workKind>": due working days}`) and the municipalities each covers (rows
-- of area_supplier_municipalities, removed as tombstones) — and only supervisors order work; a case handler or
-- supervisor records the supplier's answer (ordered → accepted → done). Work orders join the version clock.
-- Errors: 23514 (check_violation) desk:work_order_status (a step other than ordered → accepted → done, or a change to anything
-- else of an order). Event `data` shapes (the local mutations write the same):
--   work_ordered         {"orderId","workKind","supplierId","dueDate"}
--   work_order_accepted  {"orderId","workKind"}
--   work_order_done      {"orderId","workKind"}
-- Done work advances the case (rules/workOrders.ts caseAdvanceAfterWorkDone): when every work order of a case in
-- completion_reported is done and one of them mounted the meter, the case moves to meter_mounted with the rule
-- `workOrdersDone` — by a trigger, as the database owner, so no claim on the case is needed. The rule is checked both
-- when an order becomes done and when the completion notice moves the case into completion_reported (the work may
-- be done first), each time under a lock on the case row, so two orders done at once cannot both miss the move.
-- Times are the server's: ordered_at, accepted_at and done_at are always now(), whatever the statement said.
ALTER TABLE "area_suppliers" ADD COLUMN "agreement_work" text DEFAULT '{}' NOT NULL;
--> statement-breakpoint
ALTER TABLE "area_suppliers" ADD CONSTRAINT "area_suppliers_agreement_is_object"
  CHECK (jsonb_typeof("agreement_work"::jsonb) = 'object');
--> statement-breakpoint
-- The register knows a supplier by its organisation number: one entry each.
CREATE UNIQUE INDEX "area_suppliers_org_number" ON "area_suppliers" USING btree ("organisation_number");
--> statement-breakpoint
-- Suppliers registered before agreements were kept go on being proposed for every work an agreement can name.
UPDATE "area_suppliers" SET "agreement_work" =
  '{"service_cable_connection":10,"direct_meter_mounting":5,"construction_power_connection":5,"uninsulated_cabinet_work":10}';
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL REFERENCES "cases"("id"),
	"supplier_id" bigint NOT NULL REFERENCES "area_suppliers"("id"),
	"work_kind" text NOT NULL,
	"status" text DEFAULT 'ordered' NOT NULL,
	"agreement_days" integer NOT NULL,
	"due_date" date NOT NULL,
	"ordered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ordered_by" text DEFAULT session_user NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" text,
	"done_at" timestamp with time zone,
	"done_by" text,
	"message_id" uuid,
	"pdf_sha256" text,
	"version" bigint NOT NULL,
	CONSTRAINT "work_orders_status_known" CHECK ("status" IN ('ordered', 'accepted', 'done')),
	CONSTRAINT "work_orders_work_kind_known" CHECK ("work_kind" IN ('service_cable_connection', 'direct_meter_mounting',
		'construction_power_connection', 'uninsulated_cabinet_work')),
	CONSTRAINT "work_orders_agreement_days" CHECK ("agreement_days" BETWEEN 1 AND 60),
	CONSTRAINT "work_orders_due_after_order" CHECK ("due_date" > ("ordered_at" AT TIME ZONE 'Europe/Oslo')::date)
);
--> statement-breakpoint
-- One order per work on a case.
CREATE UNIQUE INDEX "work_orders_case_work" ON "work_orders" USING btree ("case_id", "work_kind");
--> statement-breakpoint
CREATE INDEX "work_orders_version" ON "work_orders" USING btree ("version", "id");
--> statement-breakpoint
CREATE TRIGGER work_orders_take_version BEFORE INSERT OR UPDATE ON work_orders
  FOR EACH STATEMENT EXECUTE FUNCTION desk_take_version();
--> statement-breakpoint
CREATE TRIGGER work_orders_set_version BEFORE INSERT OR UPDATE ON work_orders
  FOR EACH ROW EXECUTE FUNCTION desk_set_version();
--> statement-breakpoint
CREATE TRIGGER work_orders_notify AFTER INSERT OR UPDATE ON work_orders
  FOR EACH STATEMENT EXECUTE FUNCTION desk_notify_changes();
--> statement-breakpoint
GRANT SELECT ON work_orders TO case_handler, supervisor, reader;
--> statement-breakpoint
-- The register: a supervisor adds and changes suppliers and which municipalities they cover (a removed one is a
-- tombstone, deleted = true, so every cache drops it). The id comes from the identity column.
GRANT INSERT (organisation_number, name, contact_person, email, phone, agreement_work),
  UPDATE (organisation_number, name, contact_person, email, phone, agreement_work)
  ON area_suppliers TO supervisor;
--> statement-breakpoint
GRANT INSERT (supplier_id, municipality_number, deleted), UPDATE (deleted)
  ON area_supplier_municipalities TO supervisor;
--> statement-breakpoint
-- Ordering is the supervisor's alone; ordered_by and ordered_at are always session_user and now()
-- (work_orders_guard). Recording an answer changes the status only; who and when are the guard's.
GRANT INSERT (id, case_id, supplier_id, work_kind, agreement_days, due_date, message_id, pdf_sha256)
  ON work_orders TO supervisor;
--> statement-breakpoint
GRANT UPDATE (status) ON work_orders TO case_handler, supervisor;
--> statement-breakpoint
CREATE FUNCTION work_orders_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.status := 'ordered';
    NEW.ordered_by := session_user;
    NEW.ordered_at := now();
    NEW.accepted_at := NULL; NEW.accepted_by := NULL; NEW.done_at := NULL; NEW.done_by := NULL;
    IF NOT EXISTS (
      SELECT 1 FROM cases c
        JOIN area_supplier_municipalities am ON am.municipality_number = c.municipality_number AND NOT am.deleted
        JOIN area_suppliers s ON s.id = am.supplier_id
       WHERE c.id = NEW.case_id AND s.id = NEW.supplier_id AND s.agreement_work::jsonb ? NEW.work_kind) THEN
      RAISE EXCEPTION USING ERRCODE = '23514',
        MESSAGE = format('desk:work_order_supplier: supplier %s has no agreement for %s where case %s is',
          NEW.supplier_id, NEW.work_kind, NEW.case_id);
    END IF;
    RETURN NEW;
  END IF;
  IF NOT ((OLD.status = 'ordered' AND NEW.status = 'accepted') OR (OLD.status = 'accepted' AND NEW.status = 'done'))
     OR (to_jsonb(NEW) - ARRAY['status', 'accepted_at', 'done_at', 'accepted_by', 'done_by', 'version'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'accepted_at', 'done_at', 'accepted_by', 'done_by', 'version']) THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('desk:work_order_status: work order %s is %s; only ordered → accepted → done is allowed',
        OLD.id, OLD.status);
  END IF;
  IF NEW.status = 'accepted' THEN
    NEW.accepted_by := session_user;
    NEW.accepted_at := now();
    NEW.done_by := NULL;
    NEW.done_at := NULL;
  ELSE
    NEW.accepted_by := OLD.accepted_by;
    NEW.accepted_at := OLD.accepted_at;
    NEW.done_by := session_user;
    NEW.done_at := now();
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER work_orders_guard BEFORE INSERT OR UPDATE ON work_orders
  FOR EACH ROW EXECUTE FUNCTION work_orders_guard();
--> statement-breakpoint
CREATE FUNCTION work_orders_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.case_id, session_user, 'work_ordered',
      jsonb_build_object('orderId', NEW.id, 'workKind', NEW.work_kind, 'supplierId', NEW.supplier_id,
        'dueDate', NEW.due_date));
  ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO case_events (case_id, actor_id, kind, data) VALUES (NEW.case_id, session_user,
      CASE NEW.status WHEN 'accepted' THEN 'work_order_accepted' ELSE 'work_order_done' END,
      jsonb_build_object('orderId', NEW.id, 'workKind', NEW.work_kind));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER work_orders_audit AFTER INSERT OR UPDATE OF status ON work_orders
  FOR EACH ROW EXECUTE FUNCTION work_orders_audit();
--> statement-breakpoint
-- The rule itself. The case row is locked first: of two transactions marking a case's last two orders done, or one
-- marking the work done while the completion notice arrives, the second waits for the first and then (READ
-- COMMITTED: each statement sees what committed before it) sees its order done or its status moved. (Today the
-- version clock, 0001, already serialises writers; the rule does not lean on that. Lock order stays clock first,
-- then rows, as 0001 asks: the statement triggers have taken the clock before this runs.)
CREATE FUNCTION desk_advance_case_after_work_done(p_case_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  case_status text;
  outer_rule text := current_setting('desk.status_rule', true);
BEGIN
  SELECT status INTO case_status FROM cases WHERE id = p_case_id FOR UPDATE;
  IF case_status = 'completion_reported'
     AND NOT EXISTS (SELECT 1 FROM work_orders WHERE case_id = p_case_id AND status <> 'done')
     AND EXISTS (SELECT 1 FROM work_orders WHERE case_id = p_case_id AND work_kind = 'direct_meter_mounting') THEN
    PERFORM set_config('desk.status_rule', 'workOrdersDone', true);
    UPDATE cases SET status = 'meter_mounted' WHERE id = p_case_id;
    PERFORM set_config('desk.status_rule', coalesce(outer_rule, ''), true);
  END IF;
END $$;
--> statement-breakpoint
-- Named to fire after work_orders_audit (AFTER triggers fire by name), so the history reads "done", then the move.
CREATE FUNCTION work_orders_then_advance_case() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.status = 'done' AND OLD.status IS DISTINCT FROM 'done' THEN
    PERFORM desk_advance_case_after_work_done(NEW.case_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER work_orders_then_advance_case AFTER UPDATE OF status ON work_orders
  FOR EACH ROW EXECUTE FUNCTION work_orders_then_advance_case();
--> statement-breakpoint
-- The completion notice after the work: named to fire after cases_audit, so the history reads the notice's move,
-- then the rule's.
CREATE FUNCTION cases_then_advance_after_work_done() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.status = 'completion_reported' AND OLD.status IS DISTINCT FROM 'completion_reported' THEN
    PERFORM desk_advance_case_after_work_done(NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cases_then_advance_after_work_done AFTER UPDATE OF status ON cases
  FOR EACH ROW WHEN (NEW.status = 'completion_reported' AND OLD.status IS DISTINCT FROM 'completion_reported')
  EXECUTE FUNCTION cases_then_advance_after_work_done();
--> statement-breakpoint
-- The order letter reaches the server as the offer letter does (0011's store_offer_letter, through the same
-- desk_file_case_letter): nobody but the owner writes attachment_blobs or attachments, and this is the one narrow
-- way in — only the PDF an order names, only by the supervisor who placed it, only on that order's case.
CREATE FUNCTION store_work_order_letter(p_order_id uuid, p_content bytea) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  digest text := encode(sha256(p_content), 'hex');
  letter record;
BEGIN
  SELECT w.case_id, w.work_kind, w.ordered_by, w.ordered_at, w.pdf_sha256, c.case_number
    INTO letter
    FROM work_orders w JOIN cases c ON c.id = w.case_id
   WHERE w.id = p_order_id
     FOR SHARE OF w;
  IF NOT FOUND OR NOT pg_has_role(session_user, 'supervisor', 'MEMBER') OR letter.ordered_by IS DISTINCT FROM session_user::text
     OR letter.pdf_sha256 IS DISTINCT FROM digest THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:work_order_letter_refused: %s is not the letter of an order %s placed', digest, session_user);
  END IF;
  RETURN desk_file_case_letter(letter.case_id,
    format('arbeidsordre-%s-%s.pdf', letter.case_number, replace(letter.work_kind, '_', '-')), p_content, letter.ordered_at);
END $$;
--> statement-breakpoint
-- The order's message to the supplier: people may not queue a 'work_order' message themselves (the restrictive
-- policy below); this is the one way, and only for an order the caller placed, under the id the order names.
-- Errors: 42501 desk:work_order_message_refused.
CREATE FUNCTION queue_work_order_message(p_order_id uuid, p_recipient text, p_subject text, p_body text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  order_row record;
BEGIN
  SELECT case_id, ordered_by, message_id INTO order_row FROM work_orders WHERE id = p_order_id;
  IF NOT FOUND OR order_row.message_id IS NULL OR order_row.ordered_by IS DISTINCT FROM session_user::text
     OR NOT pg_has_role(session_user, 'supervisor', 'MEMBER') THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:work_order_message_refused: %s did not place work order %s', session_user, p_order_id);
  END IF;
  INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items)
  VALUES (order_row.message_id, order_row.case_id, 'work_order', p_recipient, p_subject, p_body, '[]')
  ON CONFLICT (id) DO NOTHING;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION queue_work_order_message(uuid, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION queue_work_order_message(uuid, text, text, text) TO supervisor;
--> statement-breakpoint
CREATE POLICY outgoing_messages_no_work_order_by_hand ON outgoing_messages AS RESTRICTIVE FOR INSERT
  TO case_handler, supervisor WITH CHECK (kind <> 'work_order');
--> statement-breakpoint
REVOKE ALL ON FUNCTION work_orders_guard(), work_orders_audit(), work_orders_then_advance_case(),
  cases_then_advance_after_work_done(), desk_advance_case_after_work_done(bigint) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION store_work_order_letter(uuid, bytea) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION store_work_order_letter(uuid, bytea) TO supervisor;

-- The installers' portal, part 4 (issue 12, item 4): work orders answered by the area supplier itself. A portal firm
-- whose organisation number is an area supplier's (area_suppliers.organisation_number) sees the orders placed with
-- that supplier, confirms one with a planned date (ordered → accepted) and reports it done (→ done) with the meter
-- number, the reading, the day the work was done, photos and the samsvarserklæring. The desk's manual entry of the
-- supplier's answers stays, for suppliers without portal access.
--
-- Prequalified installers get no work orders: the desk orders only the work the installer may not do
-- (rules/workOrders.ts proposeWorkOrders), and the installer reports its own meter work in the ferdigmelding it sends
-- on its case (meter numbers, readings, samsvarserklæring) — so nothing here is for them.
--
-- What portal_user may do, always for the firm of the transaction (portal_current_firm()):
--   * SELECT the firm's orders (policy work_orders_portal_supplier) — not who at the grid company placed or
--     recorded them, nor the message id;
--   * read the site of those orders — address, cadastre, metering point, fuse, network, the owner's name and phone
--     as the order letter gives them, the installer — through portal_work_order_sites(); nothing else of the case
--     (no national id, no notes, no e-mail);
--   * fetch an order's letter (portal_work_order_letter), confirm (portal_confirm_work_order) and report
--     (portal_report_work_order): definer functions that decide the actor ('system:portal'), the time, and who in
--     the firm did it. The report files the photos (kind 'photo') and the samsvarserklæring (kind
--     'declaration_of_conformity', 0020's kind) on the case, puts the mounted meter's number on the case, and lets the
--     existing triggers of 0014 write the history and move the case completion_reported → meter_mounted.
-- All writes go through the version clock (the triggers on work_orders, cases, attachments, case_events), so every
-- desk pulls them live.
-- Answers (text) of the write functions: 'confirmed' / 'reported' (done now), 'unchanged' (the same answer was
-- recorded before: a retry), 'conflict' (the order is past that step with another answer, or the case is closed),
-- 'not_found' (no such order of the firm). Errors: PT005 portal:bad_input.

-- ── What the supplier answered ──────────────────────────────────────────────────────────────────────────────────
ALTER TABLE work_orders
  ADD COLUMN planned_date date,
  ADD COLUMN done_on date,
  ADD COLUMN meter_number text,
  ADD COLUMN meter_reading numeric(12, 1),
  ADD COLUMN confirmed_in_portal_by text,
  ADD COLUMN reported_in_portal_by text,
  ADD COLUMN report_attachment_ids jsonb DEFAULT '[]'::jsonb NOT NULL,
  ADD CONSTRAINT work_orders_meter_reading_positive CHECK (meter_reading >= 0),
  ADD CONSTRAINT work_orders_report_attachments_array CHECK (jsonb_typeof(report_attachment_ids) = 'array'),
  ADD CONSTRAINT work_orders_report_only_when_done CHECK (status = 'done' OR (done_on IS NULL AND meter_number IS NULL
    AND meter_reading IS NULL AND reported_in_portal_by IS NULL AND report_attachment_ids = '[]'::jsonb));
--> statement-breakpoint
-- 0014's guard, with the answer columns: the planned date comes with the acceptance, the report with done, and
-- nothing else of an order ever changes. Only the portal's definer functions (the owner) write these columns: no
-- group role holds a grant on them.
CREATE OR REPLACE FUNCTION work_orders_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.status := 'ordered';
    NEW.ordered_by := desk_actor();
    NEW.ordered_at := now();
    NEW.accepted_at := NULL; NEW.accepted_by := NULL; NEW.done_at := NULL; NEW.done_by := NULL;
    NEW.planned_date := NULL; NEW.done_on := NULL; NEW.meter_number := NULL; NEW.meter_reading := NULL;
    NEW.confirmed_in_portal_by := NULL; NEW.reported_in_portal_by := NULL; NEW.report_attachment_ids := '[]';
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
     OR (to_jsonb(NEW) - ARRAY['status', 'accepted_at', 'done_at', 'accepted_by', 'done_by', 'version', 'planned_date',
           'confirmed_in_portal_by', 'done_on', 'meter_number', 'meter_reading', 'reported_in_portal_by',
           'report_attachment_ids'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'accepted_at', 'done_at', 'accepted_by', 'done_by', 'version',
           'planned_date', 'confirmed_in_portal_by', 'done_on', 'meter_number', 'meter_reading', 'reported_in_portal_by',
           'report_attachment_ids'])
     OR (NEW.status = 'done' AND (NEW.planned_date IS DISTINCT FROM OLD.planned_date
           OR NEW.confirmed_in_portal_by IS DISTINCT FROM OLD.confirmed_in_portal_by)) THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('desk:work_order_status: work order %s is %s; only ordered → accepted → done is allowed',
        OLD.id, OLD.status);
  END IF;
  IF NEW.status = 'accepted' THEN
    NEW.accepted_by := desk_actor();
    NEW.accepted_at := now();
    NEW.done_by := NULL;
    NEW.done_at := NULL;
  ELSE
    NEW.accepted_by := OLD.accepted_by;
    NEW.accepted_at := OLD.accepted_at;
    NEW.done_by := desk_actor();
    NEW.done_at := now();
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- ── Whose orders ────────────────────────────────────────────────────────────────────────────────────────────────
CREATE FUNCTION portal_firm_supplier(p_supplier bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM area_suppliers s JOIN portal_firms f ON f.organisation_number = s.organisation_number
                  WHERE s.id = p_supplier AND f.id = portal_current_firm() AND f.state = 'approved')
$$;
--> statement-breakpoint
ALTER TABLE work_orders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Every existing role keeps its access as it was: the group roles read all, the supervisor orders, case handlers
-- and supervisors record answers (0014's grants still decide what each may write).
CREATE POLICY work_orders_staff ON work_orders FOR ALL TO case_handler, supervisor, reader, desk_service
  USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT (id, case_id, supplier_id, work_kind, status, agreement_days, due_date, ordered_at, accepted_at, done_at,
  pdf_sha256, planned_date, done_on, meter_number, meter_reading, confirmed_in_portal_by, reported_in_portal_by,
  report_attachment_ids, version) ON work_orders TO portal_user;
--> statement-breakpoint
CREATE POLICY work_orders_portal_supplier ON work_orders FOR SELECT TO portal_user
  USING (portal_firm_supplier(supplier_id));
--> statement-breakpoint
-- ── The site, as the order letter describes it ──────────────────────────────────────────────────────────────────
CREATE FUNCTION portal_work_order_sites()
RETURNS TABLE (order_id uuid, case_number text, case_status text, address text, postcode text, post_town text,
  municipality_number text, municipality_name text, gnr integer, bnr integer, fnr integer, snr integer,
  metering_point_ids jsonb, meter_numbers jsonb, network_system text, phases integer, main_fuse_a integer,
  owner_name text, owner_phone text, installer_name text, installer_phone text, supplier_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT w.id, c.case_number, c.status, c.address, c.postcode, c.post_town, c.municipality_number, m.name,
         c.gnr, c.bnr, c.fnr, c.snr, c.metering_point_ids, c.meter_numbers, c.network_system, c.phases, c.main_fuse_a,
         c.owner_name, c.owner_phone, i.name, i.phone, s.name
    FROM work_orders w
    JOIN cases c ON c.id = w.case_id
    JOIN installers i ON i.id = c.installer_id
    JOIN area_suppliers s ON s.id = w.supplier_id
    LEFT JOIN municipalities m ON m.number = c.municipality_number
   WHERE portal_firm_supplier(w.supplier_id)
$$;
--> statement-breakpoint
-- The order letter's PDF (the one the order names), for the firm the order went to; nothing otherwise.
CREATE FUNCTION portal_work_order_letter(p_order uuid) RETURNS TABLE (file_name text, content bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT format('arbeidsordre-%s-%s.pdf', c.case_number, replace(w.work_kind, '_', '-')), b.content
    FROM work_orders w
    JOIN cases c ON c.id = w.case_id
    JOIN attachment_blobs b ON b.sha256 = w.pdf_sha256
   WHERE w.id = p_order AND portal_firm_supplier(w.supplier_id)
$$;
--> statement-breakpoint
-- The photos and declaration the firm sent with the report of one of its orders: which, and each one's content.
CREATE FUNCTION portal_work_order_files(p_order uuid)
RETURNS TABLE (attachment_id bigint, kind text, file_name text, mime_type text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.id, a.kind, a.file_name, a.mime_type
    FROM work_orders w
    JOIN attachments a ON a.case_id = w.case_id AND w.report_attachment_ids @> to_jsonb(a.id)
   WHERE w.id = p_order AND portal_firm_supplier(w.supplier_id)
   ORDER BY a.id
$$;
--> statement-breakpoint
CREATE FUNCTION portal_work_order_file(p_order uuid, p_attachment bigint)
RETURNS TABLE (file_name text, mime_type text, content bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.file_name, a.mime_type, b.content
    FROM work_orders w
    JOIN attachments a ON a.case_id = w.case_id AND w.report_attachment_ids @> to_jsonb(a.id)
    JOIN attachment_blobs b ON b.sha256 = a.sha256
   WHERE w.id = p_order AND a.id = p_attachment AND portal_firm_supplier(w.supplier_id)
$$;
--> statement-breakpoint
-- "Name (Firm)" of the portal user acting, for the desk's record of who answered.
CREATE FUNCTION portal_acting_person() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT format('%s (%s)', coalesce(nullif(u.name, ''), u.email), f.name)
    FROM portal_users u JOIN portal_firms f ON f.id = u.firm_id
   WHERE u.id = portal_current_user() AND u.firm_id = portal_current_firm() AND NOT u.disabled
$$;
--> statement-breakpoint
-- ── Confirming ──────────────────────────────────────────────────────────────────────────────────────────────────
-- The planned date may not be in the past (Oslo's today) nor more than 90 days ahead (rules/workOrderAnswers.ts).
CREATE FUNCTION portal_confirm_work_order(p_order uuid, p_planned date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  today date := (now() AT TIME ZONE 'Europe/Oslo')::date;
  person text := portal_acting_person();
  found_order record;
BEGIN
  IF person IS NULL OR p_planned IS NULL OR p_planned < today OR p_planned > today + 90 THEN
    RAISE EXCEPTION USING ERRCODE = 'PT005', MESSAGE = 'portal:bad_input: planned date from today, at most 90 days ahead';
  END IF;
  SELECT w.status, w.planned_date, w.supplier_id, c.status AS case_status INTO found_order
    FROM work_orders w JOIN cases c ON c.id = w.case_id WHERE w.id = p_order FOR UPDATE OF w;
  IF NOT FOUND OR NOT portal_firm_supplier(found_order.supplier_id) THEN
    RETURN 'not_found';
  END IF;
  IF found_order.status = 'accepted' AND found_order.planned_date = p_planned THEN
    RETURN 'unchanged';
  END IF;
  IF found_order.status <> 'ordered' OR found_order.case_status IN ('rejected', 'closed', 'developer_project') THEN
    RETURN 'conflict';
  END IF;
  PERFORM set_config('desk.actor', 'system:portal', true);
  UPDATE work_orders SET status = 'accepted', planned_date = p_planned, confirmed_in_portal_by = person
   WHERE id = p_order;
  RETURN 'confirmed';
END $$;
--> statement-breakpoint
-- ── Reporting done ──────────────────────────────────────────────────────────────────────────────────────────────
-- p_files: [{"kind": "photo"|"declaration_of_conformity", "fileName", "mimeType", "contentBase64"}], the types sniffed
-- by the service (PDF for the declaration, JPEG or PNG for photos). Meter mounting needs the meter's number and
-- reading. An order still 'ordered' is accepted on the way (the work is done, so it was taken). The same report
-- again (same day, meter and reading) is a retry: nothing is written twice.
CREATE FUNCTION portal_report_work_order(p_order uuid, p_done_on date, p_meter_number text, p_meter_reading numeric,
  p_files jsonb) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  today date := (now() AT TIME ZONE 'Europe/Oslo')::date;
  person text := portal_acting_person();
  found_order record;
  file jsonb;
  content bytea;
  digest text;
  attachment_id bigint;
  filed jsonb := '[]';
BEGIN
  IF person IS NULL OR p_done_on IS NULL OR p_done_on > today OR p_done_on < today - 365
     OR (p_meter_number IS NOT NULL AND p_meter_number !~ '^[0-9A-Za-z-]{1,40}$') OR p_meter_reading < 0
     OR jsonb_typeof(coalesce(p_files, '[]')) <> 'array' THEN
    RAISE EXCEPTION USING ERRCODE = 'PT005', MESSAGE = 'portal:bad_input: done date, meter number, reading or files';
  END IF;
  SELECT w.*, c.status AS case_status INTO found_order
    FROM work_orders w JOIN cases c ON c.id = w.case_id WHERE w.id = p_order FOR UPDATE OF w;
  IF NOT FOUND OR NOT portal_firm_supplier(found_order.supplier_id) THEN
    RETURN 'not_found';
  END IF;
  IF found_order.status = 'done' THEN
    RETURN CASE WHEN found_order.done_on = p_done_on AND found_order.meter_number IS NOT DISTINCT FROM p_meter_number
                  AND found_order.meter_reading IS NOT DISTINCT FROM p_meter_reading THEN 'unchanged' ELSE 'conflict' END;
  END IF;
  IF found_order.case_status IN ('rejected', 'closed', 'developer_project') THEN
    RETURN 'conflict';
  END IF;
  IF found_order.work_kind = 'direct_meter_mounting' AND (p_meter_number IS NULL OR p_meter_reading IS NULL) THEN
    RAISE EXCEPTION USING ERRCODE = 'PT005', MESSAGE = 'portal:bad_input: meter mounting is reported with the meter number and reading';
  END IF;
  PERFORM set_config('desk.actor', 'system:portal', true);
  FOR file IN SELECT * FROM jsonb_array_elements(coalesce(p_files, '[]')) LOOP
    IF NOT ((file->>'kind' = 'photo' AND file->>'mimeType' IN ('image/jpeg', 'image/png'))
            OR (file->>'kind' = 'declaration_of_conformity' AND file->>'mimeType' = 'application/pdf'))
       OR coalesce(file->>'fileName', '') = '' THEN
      RAISE EXCEPTION USING ERRCODE = 'PT005', MESSAGE = 'portal:bad_input: a photo is JPEG or PNG, a declaration PDF';
    END IF;
    content := decode(file->>'contentBase64', 'base64');
    digest := encode(sha256(content), 'hex');
    INSERT INTO attachment_blobs (sha256, content) VALUES (digest, content) ON CONFLICT (sha256) DO NOTHING;
    INSERT INTO attachments (case_id, kind, file_name, mime_type, size_bytes, sha256, received_at)
    VALUES (found_order.case_id, file->>'kind', left(file->>'fileName', 200), file->>'mimeType', octet_length(content),
      digest, now())
    RETURNING id INTO attachment_id;
    filed := filed || to_jsonb(attachment_id);
  END LOOP;
  -- The mounted meter is the case's meter from now on (the desk shows it, Elhub registration uses it).
  IF found_order.work_kind = 'direct_meter_mounting' THEN
    UPDATE cases SET meter_numbers = meter_numbers || jsonb_build_array(p_meter_number)
     WHERE id = found_order.case_id AND NOT meter_numbers @> jsonb_build_array(p_meter_number);
  END IF;
  IF found_order.status = 'ordered' THEN
    UPDATE work_orders SET status = 'accepted', planned_date = p_done_on, confirmed_in_portal_by = person WHERE id = p_order;
  END IF;
  -- 0014's triggers write work_order_done and, when this was the case's last open order and it mounted the meter,
  -- move the case completion_reported → meter_mounted (rule workOrdersDone).
  UPDATE work_orders SET status = 'done', done_on = p_done_on, meter_number = p_meter_number,
    meter_reading = p_meter_reading, reported_in_portal_by = person, report_attachment_ids = filed
   WHERE id = p_order;
  RETURN 'reported';
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_firm_supplier(bigint), portal_work_order_sites(), portal_work_order_letter(uuid),
  portal_work_order_files(uuid), portal_work_order_file(uuid, bigint), portal_acting_person(), portal_confirm_work_order(uuid, date),
  portal_report_work_order(uuid, date, text, numeric, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_firm_supplier(bigint), portal_work_order_sites(), portal_work_order_letter(uuid),
  portal_work_order_files(uuid), portal_work_order_file(uuid, bigint), portal_confirm_work_order(uuid, date),
  portal_report_work_order(uuid, date, text, numeric, jsonb) TO portal_user;

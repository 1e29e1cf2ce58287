-- The installers' portal, part 4 (issue 12, item 3): following a case. On top of 0019 (the firm's cases, their
-- attachments and the grid company's messages to the installer) a firm's signed-in user reads:
--   * the history of its cases that is the installer's business: its own messages arriving (received,
--     supplement_received, completion_notice_received), completeness reached (the due date) and every change of
--     status (with the reason a rejection or a developer-project referral must give in words the installer reads,
--     and an approval's conditions). Not the internal kinds — notes, claims, assignments, overrides, routing, offers
--     (the owner's), work orders (the area supplier's), billing — and not who acted (actor_id);
--   * the case handler's display name, through portal_case_handler (portal_user may not read app_users);
--   * an attachment's content, through portal_attachment_content (portal_user may not read attachment_blobs);
--   * the loaded completeness rules (company practice, nothing of any firm), to word the items a request for
--     information asks for.
-- Both functions answer only for the acting firm's cases (portal_firm_case), so another firm's id tells nothing.
-- The completion notice (ferdigmelding) now carries attachments — the samsvarserklæring among them — so the
-- attachment kinds get declaration_of_conformity (domain.ts ATTACHMENT_KINDS).

-- ── case_events ─────────────────────────────────────────────────────────────────────────────────────────────────
GRANT SELECT (id, case_id, at, kind, data) ON case_events TO portal_user;
--> statement-breakpoint
CREATE POLICY case_events_portal_user_read ON case_events FOR SELECT TO portal_user
  USING (kind IN ('received', 'supplement_received', 'completion_notice_received', 'completeness_reached',
    'status_changed') AND portal_firm_case(case_id));
--> statement-breakpoint
-- ── Who handles the case ────────────────────────────────────────────────────────────────────────────────────────
CREATE FUNCTION portal_case_handler(p_case bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.display_name FROM cases c JOIN app_users u ON u.id = c.assignee_id
   WHERE c.id = p_case AND portal_firm_case(p_case)
$$;
--> statement-breakpoint
-- ── One attachment's content ────────────────────────────────────────────────────────────────────────────────────
CREATE FUNCTION portal_attachment_content(p_attachment bigint) RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT b.content FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256
   WHERE a.id = p_attachment AND portal_firm_case(a.case_id)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_case_handler(bigint), portal_attachment_content(bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_case_handler(bigint), portal_attachment_content(bigint) TO portal_user;
--> statement-breakpoint
GRANT SELECT ON completeness_rules TO portal_user;
--> statement-breakpoint
-- ── The samsvarserklæring as an attachment kind ─────────────────────────────────────────────────────────────────
ALTER TABLE attachments DROP CONSTRAINT attachments_kind_known;
--> statement-breakpoint
ALTER TABLE attachments ADD CONSTRAINT attachments_kind_known CHECK (kind IN ('site_map', 'single_line_diagram',
  'power_budget', 'grid_rental_order', 'co_owner_consent', 'production_declaration', 'inverter_certificate', 'photo',
  'declaration_of_conformity', 'other'));

-- Offers through the central database (issue 5): drafts now travel (0010's policies already allow them only under
-- a live claim), and the issued letter reaches the server. A case handler holds no INSERT on attachment_blobs or
-- attachments; store_offer_letter is the one narrow way in: it stores bytes only as the letter of an offer the
-- caller issued, only when their SHA-256 is the offer's pdf_sha256 (fixed at issue, immutable since), and only on
-- that offer's case. Errors: 42501 desk:offer_letter_refused.
--
-- The issue and its letter are written in one transaction (the offer names the hash first, the blob follows), so
-- the foreign key from offers.pdf_sha256 to attachment_blobs is checked at commit instead of per statement.
ALTER TABLE offers ALTER CONSTRAINT offers_pdf_sha256_attachment_blobs_sha256_fk DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
-- Files a letter's bytes on its case: the blob once by its hash, the attachment once per case. Internal: called only
-- by the functions below that first check whose letter it is (store_offer_letter; 0014's store_work_order_letter).
CREATE FUNCTION desk_file_case_letter(p_case_id bigint, p_file_name text, p_content bytea, p_received_at timestamptz)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  digest text := encode(sha256(p_content), 'hex');
  attachment_id bigint;
BEGIN
  INSERT INTO attachment_blobs (sha256, content) VALUES (digest, p_content) ON CONFLICT (sha256) DO NOTHING;
  SELECT id INTO attachment_id FROM attachments WHERE case_id = p_case_id AND sha256 = digest ORDER BY id LIMIT 1;
  IF attachment_id IS NULL THEN
    INSERT INTO attachments (case_id, kind, file_name, mime_type, size_bytes, sha256, received_at)
    VALUES (p_case_id, 'other', p_file_name, 'application/pdf', octet_length(p_content), digest, p_received_at)
    RETURNING id INTO attachment_id;
  END IF;
  RETURN attachment_id;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION desk_file_case_letter(bigint, text, bytea, timestamptz) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION store_offer_letter(p_offer_id uuid, p_content bytea) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  digest text := encode(sha256(p_content), 'hex');
  letter record;
BEGIN
  IF NOT (pg_has_role(session_user, 'case_handler', 'MEMBER') OR pg_has_role(session_user, 'supervisor', 'MEMBER')) THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = 'desk:offer_letter_refused: only a case handler or supervisor may store an offer letter';
  END IF;
  SELECT o.case_id, o.offer_version, o.state, o.issued_by, o.issued_at, o.pdf_sha256, c.case_number
    INTO letter
    FROM offers o JOIN cases c ON c.id = o.case_id
   WHERE o.id = p_offer_id
     FOR SHARE OF o;
  IF NOT FOUND OR letter.state = 'draft' OR letter.issued_by IS DISTINCT FROM session_user::text
     OR letter.pdf_sha256 IS DISTINCT FROM digest THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('desk:offer_letter_refused: %s is not the letter of an offer %s issued', digest, session_user),
      HINT = 'Only the person who issued an offer may store its letter, and only the PDF the offer names.';
  END IF;
  RETURN desk_file_case_letter(letter.case_id, format('tilbud-%s-v%s.pdf', letter.case_number, letter.offer_version),
    p_content, letter.issued_at);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION store_offer_letter(uuid, bytea) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION store_offer_letter(uuid, bytea) TO case_handler, supervisor;

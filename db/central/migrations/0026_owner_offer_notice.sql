-- The owner's offer notice (issue 12, items 5 and 6): when a case handler registers the offer as sent (the case moves
-- to offer_sent), an e-mail to the owner's address on the case is queued in the same transaction — the offer letter
-- attached as PDF (it carries the personal code; the service never knows the code, only its hash, 0024) and the link
-- to the portal's offer page. Once per offer (0022's unique offer/channel), only for the issued offer in force, only to
-- the owner's own address. The link is the company setting portal_url where it is set (the address the letter
-- prints); otherwise the delivery worker uses the service's PORTAL_URL.
CREATE FUNCTION cases_enqueue_offer_notice() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  offer uuid;
  portal text;
BEGIN
  IF NEW.status <> 'offer_sent' OR OLD.status = 'offer_sent'
     OR coalesce(btrim(NEW.owner_email), '') !~ '^[^@\s]+@[^@\s]+$' THEN
    RETURN NULL;
  END IF;
  -- The letter is what the mail carries: an offer without its stored letter (none is issued so) gets no notice.
  SELECT o.id INTO offer FROM offers o WHERE o.case_id = NEW.id AND o.state = 'issued' AND o.pdf_sha256 IS NOT NULL
   ORDER BY o.offer_version DESC LIMIT 1;
  IF offer IS NULL THEN
    RETURN NULL;
  END IF;
  -- The setting is a JSON string; anything else is left to the worker's address rather than failing the send.
  SELECT substring(s.value FROM '^"(https?://[^"\\]+?)/*"$') INTO portal FROM company_settings s WHERE s.key = 'portal_url';
  INSERT INTO message_deliveries (offer_id, case_id, channel, notice, recipient, link, state, next_attempt_at)
  VALUES (offer, NEW.id, 'email', 'offer', lower(btrim(NEW.owner_email)),
          CASE WHEN portal IS NOT NULL THEN portal || '/tilbud/' || offer END, 'queued', now())
  ON CONFLICT (offer_id, channel) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cases_enqueue_offer_notice() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER cases_enqueue_offer_notice AFTER UPDATE OF status ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_enqueue_offer_notice();
--> statement-breakpoint
-- The letter an offer notice carries, for the delivery worker (desk_service itself) only.
CREATE FUNCTION delivery_offer_letter(p_delivery uuid) RETURNS TABLE (offer_id uuid, offer_version integer, content bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT o.id, o.offer_version, b.content FROM message_deliveries d JOIN offers o ON o.id = d.offer_id
    JOIN attachment_blobs b ON b.sha256 = o.pdf_sha256
   WHERE d.id = p_delivery AND d.notice = 'offer'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION delivery_offer_letter(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION delivery_offer_letter(uuid) TO desk_service;
--> statement-breakpoint
-- 0022's hook for this notice is replaced by the trigger above: nobody needs to (or may) queue mail to an owner by hand.
DROP FUNCTION enqueue_offer_notice(uuid, text, text);

-- Issue 15 (a cache under 1 kB per case): 0008 kept in server_row a copy of every offer the central database sent,
-- in case a local change to it had to be rolled back — the lines twice, 2.8 kB of an offer's 5.5 kB. The copy is
-- needed only while a local change waits: it is now taken when one begins (pending_seq from NULL to an outbox
-- entry; every local change of an offer sets it in the same UPDATE, so OLD is the server's row) and dropped when the
-- change settles or is rolled back (core/sync/rebase.ts), and a pulled offer is written without it
-- (core/sync/applyRows.ts). An offer made here and never sent still has none: server_row NULL with pending_seq set
-- means exactly that, as before.
UPDATE `offers` SET `server_row` = NULL WHERE `pending_seq` IS NULL;
--> statement-breakpoint
CREATE TRIGGER `offers_keep_server_row` AFTER UPDATE OF `pending_seq` ON `offers`
WHEN OLD.pending_seq IS NULL AND NEW.pending_seq IS NOT NULL
BEGIN
  UPDATE `offers` SET `server_row` = json_object('id', OLD.id, 'case_id', OLD.case_id, 'offer_version', OLD.offer_version,
    'state', OLD.state, 'price_list_id', OLD.price_list_id, 'price_list_version', OLD.price_list_version,
    'lines', OLD.lines, 'connection_fee_deduction_ore', OLD.connection_fee_deduction_ore, 'totals', OLD.totals,
    'valid_until', OLD.valid_until, 'issued_at', OLD.issued_at, 'issued_by', OLD.issued_by,
    'pdf_sha256', OLD.pdf_sha256, 'created_at', OLD.created_at, 'created_by', OLD.created_by)
  WHERE id = OLD.id;
END;

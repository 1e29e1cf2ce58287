-- Offers and the issued letter's attachment as optimistic rows (issue 5 in central mode): pending_seq names the
-- outbox entry a local change waits for, as on case_events and notes. server_row keeps the offer as the central
-- database last sent it (JSON of the synced columns), so a refused or overtaken change can be rolled back to it
-- without asking the server; NULL for an offer the server has never sent (made here, still pending).
ALTER TABLE `offers` ADD `pending_seq` integer;
--> statement-breakpoint
ALTER TABLE `offers` ADD `server_row` text;
--> statement-breakpoint
ALTER TABLE `attachments` ADD `pending_seq` integer;
--> statement-breakpoint
CREATE INDEX `offers_pending` ON `offers` (`pending_seq`) WHERE pending_seq IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `attachments_pending` ON `attachments` (`pending_seq`) WHERE pending_seq IS NOT NULL;
--> statement-breakpoint
-- Offers already in a cache came from the server or were made here and never sent (drafts did not travel before):
-- either way, what is here now is the copy to go back to.
UPDATE `offers` SET `server_row` = json_object('id', id, 'case_id', case_id, 'offer_version', offer_version, 'state', state,
  'price_list_id', price_list_id, 'price_list_version', price_list_version, 'lines', lines,
  'connection_fee_deduction_ore', connection_fee_deduction_ore, 'totals', totals, 'valid_until', valid_until,
  'issued_at', issued_at, 'issued_by', issued_by, 'pdf_sha256', pdf_sha256, 'created_at', created_at, 'created_by', created_by);

ALTER TABLE "import_quarantine" ADD COLUMN "resolution_note" text;--> statement-breakpoint
-- Why a quarantined record was discarded, written by the person who discarded it.
GRANT UPDATE (resolution_note) ON import_quarantine TO case_handler, supervisor;

-- The optimistic rows (pending_seq set) are a handful among the whole history, and every pull of the sync engine
-- looks for them (electron/core/sync/rebase.ts): without these, each pull scanned every case event and note.
CREATE INDEX `case_events_pending` ON `case_events` (`pending_seq`) WHERE pending_seq IS NOT NULL;--> statement-breakpoint
CREATE INDEX `notes_pending` ON `notes` (`pending_seq`) WHERE pending_seq IS NOT NULL;
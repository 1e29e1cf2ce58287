-- The content of every imported message, as the SHA-256 of its canonical JSON (electron/core/import/recordContent.ts):
-- a message id seen again with other content is quarantined for a person to look at, not counted as a duplicate.
-- Rows imported before this have none (their repeats still count as duplicates). incoming_messages is the
-- importer's (the owner's) alone: no grants change. IF NOT EXISTS: 0015 was being written at the same time.
ALTER TABLE "incoming_messages" ADD COLUMN IF NOT EXISTS "content_sha256" text;

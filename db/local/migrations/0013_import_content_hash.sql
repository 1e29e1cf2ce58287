-- The content of every imported message, as the SHA-256 of its canonical JSON (import/recordContent.ts): a message
-- id seen again with other content is quarantined for a person to look at, not counted as a duplicate. Rows
-- imported before this have none (their repeats still count as duplicates).
ALTER TABLE `incoming_messages` ADD `content_sha256` text;

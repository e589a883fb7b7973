-- A message is known by its id AND a fingerprint of its content (docs/storage.md §9): OneBot implementations reuse
-- message ids (a hash of a sequence, a counter that restarts), so a later, different message with an old id is a new
-- message, and only a delivery with the same id and the same fingerprint is a redelivery. Rows written before this
-- version keep an empty fingerprint, which the reply log treats as matching any content (the old rule).
ALTER TABLE activity_record ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE activity_record DROP CONSTRAINT uq_activity_record_source;
ALTER TABLE activity_record
    ADD CONSTRAINT uq_activity_record_source UNIQUE (platform, group_id, message_id, content_hash);

ALTER TABLE handled_message ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE handled_message DROP CONSTRAINT handled_message_pkey;
ALTER TABLE handled_message ADD PRIMARY KEY (platform, group_id, message_id, content_hash);

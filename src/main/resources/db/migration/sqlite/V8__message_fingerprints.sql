-- A message is known by its id AND a fingerprint of its content (docs/storage.md §9): OneBot implementations reuse
-- message ids (a hash of a sequence, a counter that restarts), so a later, different message with an old id is a new
-- message, and only a delivery with the same id and the same fingerprint is a redelivery. Rows written before this
-- version keep an empty fingerprint, which the reply log treats as matching any content (the old rule).
--
-- SQLite cannot change a table's UNIQUE constraint or primary key in place, so both tables are rebuilt the way
-- SQLite's documentation describes: foreign keys off (which only works outside a transaction, hence the .conf file
-- beside this script), new table, copy, drop, rename, check, foreign keys back on.
PRAGMA foreign_keys = OFF;

-- outside a transaction a savepoint opens one, and its release commits it (Flyway's parser reads BEGIN as a block)
SAVEPOINT message_fingerprints;

CREATE TABLE activity_record_v8 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    platform        TEXT    NOT NULL,
    group_id        TEXT    NOT NULL,
    sender_id       TEXT    NOT NULL,
    sender_name     TEXT    NOT NULL,
    message_id      TEXT    NOT NULL,
    content_hash    TEXT    NOT NULL DEFAULT '',
    received_at     INTEGER NOT NULL,
    activity_date   TEXT    NOT NULL,
    district        TEXT    NOT NULL,
    unit            TEXT    NOT NULL,
    category        TEXT,
    materials_total INTEGER,
    value_fen       INTEGER,
    note            TEXT,
    raw_text        TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('active', 'retracted', 'superseded')),
    supersedes      INTEGER REFERENCES activity_record (id),
    superseded_by   INTEGER REFERENCES activity_record (id),
    -- a redelivered or doubly delivered message must never make a second record: the database is the last guard
    CONSTRAINT uq_activity_record_source UNIQUE (platform, group_id, message_id, content_hash)
);

INSERT INTO activity_record_v8 (id, platform, group_id, sender_id, sender_name, message_id, received_at,
    activity_date, district, unit, category, materials_total, value_fen, note, raw_text, status, supersedes,
    superseded_by)
SELECT id, platform, group_id, sender_id, sender_name, message_id, received_at, activity_date, district, unit,
    category, materials_total, value_fen, note, raw_text, status, supersedes, superseded_by
FROM activity_record;

DROP TABLE activity_record;

ALTER TABLE activity_record_v8 RENAME TO activity_record;

CREATE INDEX ix_activity_record_date_status ON activity_record (activity_date, status);
CREATE INDEX ix_activity_record_district_date ON activity_record (district, activity_date);
CREATE INDEX ix_activity_record_sender ON activity_record (platform, group_id, sender_id, id);

CREATE TABLE handled_message_v8 (
    platform     TEXT    NOT NULL,
    group_id     TEXT    NOT NULL,
    message_id   TEXT    NOT NULL,
    content_hash TEXT    NOT NULL DEFAULT '',
    handled_at   INTEGER NOT NULL,
    reply_text   TEXT,
    PRIMARY KEY (platform, group_id, message_id, content_hash)
);

INSERT INTO handled_message_v8 (platform, group_id, message_id, handled_at, reply_text)
SELECT platform, group_id, message_id, handled_at, reply_text FROM handled_message;

DROP TABLE handled_message;

ALTER TABLE handled_message_v8 RENAME TO handled_message;

CREATE INDEX ix_handled_message_handled_at ON handled_message (handled_at);

RELEASE message_fingerprints;

PRAGMA foreign_keys = ON;

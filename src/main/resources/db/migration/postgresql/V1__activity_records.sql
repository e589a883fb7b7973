-- Activity records and their audit trail (docs/domain.md, docs/storage.md), PostgreSQL's copy of sqlite/V1: the same tables and
-- keys, with BIGSERIAL for SQLite's INTEGER PRIMARY KEY AUTOINCREMENT and BIGINT wherever SQLite's 64-bit INTEGER
-- holds ids, epoch millis, fen or counts. Money is stored in fen so sums stay exact; instants are epoch millis and
-- dates ISO text, which compare correctly as strings on every vendor.

CREATE TABLE activity_record (
    id              BIGSERIAL PRIMARY KEY,
    platform        TEXT    NOT NULL,
    group_id        TEXT    NOT NULL,
    sender_id       TEXT    NOT NULL,
    sender_name     TEXT    NOT NULL,
    message_id      TEXT    NOT NULL,
    received_at     BIGINT  NOT NULL,
    activity_date   TEXT    NOT NULL,
    district        TEXT    NOT NULL,
    unit            TEXT    NOT NULL,
    category        TEXT,
    materials_total BIGINT,
    value_fen       BIGINT,
    note            TEXT,
    raw_text        TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('active', 'retracted', 'superseded')),
    supersedes      BIGINT REFERENCES activity_record (id),
    superseded_by   BIGINT REFERENCES activity_record (id),
    -- a redelivered or doubly delivered message must never make a second record: the database is the last guard
    CONSTRAINT uq_activity_record_source UNIQUE (platform, group_id, message_id)
);

CREATE INDEX ix_activity_record_date_status ON activity_record (activity_date, status);
CREATE INDEX ix_activity_record_district_date ON activity_record (district, activity_date);
CREATE INDEX ix_activity_record_sender ON activity_record (platform, group_id, sender_id, id);

CREATE TABLE record_metric (
    record_id  BIGINT  NOT NULL REFERENCES activity_record (id),
    position   INTEGER NOT NULL,
    metric_key TEXT    NOT NULL,
    unit       TEXT    NOT NULL,
    value      BIGINT  NOT NULL,
    approx     INTEGER NOT NULL CHECK (approx IN (0, 1)),
    PRIMARY KEY (record_id, position)
);

CREATE TABLE record_item (
    record_id BIGINT  NOT NULL REFERENCES activity_record (id),
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    quantity  BIGINT  NOT NULL,
    unit      TEXT    NOT NULL,
    approx    INTEGER NOT NULL CHECK (approx IN (0, 1)),
    PRIMARY KEY (record_id, position)
);

CREATE TABLE record_event (
    id             BIGSERIAL PRIMARY KEY,
    record_id      BIGINT  NOT NULL REFERENCES activity_record (id),
    action         TEXT    NOT NULL,
    actor_platform TEXT    NOT NULL,
    actor_id       TEXT    NOT NULL,
    at             BIGINT  NOT NULL,
    detail         TEXT
);

CREATE INDEX ix_record_event_record ON record_event (record_id, id);

CREATE TABLE sender_binding (
    platform   TEXT    NOT NULL,
    sender_id  TEXT    NOT NULL,
    district   TEXT    NOT NULL,
    unit       TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL,
    PRIMARY KEY (platform, sender_id)
);

-- The reply log: a redelivered event gets exactly the answer the first delivery got (docs/storage.md §9).
CREATE TABLE handled_message (
    platform   TEXT    NOT NULL,
    group_id   TEXT    NOT NULL,
    message_id TEXT    NOT NULL,
    handled_at BIGINT  NOT NULL,
    reply_text TEXT,
    PRIMARY KEY (platform, group_id, message_id)
);

CREATE INDEX ix_handled_message_handled_at ON handled_message (handled_at);

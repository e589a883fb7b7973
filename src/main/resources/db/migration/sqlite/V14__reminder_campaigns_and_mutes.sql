-- What coordinators and members said about reminders (docs/reminders.md §3, §5).
--
-- reminder_campaign: every 催报 开启/关闭, never updated: daily reports expected (expected = 1) or not in a district
-- (NULL: the whole city) from from_date to to_date (NULL: open-ended). Of the rows covering a district on a day the
-- one set last decides. set_by_* say who typed it, set_at when (epoch millis).
CREATE TABLE reminder_campaign (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    district        TEXT,
    from_date       TEXT    NOT NULL,
    to_date         TEXT,
    expected        INTEGER NOT NULL CHECK (expected IN (0, 1)),
    set_by_platform TEXT    NOT NULL,
    set_by_id       TEXT    NOT NULL,
    set_by_name     TEXT    NOT NULL,
    set_at          BIGINT  NOT NULL
);

CREATE INDEX ix_reminder_campaign_dates ON reminder_campaign (from_date, to_date);

-- reminder_mute: members who asked with 免打扰 not to be @-mentioned by reminders; their unit is still listed.
CREATE TABLE reminder_mute (
    platform   TEXT   NOT NULL,
    sender_id  TEXT   NOT NULL,
    muted_at   BIGINT NOT NULL,
    CONSTRAINT pk_reminder_mute PRIMARY KEY (platform, sender_id)
);

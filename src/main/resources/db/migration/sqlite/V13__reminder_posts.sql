-- One row per (group, date, slot) of the reminders (催报) before the daily summary (docs/reminders.md §4): the same
-- claim as summary_post. The row is inserted (ON CONFLICT DO NOTHING) before anything is sent and every later change
-- is a conditional UPDATE, so two ticks, a restart or two replicas never send one slot twice. Instants are epoch
-- millis, dates ISO text, the slot the local time as HH:MM.
--
-- status: pending   claimed, not sent yet; owner holds it while lease_until is in the future
--         sending   a replica is calling the platform; left here only if it died mid-send, never resent
--         sent      delivered
--         failed    the last try failed retryably; tried again from next_attempt_at while the slot still matters
--         skipped   nothing to say: every expected unit had reported, or no unit was expected that day
--         abandoned given up (not retryable, no sender for the platform, or the slot is over)
CREATE TABLE reminder_post (
    platform        TEXT    NOT NULL,
    group_id        TEXT    NOT NULL,
    reminder_date   TEXT    NOT NULL,
    slot            TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'abandoned')),
    attempts        INTEGER NOT NULL CHECK (attempts >= 0),
    next_attempt_at BIGINT  NOT NULL,
    claimed_at      BIGINT  NOT NULL,
    sent_at         BIGINT,
    last_error      TEXT,
    owner           TEXT,
    lease_until     BIGINT,
    CONSTRAINT pk_reminder_post PRIMARY KEY (platform, group_id, reminder_date, slot)
);

CREATE INDEX ix_reminder_post_due ON reminder_post (status, next_attempt_at);

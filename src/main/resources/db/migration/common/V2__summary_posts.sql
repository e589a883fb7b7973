-- One row per (group, date) of the daily summary (docs/daily-summary.md §3). The row is claimed before the
-- summary is sent, and every status change is a conditional UPDATE, so two ticks or two replicas can never both
-- send the same post. Portable SQL: the same script serves PostgreSQL. Instants are epoch millis (BIGINT,
-- which SQLite stores as INTEGER), dates ISO text.
--
-- status: pending   claimed, not tried yet
--         sending   a replica (owner) is calling the platform; left here only if it died mid-send
--         sent      delivered
--         failed    the last try failed retryably; tried again from next_attempt_at
--         abandoned given up (non-retryable error, no sender for the platform, or retry period over)

CREATE TABLE summary_post (
    platform        TEXT    NOT NULL,
    group_id        TEXT    NOT NULL,
    summary_date    TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'abandoned')),
    attempts        INTEGER NOT NULL CHECK (attempts >= 0),
    next_attempt_at BIGINT  NOT NULL,
    claimed_at      BIGINT  NOT NULL,
    sent_at         BIGINT,
    last_error      TEXT,
    catch_up        INTEGER NOT NULL CHECK (catch_up IN (0, 1)),
    owner           TEXT,
    CONSTRAINT pk_summary_post PRIMARY KEY (platform, group_id, summary_date)
);

-- every tick asks for the due rows
CREATE INDEX ix_summary_post_due ON summary_post (status, next_attempt_at);

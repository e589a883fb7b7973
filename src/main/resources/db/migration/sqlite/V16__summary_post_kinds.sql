-- The weekly (周报) and monthly (月报) reports go out through the same claims as the daily summary
-- (docs/daily-summary.md §3, §10): the claim key becomes (platform, group, kind, date), where kind is daily, weekly
-- or monthly and summary_date is the day, the Monday of the week or the 1st of the month. Existing rows are daily.
-- SQLite cannot change a primary key in place, so the table is rebuilt with the same rows.

CREATE TABLE summary_post_v16 (
    platform        TEXT    NOT NULL,
    group_id        TEXT    NOT NULL,
    kind            TEXT    NOT NULL DEFAULT 'daily' CHECK (kind IN ('daily', 'weekly', 'monthly')),
    summary_date    TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'abandoned')),
    attempts        INTEGER NOT NULL CHECK (attempts >= 0),
    next_attempt_at BIGINT  NOT NULL,
    claimed_at      BIGINT  NOT NULL,
    sent_at         BIGINT,
    last_error      TEXT,
    catch_up        INTEGER NOT NULL CHECK (catch_up IN (0, 1)),
    owner           TEXT,
    lease_until     INTEGER,
    CONSTRAINT pk_summary_post PRIMARY KEY (platform, group_id, kind, summary_date)
);

INSERT INTO summary_post_v16 (platform, group_id, kind, summary_date, status, attempts, next_attempt_at, claimed_at,
    sent_at, last_error, catch_up, owner, lease_until)
SELECT platform, group_id, 'daily', summary_date, status, attempts, next_attempt_at, claimed_at, sent_at, last_error,
       catch_up, owner, lease_until
FROM summary_post;

DROP TABLE summary_post;
ALTER TABLE summary_post_v16 RENAME TO summary_post;

-- every tick asks for the due rows
CREATE INDEX ix_summary_post_due ON summary_post (status, next_attempt_at);

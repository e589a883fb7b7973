-- The city figures a daily summary published, per day, so that a later record, retraction or correction for
-- a day already posted shows up as a 更正 line in the next post. Portable SQL.

CREATE TABLE summary_snapshot (
    summary_date TEXT   NOT NULL,
    figures      TEXT   NOT NULL,
    updated_at   BIGINT NOT NULL,
    CONSTRAINT pk_summary_snapshot PRIMARY KEY (summary_date)
);

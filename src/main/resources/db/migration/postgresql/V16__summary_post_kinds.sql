-- The weekly (周报) and monthly (月报) reports go out through the same claims as the daily summary
-- (docs/daily-summary.md §3, §10): the claim key becomes (platform, group, kind, date), where kind is daily, weekly
-- or monthly and summary_date is the day, the Monday of the week or the 1st of the month. Existing rows are daily.

ALTER TABLE summary_post ADD COLUMN kind TEXT NOT NULL DEFAULT 'daily'
    CONSTRAINT ck_summary_post_kind CHECK (kind IN ('daily', 'weekly', 'monthly'));
ALTER TABLE summary_post DROP CONSTRAINT pk_summary_post;
ALTER TABLE summary_post ADD CONSTRAINT pk_summary_post PRIMARY KEY (platform, group_id, kind, summary_date);

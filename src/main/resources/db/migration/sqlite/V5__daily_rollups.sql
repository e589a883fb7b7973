-- Rollups of the active records (docs/storage.md §7): totals and rankings for a day, a month or a year read a few thousand
-- rollup rows instead of every record of the period. Kept in step by report/RollupRepository in the transaction
-- of every insert, retraction and correction (+1 / -1 per record), and filled here from the existing records.
--
-- span/period: each record counts once in its day ('D', period '2026-11-28'), its dekad ('T', 旬: '2026-11-1' for
-- days 1-10, '-2' for 11-20, '-3' for 21-end) and its month ('M', '2026-11'); query/PeriodSpans covers a date
-- range with the fewest such periods. `lines` counts the active lines behind a total, so a total that fell back
-- to zero by retractions is told apart from a written zero (the raw aggregate would not list it at all).
-- WITHOUT ROWID keeps each row inside its primary key, so a range scan reads no second b-tree (SQLite only; on
-- PostgreSQL a plain table with the same primary key).

CREATE TABLE rollup_metric (
    span       TEXT    NOT NULL,
    period     TEXT    NOT NULL,
    district   TEXT    NOT NULL,
    metric_key TEXT    NOT NULL,
    unit       TEXT    NOT NULL,
    total      INTEGER NOT NULL,
    lines      INTEGER NOT NULL,
    PRIMARY KEY (span, period, district, metric_key, unit)
) WITHOUT ROWID;

CREATE TABLE rollup_item (
    span     TEXT    NOT NULL,
    period   TEXT    NOT NULL,
    district TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    unit     TEXT    NOT NULL,
    total    INTEGER NOT NULL,
    lines    INTEGER NOT NULL,
    PRIMARY KEY (span, period, district, name, unit)
) WITHOUT ROWID;

-- reports, and the sums of materials_total and value_fen with how many records carried one
CREATE TABLE rollup_figures (
    span              TEXT    NOT NULL,
    period            TEXT    NOT NULL,
    district          TEXT    NOT NULL,
    reports           INTEGER NOT NULL,
    materials         INTEGER NOT NULL,
    materials_reports INTEGER NOT NULL,
    value_fen         INTEGER NOT NULL,
    value_reports     INTEGER NOT NULL,
    PRIMARY KEY (span, period, district)
) WITHOUT ROWID;

-- distinct reporting units: a unit counts for a range when one of its days in the range has reports > 0. The
-- primary key serves short ranges (the days' rows); the index serves "any day of this unit in the range?".
CREATE TABLE rollup_unit_day (
    activity_date TEXT    NOT NULL,
    district      TEXT    NOT NULL,
    unit          TEXT    NOT NULL,
    reports       INTEGER NOT NULL,
    PRIMARY KEY (activity_date, district, unit)
) WITHOUT ROWID;

CREATE INDEX ix_rollup_unit_day_unit ON rollup_unit_day (district, unit, activity_date, reports);

-- every unit that ever reported, with its latest day with an active report (NULL when none is left): a unit
-- whose latest such day lies within a range reported in it, so ranges that end today need no per-unit look-up
CREATE TABLE rollup_unit (
    district    TEXT NOT NULL,
    unit        TEXT NOT NULL,
    last_active TEXT,
    PRIMARY KEY (district, unit)
) WITHOUT ROWID;

INSERT INTO rollup_metric (span, period, district, metric_key, unit, total, lines)
SELECT s.column1,
       CASE s.column1 WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
            ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                 WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END,
       r.district, m.metric_key, m.unit, SUM(m.value), COUNT(*)
FROM activity_record r JOIN record_metric m ON m.record_id = r.id CROSS JOIN (VALUES ('D'), ('T'), ('M')) AS s
WHERE r.status = 'active'
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO rollup_item (span, period, district, name, unit, total, lines)
SELECT s.column1,
       CASE s.column1 WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
            ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                 WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END,
       r.district, i.name, i.unit, SUM(i.quantity), COUNT(*)
FROM activity_record r JOIN record_item i ON i.record_id = r.id CROSS JOIN (VALUES ('D'), ('T'), ('M')) AS s
WHERE r.status = 'active'
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO rollup_figures (span, period, district, reports, materials, materials_reports, value_fen, value_reports)
SELECT s.column1,
       CASE s.column1 WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
            ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                 WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END,
       r.district, COUNT(*), COALESCE(SUM(r.materials_total), 0), COUNT(r.materials_total),
       COALESCE(SUM(r.value_fen), 0), COUNT(r.value_fen)
FROM activity_record r CROSS JOIN (VALUES ('D'), ('T'), ('M')) AS s
WHERE r.status = 'active'
GROUP BY 1, 2, 3;

INSERT INTO rollup_unit_day (activity_date, district, unit, reports)
SELECT activity_date, district, unit, COUNT(*) FROM activity_record WHERE status = 'active' GROUP BY 1, 2, 3;

INSERT INTO rollup_unit (district, unit, last_active)
SELECT district, unit, MAX(CASE WHEN status = 'active' THEN activity_date END) FROM activity_record GROUP BY 1, 2;

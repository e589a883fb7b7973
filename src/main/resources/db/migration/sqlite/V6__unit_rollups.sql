-- Rollups per unit (docs/storage.md §7): a ranking of the units of a district over a month or a year read all the district's
-- records (15 ms for a month, 190 ms for a year over a million records), because V5 sums per district only. These
-- tables keep the same sums per unit, over the same spans and periods as V5 (D, T, M), kept in step by
-- report/RollupRepository together with V5's tables. The key starts with the district (and the metric), so one
-- ranking reads one range of the key per span; a city-wide ranking seeks each district.
-- WITHOUT ROWID as in V5: a range scan reads the rows inside the primary key.

CREATE TABLE rollup_unit_metric (
    district    TEXT    NOT NULL,
    metric_key  TEXT    NOT NULL,
    metric_unit TEXT    NOT NULL,
    span        TEXT    NOT NULL,
    period      TEXT    NOT NULL,
    unit        TEXT    NOT NULL,
    total       INTEGER NOT NULL,
    lines       INTEGER NOT NULL,
    PRIMARY KEY (district, metric_key, metric_unit, span, period, unit)
) WITHOUT ROWID;

CREATE TABLE rollup_unit_figures (
    district          TEXT    NOT NULL,
    span              TEXT    NOT NULL,
    period            TEXT    NOT NULL,
    unit              TEXT    NOT NULL,
    reports           INTEGER NOT NULL,
    materials         INTEGER NOT NULL,
    materials_reports INTEGER NOT NULL,
    value_fen         INTEGER NOT NULL,
    value_reports     INTEGER NOT NULL,
    PRIMARY KEY (district, span, period, unit)
) WITHOUT ROWID;

INSERT INTO rollup_unit_metric (district, metric_key, metric_unit, span, period, unit, total, lines)
SELECT r.district, m.metric_key, m.unit, s.column1,
       CASE s.column1 WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
            ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                 WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END,
       r.unit, SUM(m.value), COUNT(*)
FROM activity_record r JOIN record_metric m ON m.record_id = r.id CROSS JOIN (VALUES ('D'), ('T'), ('M')) AS s
WHERE r.status = 'active'
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO rollup_unit_figures (district, span, period, unit, reports, materials, materials_reports, value_fen,
                                 value_reports)
SELECT r.district, s.column1,
       CASE s.column1 WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
            ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                 WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END,
       r.unit, COUNT(*), COALESCE(SUM(r.materials_total), 0), COUNT(r.materials_total),
       COALESCE(SUM(r.value_fen), 0), COUNT(r.value_fen)
FROM activity_record r CROSS JOIN (VALUES ('D'), ('T'), ('M')) AS s
WHERE r.status = 'active'
GROUP BY 1, 2, 3, 4;

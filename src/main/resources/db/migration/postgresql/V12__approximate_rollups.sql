-- Totals that include an approximate figure (300余户, 约50人) are shown as approximate (约): a total of one exact and one
-- approximate figure is itself only approximate, and a coordinator must not read it as exact. The rollups of V5 and V6
-- therefore count, next to `lines`, how many of the active lines behind a total were approximate; a total is
-- approximate when that count is above zero. Kept in step by report/RollupRepository like the other sums, and filled
-- here from the existing records with the same span and period expression as V5's backfill.
-- PostgreSQL copy of the SQLite script, with BIGINT counts as in V5 and V6.

ALTER TABLE rollup_metric ADD COLUMN approx_lines BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_item ADD COLUMN approx_lines BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_unit_metric ADD COLUMN approx_lines BIGINT NOT NULL DEFAULT 0;

UPDATE rollup_metric SET approx_lines = a.n
FROM (SELECT s.span,
             CASE s.span WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
                  ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                       WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END AS period,
             r.district, m.metric_key, m.unit, COUNT(*) AS n
      FROM activity_record r JOIN record_metric m ON m.record_id = r.id
           CROSS JOIN (SELECT 'D' AS span UNION ALL SELECT 'T' UNION ALL SELECT 'M') AS s
      WHERE r.status = 'active' AND m.approx = 1
      GROUP BY 1, 2, 3, 4, 5) AS a
WHERE rollup_metric.span = a.span AND rollup_metric.period = a.period AND rollup_metric.district = a.district
  AND rollup_metric.metric_key = a.metric_key AND rollup_metric.unit = a.unit;

UPDATE rollup_item SET approx_lines = a.n
FROM (SELECT s.span,
             CASE s.span WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
                  ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                       WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END AS period,
             r.district, i.name, i.unit, COUNT(*) AS n
      FROM activity_record r JOIN record_item i ON i.record_id = r.id
           CROSS JOIN (SELECT 'D' AS span UNION ALL SELECT 'T' UNION ALL SELECT 'M') AS s
      WHERE r.status = 'active' AND i.approx = 1
      GROUP BY 1, 2, 3, 4, 5) AS a
WHERE rollup_item.span = a.span AND rollup_item.period = a.period AND rollup_item.district = a.district
  AND rollup_item.name = a.name AND rollup_item.unit = a.unit;

UPDATE rollup_unit_metric SET approx_lines = a.n
FROM (SELECT r.district, m.metric_key, m.unit AS metric_unit, s.span,
             CASE s.span WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
                  ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                       WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END AS period,
             r.unit, COUNT(*) AS n
      FROM activity_record r JOIN record_metric m ON m.record_id = r.id
           CROSS JOIN (SELECT 'D' AS span UNION ALL SELECT 'T' UNION ALL SELECT 'M') AS s
      WHERE r.status = 'active' AND m.approx = 1
      GROUP BY 1, 2, 3, 4, 5, 6) AS a
WHERE rollup_unit_metric.district = a.district AND rollup_unit_metric.metric_key = a.metric_key
  AND rollup_unit_metric.metric_unit = a.metric_unit AND rollup_unit_metric.span = a.span
  AND rollup_unit_metric.period = a.period AND rollup_unit_metric.unit = a.unit;

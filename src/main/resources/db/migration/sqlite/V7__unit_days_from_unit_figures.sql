-- rollup_unit_day (V5) held exactly the day rows of rollup_unit_figures (V6): the same key (date, district, unit)
-- and the same count of active reports, kept by one more upsert per group-commit batch. The distinct-unit count and
-- each unit's latest active day now read rollup_unit_figures' 'D' rows, through this index.

CREATE INDEX ix_rollup_unit_figures_unit ON rollup_unit_figures (district, unit, span, period, reports);

DROP TABLE rollup_unit_day;

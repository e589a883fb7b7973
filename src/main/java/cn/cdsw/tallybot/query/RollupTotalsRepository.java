package cn.cdsw.tallybot.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cdsw.tallybot.report.RollupSpan;

/**
 * Totals and rankings read from the rollup tables (migrations V5 and V6, and V12's count
 * of approximate lines; kept by report/RollupRepository), for the city or one district.
 * Same figures as {@link TotalsRepository}'s aggregates over the records, which
 * {@code RollupTotalsPropertyTests} checks; a unit's own totals still read its records.
 */
@Repository
class RollupTotalsRepository {

    /**
     * Up to this many days, distinct units are counted from the days' rows; beyond, unit
     * by unit.
     */
    private static final int SHORT_RANGE_DAYS = 3;

    /** The rollup rows of a date range, optionally of one district. */
    record Slice(LocalDate from, LocalDate to, @Nullable String district) {

        /**
         * A UNION ALL of one range scan per range of {@link PeriodSpans#cover}, each on
         * the primary key (span, period, district, ...). For 2026-10-29 to 2026-11-28 in
         * 锦江区, {@code rows("district, total",
         * "rollup_metric", "")} reads <pre>
         * (SELECT district, total FROM rollup_metric WHERE span = :s0 AND period BETWEEN :f0 AND :t0 AND district = :district
         *  UNION ALL SELECT ... :s1 ... UNION ALL SELECT ... :s2 ...) x
         * </pre> with (s, f, t) bound to (D, 2026-10-29, 2026-10-31), (T, 2026-11-1,
         * 2026-11-2), (D, 2026-11-21, 2026-11-28).
         */
        String rows(String columns, String table, String condition) {
            StringJoiner union = new StringJoiner(" UNION ALL ", "(", ") x");
            List<PeriodSpans.Range> ranges = PeriodSpans.cover(from, to);
            for (int i = 0; i < ranges.size(); i++) {
                union.add("SELECT " + columns + " FROM " + table + " WHERE span = :s" + i + " AND period BETWEEN :f" + i
                        + " AND :t" + i + (district != null ? " AND district = :district" : "") + condition);
            }
            return union.toString();
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            List<PeriodSpans.Range> ranges = PeriodSpans.cover(from, to);
            for (int i = 0; i < ranges.size(); i++) {
                statement = statement.param("s" + i, ranges.get(i).span())
                    .param("f" + i, ranges.get(i).from())
                    .param("t" + i, ranges.get(i).to());
            }
            return statement.param("district", district);
        }
    }

    /** A metric total of a group: a district, a unit ("district·unit") or a day. */
    private record MetricRow(String group, MetricTotal total) {
    }

    /** Reads (group, metric key, unit, sum of totals, sum of approximate lines). */
    private static final RowMapper<MetricRow> METRIC_ROW = (rs, n) -> new MetricRow(rs.getString(1),
            new MetricTotal(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5) > 0));

    /** The metric totals of each group, in the rows' order. */
    private static Map<String, List<MetricTotal>> byGroup(List<MetricRow> rows) {
        Map<String, List<MetricTotal>> byGroup = new HashMap<>();
        rows.forEach(row -> byGroup.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row.total()));
        return byGroup;
    }

    private final JdbcClient jdbc;

    RollupTotalsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Figures per district, in district name order; districts without an active record
     * are absent.
     */
    Map<String, Figures> byDistrict(Slice s) {
        Map<String, List<MetricTotal>> metrics = byGroup(s
            .bind(jdbc.sql("SELECT district, metric_key, unit, SUM(total), SUM(approx_lines) FROM "
                    + s.rows("district, metric_key, unit, total, lines, approx_lines", "rollup_metric", "")
                    + " GROUP BY district, metric_key, unit HAVING SUM(lines) > 0 ORDER BY district, metric_key, unit"))
            .query(METRIC_ROW)
            .list());
        Map<String, Long> units = units(s);
        Map<String, Figures> figures = new LinkedHashMap<>();
        s.bind(jdbc.sql("SELECT district, SUM(reports), SUM(materials), SUM(value_fen) FROM "
                + s.rows("district, reports, materials, value_fen", "rollup_figures", "")
                + " GROUP BY district HAVING SUM(reports) > 0 ORDER BY district"))
            .query((rs, n) -> {
                String district = rs.getString(1);
                return Map.entry(district,
                        new Figures(rs.getLong(2), units.getOrDefault(district, 0L),
                                metrics.getOrDefault(district, List.of()), rs.getLong(3),
                                BigDecimal.valueOf(rs.getLong(4), 2)));
            })
            .list()
            .forEach(e -> figures.put(e.getKey(), e.getValue()));
        return figures;
    }

    /**
     * Figures of each day of the range with an active record, in date order, from the day
     * rollups: three statements for the whole range rather than three per day. The same
     * figures as {@link #byDistrict} of that one day summed over its districts.
     */
    Map<LocalDate, Figures> byDay(LocalDate from, LocalDate to, @Nullable String district) {
        String where = " WHERE span = :day AND period BETWEEN :from AND :to"
                + (district != null ? " AND district = :district" : "");
        Map<String, List<MetricTotal>> metrics = byGroup(day(
                jdbc.sql("SELECT period, metric_key, unit, SUM(total), SUM(approx_lines) FROM rollup_metric" + where
                        + " GROUP BY period, metric_key, unit HAVING SUM(lines) > 0 ORDER BY period, metric_key, unit"),
                from, to, district)
            .query(METRIC_ROW)
            .list());
        // keyed by district first: the city's rows are read one district range at a time
        Map<String, Long> units = new HashMap<>();
        day(jdbc.sql("SELECT period, COUNT(*) FROM rollup_unit_figures" + where + " AND reports > 0"
                + (district == null ? " AND district IN (SELECT DISTINCT district FROM rollup_unit)" : "")
                + " GROUP BY period"), from, to, district)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list()
            .forEach(e -> units.put(e.getKey(), e.getValue()));
        Map<LocalDate, Figures> days = new LinkedHashMap<>();
        day(jdbc.sql("SELECT period, SUM(reports), SUM(materials), SUM(value_fen) FROM rollup_figures" + where
                + " GROUP BY period HAVING SUM(reports) > 0 ORDER BY period"), from, to, district)
            .query((rs, n) -> {
                String period = rs.getString(1);
                return Map.entry(LocalDate.parse(period), new Figures(rs.getLong(2), units.getOrDefault(period, 0L),
                        metrics.getOrDefault(period, List.of()), rs.getLong(3), BigDecimal.valueOf(rs.getLong(4), 2)));
            })
            .list()
            .forEach(e -> days.put(e.getKey(), e.getValue()));
        return days;
    }

    private static JdbcClient.StatementSpec day(JdbcClient.StatementSpec statement, LocalDate from, LocalDate to,
            @Nullable String district) {
        return statement.param("day", RollupSpan.DAY.key())
            .param("from", from.toString())
            .param("to", to.toString())
            .param("district", district);
    }

    /**
     * Figures per unit, in district and unit name order, from the per-unit tables (V6),
     * which are keyed by district first: the city's units are read one district range at
     * a time, as in {@link #rank}.
     */
    List<UnitTotals> byUnit(Slice s) {
        String everyDistrict = s.district() == null ? " AND district IN (SELECT DISTINCT district FROM rollup_unit)"
                : "";
        Map<String, List<MetricTotal>> metrics = byGroup(s
            .bind(jdbc.sql("SELECT district, unit, metric_key, metric_unit, SUM(total), SUM(approx_lines) FROM "
                    + s.rows("district, unit, metric_key, metric_unit, total, lines, approx_lines",
                            "rollup_unit_metric", everyDistrict)
                    + " GROUP BY district, unit, metric_key, metric_unit HAVING SUM(lines) > 0"
                    + " ORDER BY district, unit, metric_key, metric_unit"))
            .query((rs, n) -> new MetricRow(TotalsRepository.unitKey(rs.getString(1), rs.getString(2)),
                    new MetricTotal(rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6) > 0)))
            .list());
        return s
            .bind(jdbc.sql("SELECT district, unit, SUM(reports), SUM(materials), SUM(value_fen) FROM "
                    + s.rows("district, unit, reports, materials, value_fen", "rollup_unit_figures", everyDistrict)
                    + " GROUP BY district, unit HAVING SUM(reports) > 0 ORDER BY district, unit"))
            .query((rs,
                    n) -> new UnitTotals(rs.getString(1), rs.getString(2),
                            new Figures(rs.getLong(3), 1,
                                    metrics.getOrDefault(TotalsRepository.unitKey(rs.getString(1), rs.getString(2)),
                                            List.of()),
                                    rs.getLong(4), BigDecimal.valueOf(rs.getLong(5), 2))))
            .list();
    }

    /** Items summed per name and unit, largest first. */
    List<ItemTotal> items(Slice s) {
        return s
            .bind(jdbc.sql("SELECT name, unit, SUM(total) AS total, SUM(approx_lines) FROM "
                    + s.rows("name, unit, total, lines, approx_lines", "rollup_item", "")
                    + " GROUP BY name, unit HAVING SUM(lines) > 0 ORDER BY total DESC, name, unit"))
            .query((rs, n) -> new ItemTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4) > 0))
            .list();
    }

    /**
     * Districts, or units ("district·unit"), ordered by one figure, largest first; those
     * without the figure are left out. The per-unit tables (V6) are keyed by district
     * first, so the city's ranking of units names the districts that ever reported (from
     * {@code rollup_unit}) and reads one range per district, not the table.
     */
    List<RankEntry> rank(Slice s, RankBy by, boolean byUnit) {
        Ranked ranked = ranked(by, byUnit);
        String condition = ranked.condition() + (byUnit && s.district() == null
                ? " AND district IN (SELECT DISTINCT district FROM rollup_unit)" : "");
        boolean byMetric = by instanceof RankBy.Metric;
        String columns = (byUnit ? "district, unit, " : "district, ") + ranked.sum()
                + (ranked.count().equals(ranked.sum()) ? "" : ", " + ranked.count())
                + (byMetric ? ", approx_lines" : "");
        String sql = "SELECT " + (byUnit ? "district || '·' || unit" : "district") + ", SUM(" + ranked.sum() + "), "
                + (byMetric ? "SUM(approx_lines)" : "0") + " FROM "
                + s.rows(columns, (byUnit ? "rollup_unit_" : "rollup_") + ranked.table(), condition)
                + " GROUP BY 1 HAVING SUM(" + ranked.count() + ") > 0 ORDER BY 2 DESC, 1";
        int scale = by instanceof RankBy.Value ? 2 : 0;
        JdbcClient.StatementSpec statement = s.bind(jdbc.sql(sql));
        if (by instanceof RankBy.Metric metric) {
            statement = statement.param("key", metric.key()).param("metricUnit", metric.unit());
        }
        return statement.query(
                (rs, n) -> new RankEntry(rs.getString(1), BigDecimal.valueOf(rs.getLong(2), scale), rs.getLong(3) > 0))
            .list();
    }

    /**
     * How many active lines gave metric {@code key} in each of its units, for choosing
     * the unit a ranking reads when none was named.
     */
    Map<String, Long> unitUse(Slice s, String key) {
        Map<String, Long> use = new LinkedHashMap<>();
        s.bind(jdbc.sql("SELECT metric_unit, SUM(lines) FROM "
                + s.rows("unit AS metric_unit, lines", "rollup_metric", " AND metric_key = :key")
                + " GROUP BY metric_unit HAVING SUM(lines) > 0 ORDER BY metric_unit"))
            .param("key", key)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list()
            .forEach(e -> use.put(e.getKey(), e.getValue()));
        return use;
    }

    /**
     * Where a ranking's figure lives in the rollups: the table (after its {@code rollup_}
     * or {@code rollup_unit_} prefix), the column summed, the column counting the reports
     * that had the figure, and the metric's condition.
     */
    private record Ranked(String table, String sum, String count, String condition) {
    }

    private static Ranked ranked(RankBy by, boolean byUnit) {
        if (by instanceof RankBy.Metric) {
            return new Ranked("metric", "total", "lines",
                    " AND metric_key = :key AND " + (byUnit ? "metric_unit" : "unit") + " = :metricUnit");
        }
        if (by instanceof RankBy.Materials) {
            return new Ranked("figures", "materials", "materials_reports", "");
        }
        if (by instanceof RankBy.Value) {
            return new Ranked("figures", "value_fen", "value_reports", "");
        }
        if (by instanceof RankBy.Reports) {
            return new Ranked("figures", "reports", "reports", "");
        }
        throw new IllegalStateException("no rollup column for " + by);
    }

    /**
     * Distinct reporting units per district. A short range reads its days' rows. A long
     * one counts the units whose latest active day lies in the range without looking
     * further; only a unit active again after the range costs an index seek ("any active
     * day in the range?"), so a range ending today costs one small scan.
     */
    private Map<String, Long> units(Slice s) {
        String sql = ChronoUnit.DAYS.between(s.from(), s.to()) < SHORT_RANGE_DAYS
                ? "SELECT district, COUNT(DISTINCT unit) FROM rollup_unit_figures WHERE span = :day"
                        + " AND period BETWEEN :from AND :to AND reports > 0"
                        + (s.district() != null ? " AND district = :district"
                                : " AND district IN (SELECT DISTINCT district FROM rollup_unit)")
                        + " GROUP BY district"
                : "SELECT u.district, COUNT(*) FROM rollup_unit u WHERE u.last_active >= :from"
                        + (s.district() != null ? " AND u.district = :district" : "")
                        + " AND (u.last_active <= :to OR EXISTS (SELECT 1 FROM rollup_unit_figures d"
                        + " WHERE d.district = u.district AND d.unit = u.unit AND d.span = :day"
                        + " AND d.period BETWEEN :from AND :to AND d.reports > 0)) GROUP BY u.district";
        Map<String, Long> units = new HashMap<>();
        jdbc.sql(sql)
            .param("from", s.from().toString())
            .param("to", s.to().toString())
            .param("district", s.district())
            .param("day", RollupSpan.DAY.key())
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list()
            .forEach(e -> units.put(e.getKey(), e.getValue()));
        return units;
    }

    /**
     * Day by day from the day rollups: metric {@code key} in {@code unit}, and materials;
     * days without a report are absent. Each day's figures are those {@link #byDistrict}
     * adds up for that day alone.
     */
    Map<LocalDate, DayFigures> daily(LocalDate from, LocalDate to, @Nullable String district, String key, String unit) {
        String where = " WHERE span = :day AND period BETWEEN :from AND :to"
                + (district != null ? " AND district = :district" : "");
        Map<LocalDate, DayFigures> days = new TreeMap<>();
        jdbc.sql("SELECT period, SUM(materials) FROM rollup_figures" + where
                + " GROUP BY period HAVING SUM(reports) > 0")
            .param("day", RollupSpan.DAY.key())
            .param("from", from.toString())
            .param("to", to.toString())
            .param("district", district)
            .query((rs, n) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getLong(2)))
            .list()
            .forEach(e -> days.put(e.getKey(), new DayFigures(e.getKey(), 0, e.getValue())));
        jdbc.sql("SELECT period, SUM(total) FROM rollup_metric" + where
                + " AND metric_key = :key AND unit = :unit GROUP BY period HAVING SUM(lines) > 0")
            .param("day", RollupSpan.DAY.key())
            .param("from", from.toString())
            .param("to", to.toString())
            .param("district", district)
            .param("key", key)
            .param("unit", unit)
            .query((rs, n) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getLong(2)))
            .list()
            .forEach(e -> days.computeIfPresent(e.getKey(),
                    (day, figures) -> new DayFigures(day, e.getValue(), figures.materials())));
        return days;
    }

}

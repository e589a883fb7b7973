package cn.cdsw.tallybot.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregate SQL over active records. Every figure is a {@code SUM … GROUP BY} with
 * the unit in the group, so 户 and 人次 can never be added together; money is summed in fen
 * and so stays exact; a sum is approximate when any of its figures is.
 */
@Repository
class TotalsRepository {

    /** The rows a query covers: active records of a date range and scope. */
    record Criteria(LocalDate from, LocalDate to, Scope scope) {

        String where() {
            return " r.status = 'active' AND r.activity_date BETWEEN :from AND :to"
                    + (scope.district() != null ? " AND r.district = :district" : "")
                    + (scope.unit() != null ? " AND r.unit = :unit" : "");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.param("from", from.toString())
                .param("to", to.toString())
                .param("district", scope.district())
                .param("unit", scope.unit());
        }
    }

    private final JdbcClient jdbc;

    TotalsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record MetricRow(String district, MetricTotal total) {
    }

    private record DistrictRow(String district, long reports, long units, long materials, long valueFen) {
    }

    /** Figures per district, in district name order. */
    Map<String, Figures> byDistrict(Criteria c) {
        Map<String, List<MetricTotal>> metrics = new LinkedHashMap<>();
        c.bind(jdbc.sql("""
                SELECT r.district, m.metric_key, m.unit, SUM(m.value) AS total, MAX(m.approx)
                FROM record_metric m JOIN activity_record r ON r.id = m.record_id
                WHERE""" + c.where() + """
                 GROUP BY r.district, m.metric_key, m.unit
                ORDER BY r.district, m.metric_key, m.unit"""))
            .query((rs, n) -> new MetricRow(rs.getString(1),
                    new MetricTotal(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5) > 0)))
            .list()
            .forEach(row -> metrics.computeIfAbsent(row.district(), d -> new ArrayList<>()).add(row.total()));
        Map<String, Figures> figures = new LinkedHashMap<>();
        c.bind(jdbc.sql("""
                SELECT r.district, COUNT(*), COUNT(DISTINCT r.unit), COALESCE(SUM(r.materials_total), 0),
                       COALESCE(SUM(r.value_fen), 0)
                FROM activity_record r
                WHERE""" + c.where() + """
                 GROUP BY r.district
                ORDER BY r.district"""))
            .query((rs, n) -> new DistrictRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5)))
            .list()
            .forEach(row -> figures.put(row.district(),
                    new Figures(row.reports(), row.units(), metrics.getOrDefault(row.district(), List.of()),
                            row.materials(), BigDecimal.valueOf(row.valueFen(), 2))));
        return figures;
    }

    /** Figures per unit, in district and unit name order. */
    List<UnitTotals> byUnit(Criteria c) {
        Map<String, List<MetricTotal>> metrics = new LinkedHashMap<>();
        c.bind(jdbc.sql("""
                SELECT r.district, r.unit, m.metric_key, m.unit, SUM(m.value), MAX(m.approx)
                FROM record_metric m JOIN activity_record r ON r.id = m.record_id
                WHERE""" + c.where() + """
                 GROUP BY r.district, r.unit, m.metric_key, m.unit
                ORDER BY r.district, r.unit, m.metric_key, m.unit"""))
            .query((rs, n) -> new MetricRow(unitKey(rs.getString(1), rs.getString(2)),
                    new MetricTotal(rs.getString(3), rs.getString(4), rs.getLong(5), rs.getInt(6) > 0)))
            .list()
            .forEach(row -> metrics.computeIfAbsent(row.district(), d -> new ArrayList<>()).add(row.total()));
        return c.bind(jdbc.sql("""
                SELECT r.district, r.unit, COUNT(*), COALESCE(SUM(r.materials_total), 0), COALESCE(SUM(r.value_fen), 0)
                FROM activity_record r
                WHERE""" + c.where() + """
                 GROUP BY r.district, r.unit
                ORDER BY r.district, r.unit"""))
            .query((rs, n) -> new UnitTotals(rs.getString(1), rs.getString(2),
                    new Figures(rs.getLong(3), 1,
                            metrics.getOrDefault(unitKey(rs.getString(1), rs.getString(2)), List.of()), rs.getLong(4),
                            BigDecimal.valueOf(rs.getLong(5), 2))))
            .list();
    }

    /** A map key of a district's unit; NUL is in no name. */
    static String unitKey(String district, String unit) {
        return district + "\u0000" + unit;
    }

    /** Items summed per name and unit, largest first. */
    List<ItemTotal> items(Criteria c) {
        return c.bind(jdbc.sql("""
                SELECT i.name, i.unit, SUM(i.quantity) AS total, MAX(i.approx)
                FROM record_item i JOIN activity_record r ON r.id = i.record_id
                WHERE""" + c.where() + """
                 GROUP BY i.name, i.unit
                ORDER BY total DESC, i.name, i.unit"""))
            .query((rs, n) -> new ItemTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4) > 0))
            .list();
    }

    /**
     * Districts (or units) ordered by one figure, largest first; those without the figure
     * are left out.
     */
    List<RankEntry> rank(Criteria c, RankBy by, boolean byUnit) {
        String name = byUnit ? "r.district || '·' || r.unit" : "r.district";
        int scale = by instanceof RankBy.Value ? 2 : 0;
        JdbcClient.StatementSpec statement = c.bind(jdbc.sql(rankSql(name, c, by) + " GROUP BY 1 ORDER BY 2 DESC, 1"));
        if (by instanceof RankBy.Metric metric) {
            statement = statement.param("key", metric.key()).param("metricUnit", metric.unit());
        }
        return statement.query(
                (rs, n) -> new RankEntry(rs.getString(1), BigDecimal.valueOf(rs.getLong(2), scale), rs.getInt(3) > 0))
            .list();
    }

    /** How many active lines gave metric {@code key} in each of its units. */
    Map<String, Long> unitUse(Criteria c, String key) {
        Map<String, Long> use = new LinkedHashMap<>();
        c.bind(jdbc.sql("SELECT m.unit, COUNT(*) FROM record_metric m JOIN activity_record r ON r.id = m.record_id"
                + " WHERE" + c.where() + " AND m.metric_key = :key GROUP BY m.unit ORDER BY m.unit"))
            .param("key", key)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list()
            .forEach(e -> use.put(e.getKey(), e.getValue()));
        return use;
    }

    private static String rankSql(String name, Criteria c, RankBy by) {
        if (by instanceof RankBy.Metric) {
            return "SELECT " + name + ", SUM(m.value), MAX(m.approx) FROM record_metric m JOIN activity_record r"
                    + " ON r.id = m.record_id WHERE" + c.where() + " AND m.metric_key = :key AND m.unit = :metricUnit";
        }
        if (by instanceof RankBy.Materials) {
            return "SELECT " + name + ", SUM(r.materials_total), 0 FROM activity_record r WHERE" + c.where()
                    + " AND r.materials_total IS NOT NULL";
        }
        if (by instanceof RankBy.Value) {
            return "SELECT " + name + ", SUM(r.value_fen), 0 FROM activity_record r WHERE" + c.where()
                    + " AND r.value_fen IS NOT NULL";
        }
        if (by instanceof RankBy.Reports) {
            return "SELECT " + name + ", COUNT(*), 0 FROM activity_record r WHERE" + c.where();
        }
        throw new IllegalStateException("no ranking over the records for " + by);
    }

    /**
     * The "district·unit" names with at least one active record on a day, optionally in
     * one district.
     */
    Set<String> reportedUnits(LocalDate date, @Nullable String district) {
        return reportedUnits(date, date, district);
    }

    /** "district·unit" of every unit with an active record in [from, to]. */
    Set<String> reportedUnits(LocalDate from, LocalDate to, @Nullable String district) {
        Criteria c = new Criteria(from, to, new Scope(district, null));
        return new TreeSet<>(c
            .bind(jdbc.sql("SELECT DISTINCT r.district || '·' || r.unit FROM activity_record r" + " WHERE" + c.where()))
            .query(String.class)
            .list());
    }

}

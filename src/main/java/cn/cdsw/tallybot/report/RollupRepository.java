package cn.cdsw.tallybot.report;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code rollup_metric}, {@code rollup_item}, {@code rollup_figures}, {@code rollup_unit_day} and
 * {@code rollup_unit} (migration V5): the active records summed per day, dekad and month and district, which
 * {@code query/} reads so that a year's totals cost a few thousand rows, not a million (issue 6).
 * {@link RecordRepository} calls {@link #add} in the same transaction as every insert (+1) and every change
 * that ends a record's active life (-1), so the rollups can never disagree with the records they sum.
 */
@Repository
class RollupRepository {

    /** The record's period key in each span of {@code (VALUES ('D'), ('T'), ('M')) AS s}; same as in V5. */
    private static final String PERIOD = """
            CASE s.column1 WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
                 ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                      WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END""";
    private static final String SPANS = " CROSS JOIN (VALUES ('D'), ('T'), ('M')) AS s";

    private final JdbcClient jdbc;

    RollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds ({@code sign} 1) or removes ({@code sign} -1) record {@code id} in every rollup. Tables in a fixed order
     * and rows sorted by key, so that concurrent transactions on PostgreSQL take the same row locks in the same
     * order and cannot deadlock.
     */
    void add(long id, int sign) {
        lines("rollup_metric", "metric_key", "record_metric", "m.metric_key", "m.value", id, sign);
        lines("rollup_item", "name", "record_item", "m.name", "m.quantity", id, sign);
        jdbc.sql("INSERT INTO rollup_figures (span, period, district, reports, materials, materials_reports,"
                + " value_fen, value_reports) SELECT s.column1, " + PERIOD + """
                , r.district, :sign, :sign * COALESCE(r.materials_total, 0),
                       CASE WHEN r.materials_total IS NULL THEN 0 ELSE :sign END,
                       :sign * COALESCE(r.value_fen, 0), CASE WHEN r.value_fen IS NULL THEN 0 ELSE :sign END
                FROM activity_record r""" + SPANS + """
                 WHERE r.id = :id ORDER BY 1, 2, 3
                ON CONFLICT (span, period, district) DO UPDATE SET
                    reports = rollup_figures.reports + excluded.reports,
                    materials = rollup_figures.materials + excluded.materials,
                    materials_reports = rollup_figures.materials_reports + excluded.materials_reports,
                    value_fen = rollup_figures.value_fen + excluded.value_fen,
                    value_reports = rollup_figures.value_reports + excluded.value_reports""")
                .param("id", id).param("sign", sign).update();
        jdbc.sql("""
                INSERT INTO rollup_unit_day (activity_date, district, unit, reports)
                SELECT r.activity_date, r.district, r.unit, :sign FROM activity_record r WHERE r.id = :id
                ON CONFLICT (activity_date, district, unit) DO UPDATE SET
                    reports = rollup_unit_day.reports + excluded.reports""")
                .param("id", id).param("sign", sign).update();
        if (sign > 0) {
            jdbc.sql("""
                    INSERT INTO rollup_unit (district, unit, last_active)
                    SELECT r.district, r.unit, r.activity_date FROM activity_record r WHERE r.id = :id
                    ON CONFLICT (district, unit) DO UPDATE SET last_active = CASE
                        WHEN rollup_unit.last_active IS NULL OR rollup_unit.last_active < excluded.last_active
                        THEN excluded.last_active ELSE rollup_unit.last_active END""")
                    .param("id", id).update();
        } else {
            lastActiveAgain(id);
        }
    }

    /** After a record left, its unit's latest active day is looked up again from the unit's days. */
    private void lastActiveAgain(long id) {
        jdbc.sql("SELECT district, unit FROM activity_record WHERE id = :id").param("id", id)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).optional()
                .ifPresent(place -> jdbc.sql("""
                        UPDATE rollup_unit SET last_active = (SELECT MAX(d.activity_date) FROM rollup_unit_day d
                            WHERE d.district = :district AND d.unit = :unit AND d.reports > 0)
                        WHERE district = :district AND unit = :unit""")
                        .param("district", place.getKey()).param("unit", place.getValue()).update());
    }

    /** One line table's sums; grouped so that two lines of the same name and unit make one upsert row. */
    private void lines(String rollup, String nameColumn, String lineTable, String name, String value, long id,
            int sign) {
        jdbc.sql("INSERT INTO " + rollup + " (span, period, district, " + nameColumn + ", unit, total, lines)"
                + " SELECT s.column1, " + PERIOD + ", r.district, " + name + ", m.unit, :sign * SUM(" + value
                + "), :sign * COUNT(*) FROM activity_record r JOIN " + lineTable + " m ON m.record_id = r.id" + SPANS
                + " WHERE r.id = :id GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
                + " ON CONFLICT (span, period, district, " + nameColumn + ", unit) DO UPDATE SET"
                + " total = " + rollup + ".total + excluded.total, lines = " + rollup + ".lines + excluded.lines")
                .param("id", id).param("sign", sign).update();
    }
}

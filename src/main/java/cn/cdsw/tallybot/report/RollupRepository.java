package cn.cdsw.tallybot.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cdsw.tallybot.storage.BeforeCommit;

/**
 * Tables {@code rollup_metric}, {@code rollup_item}, {@code rollup_figures} and
 * {@code rollup_unit} (migration V5): the active records summed per day, dekad and month
 * and district, and {@code rollup_unit_metric}, {@code rollup_unit_figures} (V6; its day
 * rows also serve as each unit's reporting days since V7): the same per unit; since V12
 * the metric and item sums also count their approximate lines ({@code approx_lines}), so
 * a total that includes an approximate figure is known to be approximate. {@code query/}
 * reads them {@code query/} reads so that a year's totals cost a few thousand rows, not a
 * million (docs/storage.md §7). {@link RecordRepository} calls {@link #add} in the same
 * transaction as every insert (+1) and every change that ends a record's active life
 * (-1), so the rollups can never disagree with the records they sum.
 *
 * <p>
 * Inside a transaction the changes are noted and applied together just before it commits,
 * still inside it ({@link BeforeCommit}): one set of upserts per transaction — per batch
 * of messages in a group commit — instead of one per record, and on PostgreSQL one sorted
 * pass per transaction, so two transactions never take rollup rows in crossing orders.
 * What is applied is read back from the records at that moment, so a message whose
 * savepoint rolled back adds nothing: its inserted record no longer exists, and a record
 * it retracted is active again.
 */
@Repository
class RollupRepository {

    /**
     * The records to add ({@code sign} 1: just inserted) or remove (-1: inserted before
     * and no longer active), each as it is now in the database. Id lists are padded to a
     * power of two (repeating an id changes no IN list), so that a handful of SQL texts
     * serve every batch size and stay prepared.
     */
    private static final String CHANGES = """
            WITH d (id, sign) AS (
                SELECT id, 1 FROM activity_record WHERE id IN (:added)
                UNION ALL
                SELECT id, -1 FROM activity_record WHERE id IN (:removed) AND status <> 'active')
            """;

    private static final long NO_RECORD = -1;

    /**
     * V5's and V6's sums, in the fixed order {@link #apply} runs them. Each adds the
     * signed sums of the changed records ({@code d}) to its table: one output row per
     * record, line and span, grouped into one upsert row per key. {@code %1$s} is the
     * period of the record's date in the span and {@code %2$s} the table of the three
     * spans ({@link RollupSpan}); "WHERE true" is how SQLite tells the upsert's ON
     * CONFLICT from a join's ON. For example, storing record 7 (锦江区, 2026-11-28, 走访196户)
     * makes the first statement add 196 to {@code total} and 1 to {@code lines} of the
     * rows (D, 2026-11-28, 锦江区, visits, 户), (T, 2026-11-3, 锦江区, visits, 户) and (M,
     * 2026-11, 锦江区, visits, 户), creating those that do not exist.
     */
    private static final List<String> UPSERTS = Stream.of("""
            INSERT INTO rollup_metric (span, period, district, metric_key, unit, total, lines, approx_lines)
            SELECT s.span, %1$s, r.district, m.metric_key, m.unit, SUM(d.sign * m.value), SUM(d.sign),
                SUM(d.sign * m.approx)
            FROM d JOIN activity_record r ON r.id = d.id JOIN record_metric m ON m.record_id = r.id CROSS JOIN %2$s
            WHERE true GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (span, period, district, metric_key, unit) DO UPDATE SET
                total = rollup_metric.total + excluded.total, lines = rollup_metric.lines + excluded.lines,
                approx_lines = rollup_metric.approx_lines + excluded.approx_lines""", """
            INSERT INTO rollup_item (span, period, district, name, unit, total, lines, approx_lines)
            SELECT s.span, %1$s, r.district, m.name, m.unit, SUM(d.sign * m.quantity), SUM(d.sign),
                SUM(d.sign * m.approx)
            FROM d JOIN activity_record r ON r.id = d.id JOIN record_item m ON m.record_id = r.id CROSS JOIN %2$s
            WHERE true GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (span, period, district, name, unit) DO UPDATE SET
                total = rollup_item.total + excluded.total, lines = rollup_item.lines + excluded.lines,
                approx_lines = rollup_item.approx_lines + excluded.approx_lines""", """
            INSERT INTO rollup_figures (span, period, district,
                reports, materials, materials_reports, value_fen, value_reports)
            SELECT s.span, %1$s, r.district,
                SUM(d.sign),
                SUM(d.sign * COALESCE(r.materials_total, 0)),
                SUM(CASE WHEN r.materials_total IS NULL THEN 0 ELSE d.sign END),
                SUM(d.sign * COALESCE(r.value_fen, 0)),
                SUM(CASE WHEN r.value_fen IS NULL THEN 0 ELSE d.sign END)
            FROM d JOIN activity_record r ON r.id = d.id CROSS JOIN %2$s
            WHERE true GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (span, period, district) DO UPDATE SET
                reports = rollup_figures.reports + excluded.reports,
                materials = rollup_figures.materials + excluded.materials,
                materials_reports = rollup_figures.materials_reports + excluded.materials_reports,
                value_fen = rollup_figures.value_fen + excluded.value_fen,
                value_reports = rollup_figures.value_reports + excluded.value_reports""", """
            INSERT INTO rollup_unit_metric (district, metric_key, metric_unit, span, period, unit, total, lines,
                approx_lines)
            SELECT r.district, m.metric_key, m.unit, s.span, %1$s, r.unit, SUM(d.sign * m.value), SUM(d.sign),
                SUM(d.sign * m.approx)
            FROM d JOIN activity_record r ON r.id = d.id JOIN record_metric m ON m.record_id = r.id CROSS JOIN %2$s
            WHERE true GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (district, metric_key, metric_unit, span, period, unit) DO UPDATE SET
                total = rollup_unit_metric.total + excluded.total, lines = rollup_unit_metric.lines + excluded.lines,
                approx_lines = rollup_unit_metric.approx_lines + excluded.approx_lines""", """
            INSERT INTO rollup_unit_figures (district, span, period, unit,
                reports, materials, materials_reports, value_fen, value_reports)
            SELECT r.district, s.span, %1$s, r.unit,
                SUM(d.sign),
                SUM(d.sign * COALESCE(r.materials_total, 0)),
                SUM(CASE WHEN r.materials_total IS NULL THEN 0 ELSE d.sign END),
                SUM(d.sign * COALESCE(r.value_fen, 0)),
                SUM(CASE WHEN r.value_fen IS NULL THEN 0 ELSE d.sign END)
            FROM d JOIN activity_record r ON r.id = d.id CROSS JOIN %2$s
            WHERE true GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT (district, span, period, unit) DO UPDATE SET
                reports = rollup_unit_figures.reports + excluded.reports,
                materials = rollup_unit_figures.materials + excluded.materials,
                materials_reports = rollup_unit_figures.materials_reports + excluded.materials_reports,
                value_fen = rollup_unit_figures.value_fen + excluded.value_fen,
                value_reports = rollup_unit_figures.value_reports + excluded.value_reports""")
        .map(upsert -> CHANGES + upsert.formatted(RollupSpan.PERIOD_SQL, RollupSpan.SPANS_SQL))
        .toList();

    private final JdbcClient jdbc;

    RollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds ({@code sign} 1, after the insert) or removes ({@code sign} -1, after the
     * status left active) record {@code id} in every rollup: when the current transaction
     * commits, or now outside one.
     */
    void add(long id, int sign) {
        Optional<Changes> changes = BeforeCommit.journal(Changes.class, Changes::new,
                noted -> apply(List.copyOf(noted.added), List.copyOf(noted.removed)));
        if (changes.isPresent()) {
            (sign > 0 ? changes.get().added : changes.get().removed).add(id);
        }
        else if (sign > 0) {
            apply(List.of(id), List.of());
        }
        else {
            apply(List.of(), List.of(id));
        }
    }

    /**
     * Tables in a fixed order and rows sorted by key, so that concurrent transactions on
     * PostgreSQL take the same row locks in the same order and cannot deadlock.
     */
    private void apply(List<Long> added, List<Long> removed) {
        List<Long> add = padded(added);
        List<Long> remove = padded(removed);
        for (String upsert : UPSERTS) {
            jdbc.sql(upsert).param("added", add).param("removed", remove).update();
        }
        if (!added.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO rollup_unit (district, unit, last_active)
                    SELECT r.district, r.unit, MAX(r.activity_date) FROM activity_record r
                    WHERE r.id IN (:added) GROUP BY 1, 2 ORDER BY 1, 2
                    ON CONFLICT (district, unit) DO UPDATE SET last_active = CASE
                        WHEN rollup_unit.last_active IS NULL OR rollup_unit.last_active < excluded.last_active
                        THEN excluded.last_active ELSE rollup_unit.last_active END""").param("added", add).update();
        }
        if (!removed.isEmpty()) {
            lastActiveAgain(remove);
        }
    }

    /**
     * After records left, their units' latest active day is looked up again from the
     * units' day rows.
     */
    private void lastActiveAgain(List<Long> removed) {
        jdbc.sql("""
                UPDATE rollup_unit SET last_active = (SELECT MAX(d.period) FROM rollup_unit_figures d
                    WHERE d.district = rollup_unit.district AND d.unit = rollup_unit.unit AND d.span = :day
                    AND d.reports > 0)
                WHERE EXISTS (SELECT 1 FROM activity_record r WHERE r.id IN (:removed) AND r.status <> 'active'
                    AND r.district = rollup_unit.district AND r.unit = rollup_unit.unit)""")
            .param("removed", removed)
            .param("day", RollupSpan.DAY.key())
            .update();
    }

    /**
     * The ids, or the id no record has when there are none, repeated up to the next power
     * of two.
     */
    static List<Long> padded(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of(NO_RECORD);
        }
        int size = Integer.highestOneBit(ids.size() - 1) << 1;
        List<Long> padded = new ArrayList<>(Math.max(size, 1));
        padded.addAll(ids);
        while (padded.size() < size) {
            padded.add(ids.get(ids.size() - 1));
        }
        return padded;
    }

    /** The records a transaction added and removed, each once, in the order noted. */
    private static final class Changes {

        final Set<Long> added = new LinkedHashSet<>();

        final Set<Long> removed = new LinkedHashSet<>();

    }

}

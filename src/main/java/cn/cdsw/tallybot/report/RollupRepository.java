package cn.cdsw.tallybot.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tables {@code rollup_metric}, {@code rollup_item}, {@code rollup_figures} and {@code rollup_unit} (migration
 * V5): the active records summed per day, dekad and month and district, and {@code rollup_unit_metric},
 * {@code rollup_unit_figures} (V6; its day rows also serve as each unit's reporting days since V7): the same per
 * unit, which {@code query/} reads so that a year's totals cost a few thousand rows, not a million
 * (docs/storage.md §7).
 * {@link RecordRepository} calls {@link #add} in the same transaction as every insert (+1) and every change
 * that ends a record's active life (-1), so the rollups can never disagree with the records they sum.
 *
 * <p>Inside {@link #deferred} (a group commit's batch) the changes are noted instead and applied together at the
 * end of the batch, still inside its transaction: one set of upserts per batch instead of one per record. What
 * is applied is read back from the records at that moment, so a message whose savepoint rolled back adds
 * nothing: its inserted record no longer exists, and a record it retracted is active again.
 */
@Repository
class RollupRepository {

    /** The record's period key in each span of {@code (VALUES ('D'), ('T'), ('M')) AS s}; same as in V5. */
    private static final String PERIOD = """
            CASE s.column1 WHEN 'D' THEN r.activity_date WHEN 'M' THEN substr(r.activity_date, 1, 7)
                 ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                      WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2' ELSE '3' END END""";
    private static final String SPANS = " CROSS JOIN (VALUES ('D'), ('T'), ('M')) AS s";

    /**
     * The records to add ({@code sign} 1: just inserted) or remove (-1: inserted before and no longer active),
     * each as it is now in the database. Id lists are padded to a power of two (repeating an id changes no IN
     * list), so that a handful of SQL texts serve every batch size and stay prepared.
     */
    private static final String CHANGES = """
            WITH d (id, sign) AS (
                SELECT id, 1 FROM activity_record WHERE id IN (:added)
                UNION ALL
                SELECT id, -1 FROM activity_record WHERE id IN (:removed) AND status <> 'active')
            """;
    private static final String CHANGED = " FROM d JOIN activity_record r ON r.id = d.id";
    private static final long NO_RECORD = -1;
    private static final String METRIC_LINES = " JOIN record_metric m ON m.record_id = r.id";
        private static final Map<String, String> FIGURES = columns(
            "reports", "SUM(d.sign)",
            "materials", "SUM(d.sign * COALESCE(r.materials_total, 0))",
            "materials_reports", "SUM(CASE WHEN r.materials_total IS NULL THEN 0 ELSE d.sign END)",
            "value_fen", "SUM(d.sign * COALESCE(r.value_fen, 0))",
            "value_reports", "SUM(CASE WHEN r.value_fen IS NULL THEN 0 ELSE d.sign END)");

    /** V5's and V6's sums, in the fixed order {@link #apply} runs them. */
    private static final List<String> UPSERTS = List.of(
            upsert("rollup_metric", columns("span", "s.column1", "period", PERIOD, "district", "r.district",
                    "metric_key", "m.metric_key", "unit", "m.unit"), total("m.value"), METRIC_LINES + SPANS),
            upsert("rollup_item", columns("span", "s.column1", "period", PERIOD, "district", "r.district",
                    "name", "m.name", "unit", "m.unit"), total("m.quantity"),
                    " JOIN record_item m ON m.record_id = r.id" + SPANS),
            upsert("rollup_figures", columns("span", "s.column1", "period", PERIOD, "district", "r.district"),
                    FIGURES, SPANS),
            upsert("rollup_unit_metric", columns("district", "r.district", "metric_key", "m.metric_key",
                    "metric_unit", "m.unit", "span", "s.column1", "period", PERIOD, "unit", "r.unit"),
                    total("m.value"), METRIC_LINES + SPANS),
            upsert("rollup_unit_figures", columns("district", "r.district", "span", "s.column1", "period", PERIOD,
                    "unit", "r.unit"), FIGURES, SPANS));

    private static final Object JOURNAL = RollupRepository.class.getName() + ".journal";

    private final JdbcClient jdbc;

    RollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds ({@code sign} 1, after the insert) or removes ({@code sign} -1, after the status left active) record
     * {@code id} in every rollup, now or, inside {@link #deferred}, at the end of the batch.
     */
    void add(long id, int sign) {
        Journal journal = (Journal) TransactionSynchronizationManager.getResource(JOURNAL);
        if (journal != null) {
            (sign > 0 ? journal.added : journal.removed).add(id);
        } else if (sign > 0) {
            apply(List.of(id), List.of());
        } else {
            apply(List.of(), List.of(id));
        }
    }

    /**
     * Runs {@code work} (on this thread, inside a transaction) with every {@link #add} noted, then applies them
     * all before returning; an exception from {@code work} applies nothing and must roll the transaction back.
     */
    <T> T deferred(Supplier<T> work) {
        if (TransactionSynchronizationManager.hasResource(JOURNAL)) {
            return work.get();
        }
        Journal journal = new Journal();
        TransactionSynchronizationManager.bindResource(JOURNAL, journal);
        try {
            T result = work.get();
            if (!journal.added.isEmpty() || !journal.removed.isEmpty()) {
                apply(List.copyOf(journal.added), List.copyOf(journal.removed));
            }
            return result;
        }
        finally {
            TransactionSynchronizationManager.unbindResource(JOURNAL);
        }
    }

    /**
     * Tables in a fixed order and rows sorted by key, so that concurrent transactions on PostgreSQL take the same
     * row locks in the same order and cannot deadlock.
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
                        THEN excluded.last_active ELSE rollup_unit.last_active END""")
                    .param("added", add).update();
        }
        if (!removed.isEmpty()) {
            lastActiveAgain(remove);
        }
    }

    /** After records left, their units' latest active day is looked up again from the units' day rows. */
    private void lastActiveAgain(List<Long> removed) {
        jdbc.sql("""
                UPDATE rollup_unit SET last_active = (SELECT MAX(d.period) FROM rollup_unit_figures d
                    WHERE d.district = rollup_unit.district AND d.unit = rollup_unit.unit AND d.span = 'D'
                    AND d.reports > 0)
                WHERE EXISTS (SELECT 1 FROM activity_record r WHERE r.id IN (:removed) AND r.status <> 'active'
                    AND r.district = rollup_unit.district AND r.unit = rollup_unit.unit)""")
                .param("removed", removed).update();
    }

    /**
     * Adds the signed sums of the changed records to {@code table}: one row per key (the key columns and the
     * expressions that fill them, in the same order), rows of the same key grouped into one upsert row.
     */
    private static String upsert(String table, Map<String, String> key, Map<String, String> sums, String joins) {
        String positions = IntStream.rangeClosed(1, key.size()).mapToObj(String::valueOf)
                .collect(Collectors.joining(", "));
        return CHANGES + "INSERT INTO " + table + " (" + String.join(", ", key.keySet()) + ", "
                + String.join(", ", sums.keySet()) + ") SELECT " + String.join(", ", key.values()) + ", "
                + String.join(", ", sums.values()) + CHANGED + joins + " WHERE true GROUP BY " + positions
                + " ORDER BY " + positions + " ON CONFLICT (" + String.join(", ", key.keySet()) + ") DO UPDATE SET "
                + sums.keySet().stream().map(c -> c + " = " + table + "." + c + " + excluded." + c)
                        .collect(Collectors.joining(", "));
    }

    /** A line table's signed sum of {@code value} and count of lines. */
    private static Map<String, String> total(String value) {
        return columns("total", "SUM(d.sign * " + value + ")", "lines", "SUM(d.sign)");
    }

    /** Column → expression, in the order written. */
    private static Map<String, String> columns(String... columnsAndExpressions) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndExpressions.length; i += 2) {
            columns.put(columnsAndExpressions[i], columnsAndExpressions[i + 1]);
        }
        return columns;
    }

    /** The ids, or the id no record has when there are none, repeated up to the next power of two. */
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

    /** The records a batch added and removed, each once, in the order noted. */
    private static final class Journal {
        final Set<Long> added = new LinkedHashSet<>();
        final Set<Long> removed = new LinkedHashSet<>();
    }
}

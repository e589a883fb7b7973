package cn.cdsw.tallybot.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ordered lines of a record: tables {@code record_metric} and {@code record_item}.
 * {@code position} keeps the order the user wrote them in. Lines are read for many
 * records at once, one query per table and chunk of ids, so listing records never costs a
 * query per record.
 */
@Repository
class RecordLineRepository {

    /**
     * Well below SQLite's bound-parameter limit, and keeps PostgreSQL's IN lists short.
     */
    private static final int ID_CHUNK = 500;

    private final JdbcClient jdbc;

    RecordLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the lines, one statement per table whatever their number: a report writes
     * two to five lines, and each statement saved is one less on the group commit's
     * single writer thread.
     */
    void insert(long recordId, List<Metric> metrics, List<Item> items) {
        if (!metrics.isEmpty()) {
            List<Object> values = new ArrayList<>(metrics.size() * 6);
            for (int i = 0; i < metrics.size(); i++) {
                Metric m = metrics.get(i);
                values.addAll(List.of(recordId, i, m.key(), m.unit(), m.value(), m.approx() ? 1 : 0));
            }
            jdbc.sql("INSERT INTO record_metric (record_id, position, metric_key, unit, value, approx) VALUES "
                    + rows(metrics.size(), 6))
                .params(values)
                .update();
        }
        if (!items.isEmpty()) {
            List<Object> values = new ArrayList<>(items.size() * 6);
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                values.addAll(List.of(recordId, i, it.name(), it.quantity(), it.unit(), it.approx() ? 1 : 0));
            }
            jdbc.sql("INSERT INTO record_item (record_id, position, name, quantity, unit, approx) VALUES "
                    + rows(items.size(), 6))
                .params(values)
                .update();
        }
    }

    /** {@code (?, ?), (?, ?)} for two rows of two columns. */
    private static String rows(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    /**
     * Metrics of the given records in written order; records without metrics are absent
     * from the map.
     */
    Map<Long, List<Metric>> metricsOf(Collection<Long> recordIds) {
        return linesOf(recordIds, "SELECT record_id, metric_key, unit, value, approx FROM record_metric",
                rs -> new Metric(rs.getString("metric_key"), rs.getString("unit"), rs.getLong("value"),
                        rs.getInt("approx") == 1));
    }

    /**
     * Items of the given records in written order; records without items are absent from
     * the map.
     */
    Map<Long, List<Item>> itemsOf(Collection<Long> recordIds) {
        return linesOf(recordIds, "SELECT record_id, name, quantity, unit, approx FROM record_item",
                rs -> new Item(rs.getString("name"), rs.getLong("quantity"), rs.getString("unit"),
                        rs.getInt("approx") == 1));
    }

    /** Reads one line from the current row of a result set. */
    private interface LineMapper<T> {

        T map(ResultSet rs) throws SQLException;

    }

    private <T> Map<Long, List<T>> linesOf(Collection<Long> recordIds, String select, LineMapper<T> line) {
        Map<Long, List<T>> byRecord = new HashMap<>();
        for (List<Long> chunk : chunks(recordIds)) {
            jdbc.sql(select + " WHERE record_id IN (:ids) ORDER BY record_id, position")
                .param("ids", chunk)
                .query((rs, n) -> Map.entry(rs.getLong("record_id"), line.map(rs)))
                .list()
                .forEach(e -> byRecord.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return byRecord;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += ID_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + ID_CHUNK)));
        }
        return chunks;
    }

}

package cn.cdsw.tallybot.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads one day's active records with their metrics and items for a ledger, a page of
 * {@value #PAGE} records at a time: the records by id from the last one read (a keyset),
 * then the metrics and the items of that id range, each in id order, merged in memory. So
 * a day of any size passes through one page of memory, no query binds a list of ids, and
 * nothing is sorted: with the date and the status fixed, the date index yields the rows
 * in id order, and the lines' keys ({@code record_id, position}) continue that order. The
 * three reads run one after the other; run side by side, their cursors took a third
 * longer over a year's ledger (bench/README.md).
 */
@Repository
class LedgerEntryRepository {

    /** Records read per query. */
    static final int PAGE = 1000;

    private final JdbcClient jdbc;

    LedgerEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Hands each active record of the day, of the district and unit where given, to
     * {@code sink} in id order. Runs inside the caller's transaction, so that a page's
     * records and their lines are one snapshot.
     */
    void eachActiveOn(LocalDate day, @Nullable String district, @Nullable String unit, Consumer<LedgerEntry> sink) {
        Map<String, Object> params = new HashMap<>();
        params.put("day", day.toString());
        params.put("limit", PAGE);
        StringBuilder where = new StringBuilder("WHERE r.activity_date = :day AND r.status = 'active'");
        if (district != null) {
            where.append(" AND r.district = :district");
            params.put("district", district);
        }
        if (unit != null) {
            where.append(" AND r.unit = :unit");
            params.put("unit", unit);
        }
        long after = 0;
        while (true) {
            params.put("after", after);
            List<Head> page = jdbc.sql("""
                    SELECT r.id, r.district, r.unit, r.category, r.materials_total, r.value_fen, r.note, r.sender_name
                    FROM activity_record r
                    """ + where + " AND r.id > :after ORDER BY r.id LIMIT :limit").params(params).query(HEAD).list();
            if (page.isEmpty()) {
                return;
            }
            params.put("first", page.get(0).id());
            params.put("last", page.get(page.size() - 1).id());
            String range = where + " AND r.id BETWEEN :first AND :last";
            Lines<Metric> metrics = new Lines<>(jdbc.sql("""
                    SELECT m.record_id, m.metric_key, m.unit, m.value, m.approx
                    FROM activity_record r JOIN record_metric m ON m.record_id = r.id
                    """ + range + " ORDER BY r.id, m.position").params(params).query(METRIC).list());
            Lines<Item> items = new Lines<>(jdbc.sql("""
                    SELECT i.record_id, i.name, i.quantity, i.unit, i.approx
                    FROM activity_record r JOIN record_item i ON i.record_id = r.id
                    """ + range + " ORDER BY r.id, i.position").params(params).query(ITEM).list());
            for (Head head : page) {
                sink.accept(head.entry(day, metrics.of(head.id()), items.of(head.id())));
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** A record's own columns; its date is the day read, and its lines come after. */
    private record Head(long id, String district, String unit, @Nullable String category, @Nullable Long materialsTotal,
            @Nullable Long valueFen, @Nullable String note, String reporter) {

        LedgerEntry entry(LocalDate day, List<Metric> metrics, List<Item> items) {
            return new LedgerEntry(id, new ReportContent(district, unit, category, day, metrics, items, materialsTotal,
                    Money.fenToYuan(valueFen), note), reporter);
        }

    }

    private static final RowMapper<Head> HEAD = (rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), nullableLong(rs, 5), nullableLong(rs, 6), rs.getString(7), rs.getString(8));

    private static final RowMapper<Line<Metric>> METRIC = (rs, n) -> new Line<>(rs.getLong(1),
            new Metric(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5) == 1));

    private static final RowMapper<Line<Item>> ITEM = (rs, n) -> new Line<>(rs.getLong(1),
            new Item(rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5) == 1));

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private record Line<T>(long recordId, T line) {
    }

    /** A page's lines in record id order, taken a record at a time. */
    private static final class Lines<T> {

        private final List<Line<T>> lines;

        private int next;

        Lines(List<Line<T>> lines) {
            this.lines = lines;
        }

        List<T> of(long recordId) {
            while (next < lines.size() && lines.get(next).recordId() < recordId) {
                next++;
            }
            int first = next;
            while (next < lines.size() && lines.get(next).recordId() == recordId) {
                next++;
            }
            if (first == next) {
                return List.of();
            }
            List<T> of = new ArrayList<>(next - first);
            for (int i = first; i < next; i++) {
                of.add(lines.get(i).line());
            }
            return List.copyOf(of);
        }

    }

}

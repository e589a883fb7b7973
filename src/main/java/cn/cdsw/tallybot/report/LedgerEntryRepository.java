package cn.cdsw.tallybot.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the active records of a range of days with their metrics and items for a ledger,
 * day by day, a page of {@value #PAGE} records at a time: the records by id from the last
 * one read (a keyset), then the metrics and the items of that id range, each in id order,
 * merged in memory (see {@link LineReads} for the two ways of reading them). So a day of
 * any size passes through one page of memory, no query binds a list of ids, and nothing
 * is sorted: with the date and the status fixed, the date index yields the rows in id
 * order, and the lines' keys ({@code record_id, position}) continue that order.
 *
 * <p>
 * A year's ledger reads tens of millions of values, each a call into the driver, and the
 * export waits for them (bench/README.md). So this one repository talks JDBC itself, on
 * the transaction's connection, with its statements prepared once per range (through
 * {@code JdbcClient}'s per-query and per-row machinery the same reads took half as long
 * again), reads columns from the driver's own result set and text as {@link TextColumns}
 * says, and asks for fewer values: a line's figure and its approximate flag come as one
 * number ({@code figure * 2 + approx}; figures are never negative, and metrics.yml's
 * ceilings keep them far below half a long), and a missing amount as -1 rather than a
 * null to ask about. Each statement still gets the template's query timeout, and failures
 * are translated as everywhere else.
 */
@Repository
class LedgerEntryRepository {

    /** Records read per query. */
    static final int PAGE = 1000;

    private static final String HEADS = """
            SELECT r.id, r.district, r.unit, r.category, COALESCE(r.materials_total, -1), COALESCE(r.value_fen, -1),
                   r.note, r.sender_name
            FROM activity_record r
            """;

    private static final String METRICS = """
            SELECT m.record_id, m.metric_key, m.unit, m.value * 2 + m.approx
            FROM activity_record r JOIN record_metric m ON m.record_id = r.id
            """;

    private static final String ITEMS = """
            SELECT i.record_id, i.name, i.unit, i.quantity * 2 + i.approx
            FROM activity_record r JOIN record_item i ON i.record_id = r.id
            """;

    private static final String METRICS_OF_IDS = """
            SELECT record_id, metric_key, unit, value * 2 + approx FROM record_metric
            WHERE record_id BETWEEN ? AND ? ORDER BY record_id, position
            """;

    private static final String ITEMS_OF_IDS = """
            SELECT record_id, name, unit, quantity * 2 + approx FROM record_item
            WHERE record_id BETWEEN ? AND ? ORDER BY record_id, position
            """;

    private final JdbcTemplate jdbc;

    LedgerEntryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Hands each active record from {@code from} to {@code to}, of the district and unit
     * where given, to {@code sink}: day by day, and within a day in id order. Runs inside
     * the caller's transaction, so that the records and their lines are one snapshot; the
     * statements are prepared once for the whole range, and a name that repeats over it
     * is decoded once ({@link TextColumns}).
     */
    void eachActiveBetween(LocalDate from, LocalDate to, @Nullable String district, @Nullable String unit,
            Consumer<LedgerEntry> sink) {
        Scope of = new Scope(district, unit);
        jdbc.execute((ConnectionCallback<@Nullable Void>) connection -> {
            TextColumns texts = TextColumns.of(connection);
            try (PreparedStatement heads = prepare(connection,
                    HEADS + of.where() + " AND r.id > ? ORDER BY r.id LIMIT ?");
                    PreparedStatement metrics = prepare(connection,
                            METRICS + of.where() + " AND r.id BETWEEN ? AND ? ORDER BY r.id, m.position");
                    PreparedStatement metricsOfIds = prepare(connection, METRICS_OF_IDS);
                    PreparedStatement items = prepare(connection,
                            ITEMS + of.where() + " AND r.id BETWEEN ? AND ? ORDER BY r.id, i.position");
                    PreparedStatement itemsOfIds = prepare(connection, ITEMS_OF_IDS)) {
                Day day = new Day(of, heads, texts, new LineReads<>(metrics, metricsOfIds, rs -> {
                    long figure = rs.getLong(4);
                    return new Metric(texts.name(rs, 2), texts.name(rs, 3), figure >> 1, (figure & 1) == 1);
                }), new LineReads<>(items, itemsOfIds, rs -> {
                    long figure = rs.getLong(4);
                    return new Item(texts.name(rs, 2), figure >> 1, texts.name(rs, 3), (figure & 1) == 1);
                }));
                for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                    day.read(date, sink);
                }
            }
            return null;
        });
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (jdbc.getQueryTimeout() > 0) {
            statement.setQueryTimeout(jdbc.getQueryTimeout());
        }
        return statement;
    }

    private static List<Head> page(PreparedStatement statement, TextColumns texts) throws SQLException {
        List<Head> page = new ArrayList<>(PAGE);
        try (ResultSet rows = statement.executeQuery()) {
            ResultSet rs = innermost(rows);
            while (rows.next()) {
                page.add(new Head(rs.getLong(1), texts.name(rs, 2), texts.name(rs, 3), texts.name(rs, 4),
                        absent(rs.getLong(5)), absent(rs.getLong(6)), texts.text(rs, 7), texts.name(rs, 8)));
            }
        }
        return page;
    }

    /**
     * The driver's own result set under the pool's and the timeout's wrappers, for
     * reading columns: a wrapper's work is in moving and closing (a statement's deadline
     * is checked while SQLite steps), and through a reflective proxy each of a year's
     * tens of millions of column reads cost more than the read itself.
     */
    private static ResultSet innermost(ResultSet rows) throws SQLException {
        ResultSet inner = rows;
        while (inner.isWrapperFor(ResultSet.class)) {
            ResultSet next = inner.unwrap(ResultSet.class);
            if (next == inner) {
                break;
            }
            inner = next;
        }
        return inner;
    }

    /**
     * A stored amount, or null where the query's -1 says there is none (amounts are never
     * negative).
     */
    private static @Nullable Long absent(long amount) {
        return amount < 0 ? null : amount;
    }

    /** Reads one line from the current row. */
    private interface LineMapper<T> {

        T map(ResultSet rs) throws SQLException;

    }

    /** The district and unit a read is narrowed to, as SQL and its values. */
    private record Scope(@Nullable String district, @Nullable String unit) {

        String where() {
            return "WHERE r.activity_date = ? AND r.status = 'active'" + (district == null ? "" : " AND r.district = ?")
                    + (unit == null ? "" : " AND r.unit = ?");
        }

        /**
         * Binds the day and the narrowing values; returns the index of the next
         * parameter.
         */
        int bind(PreparedStatement statement, LocalDate day) throws SQLException {
            int at = 1;
            statement.setString(at++, day.toString());
            if (district != null) {
                statement.setString(at++, district);
            }
            if (unit != null) {
                statement.setString(at++, unit);
            }
            return at;
        }

    }

    /** Reads one day at a time with the statements of a range. */
    private record Day(Scope of, PreparedStatement heads, TextColumns texts, LineReads<Metric> metrics,
            LineReads<Item> items) {

        void read(LocalDate day, Consumer<LedgerEntry> sink) throws SQLException {
            long after = 0;
            while (true) {
                int at = of.bind(heads, day);
                heads.setLong(at, after);
                heads.setInt(at + 1, PAGE);
                List<Head> page = page(heads, texts);
                if (page.isEmpty()) {
                    return;
                }
                long first = page.get(0).id();
                long last = page.get(page.size() - 1).id();
                boolean dense = last - first < 2L * page.size();
                Lines<Metric> metricsOf = metrics.read(of, day, first, last, dense);
                Lines<Item> itemsOf = items.read(of, day, first, last, dense);
                for (Head head : page) {
                    sink.accept(head.entry(day, metricsOf.of(head.id()), itemsOf.of(head.id())));
                }
                if (page.size() < PAGE) {
                    return;
                }
                after = last;
            }
        }

    }

    /**
     * The lines of one kind for a page of records, read one of two ways. When the page's
     * ids are dense (at least every other id in its range is the page's), by the id range
     * alone: one walk of the lines' key, and the few lines of records outside the page
     * (another day's, a retracted one) are passed over when the page takes its own. When
     * they are sparse (a district's records among the city's), joined to the records, so
     * that only the page's lines are read.
     */
    private record LineReads<T>(PreparedStatement joined, PreparedStatement ofIds, LineMapper<T> line) {

        Lines<T> read(Scope of, LocalDate day, long first, long last, boolean dense) throws SQLException {
            PreparedStatement statement = dense ? ofIds : joined;
            int at = dense ? 1 : of.bind(statement, day);
            statement.setLong(at, first);
            statement.setLong(at + 1, last);
            Lines<T> lines = new Lines<>();
            try (ResultSet rows = statement.executeQuery()) {
                ResultSet rs = innermost(rows);
                while (rows.next()) {
                    lines.add(rs.getLong(1), line.map(rs));
                }
            }
            return lines;
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

    /** A page's lines in record id order, taken a record at a time. */
    private static final class Lines<T> {

        private long[] ids = new long[PAGE * 4];

        private final List<T> lines = new ArrayList<>(PAGE * 4);

        private int next;

        void add(long recordId, T line) {
            if (lines.size() == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ids[lines.size()] = recordId;
            lines.add(line);
        }

        List<T> of(long recordId) {
            while (next < lines.size() && ids[next] < recordId) {
                next++;
            }
            int first = next;
            while (next < lines.size() && ids[next] == recordId) {
                next++;
            }
            return first == next ? List.of() : List.copyOf(lines.subList(first, next));
        }

    }

}

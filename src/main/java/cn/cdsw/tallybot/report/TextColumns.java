package cn.cdsw.tallybot.report;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How a ledger read takes text out of its rows. sqlite-jdbc hands each text value over in
 * a direct buffer that its native code builds by calling back into Java, and then decodes
 * it: over a year's ledger (twelve million texts) that was a third of the read. The same
 * UTF-8 bytes read as a blob are one array copy, and a name that repeats from row to row
 * (a district, a station, a metric's key and unit) is decoded once per read and shared
 * after that, which also spares whoever hashes the names next (the workbook's shared
 * strings). Other databases' drivers are read as usual.
 */
interface TextColumns {

    /** A text that repeats from row to row, such as a district or a unit. */
    @Nullable String name(ResultSet rows, int column) throws SQLException;

    /** A text of its own, such as a note. */
    @Nullable String text(ResultSet rows, int column) throws SQLException;

    /** The way to read text on this connection's database. */
    static TextColumns of(Connection connection) throws SQLException {
        if (!"SQLite".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return Plain.INSTANCE;
        }
        try (Statement statement = connection.createStatement();
                ResultSet encoding = statement.executeQuery("PRAGMA encoding")) {
            // a database created as UTF-16 keeps its texts so, and its blobs are not
            // UTF-8
            return encoding.next() && "UTF-8".equalsIgnoreCase(encoding.getString(1)) ? new SqliteUtf8()
                    : Plain.INSTANCE;
        }
    }

    /** The driver's own strings. */
    enum Plain implements TextColumns {

        INSTANCE;

        @Override
        public @Nullable String name(ResultSet rows, int column) throws SQLException {
            return rows.getString(column);
        }

        @Override
        public @Nullable String text(ResultSet rows, int column) throws SQLException {
            return rows.getString(column);
        }

    }

    /** SQLite's stored UTF-8, with each distinct name decoded once. */
    final class SqliteUtf8 implements TextColumns {

        /**
         * More distinct names than a year's districts, stations, reporters and items;
         * past it, names are decoded each time rather than kept.
         */
        static final int MAX_NAMES = 50_000;

        private final Map<Utf8, String> names = new HashMap<>();

        @Override
        public @Nullable String name(ResultSet rows, int column) throws SQLException {
            byte[] bytes = rows.getBytes(column);
            if (bytes == null) {
                return null;
            }
            Utf8 key = new Utf8(bytes);
            String name = names.get(key);
            if (name == null) {
                name = new String(bytes, StandardCharsets.UTF_8);
                if (names.size() < MAX_NAMES) {
                    names.put(key, name);
                }
            }
            return name;
        }

        @Override
        public @Nullable String text(ResultSet rows, int column) throws SQLException {
            byte[] bytes = rows.getBytes(column);
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }

        /** Bytes compared by content. */
        private record Utf8(byte[] bytes) {

            @Override
            public boolean equals(Object other) {
                return other instanceof Utf8 that && Arrays.equals(bytes, that.bytes);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(bytes);
            }

        }

    }

}

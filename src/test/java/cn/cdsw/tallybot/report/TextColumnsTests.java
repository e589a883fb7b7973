package cn.cdsw.tallybot.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextColumnsTests {

    private static final String[] TEXTS = { "锦江区", "三圣街道社工站", "锦江区", "口罩 😷", "" };

    @Test
    void aUtf8SqliteDatabaseIsReadAsBytesAndARepeatedNameIsOneString() throws SQLException {
        try (Connection connection = sqlite(null)) {
            TextColumns texts = TextColumns.of(connection);
            assertThat(texts).isInstanceOf(TextColumns.SqliteUtf8.class);
            List<String> names = read(connection, texts, true);
            assertThat(names).containsExactly(expected());
            assertThat(names.get(2)).isSameAs(names.get(0));
        }
    }

    @Test
    void aTextOfItsOwnIsDecodedAfresh() throws SQLException {
        try (Connection connection = sqlite(null)) {
            List<String> texts = read(connection, TextColumns.of(connection), false);
            assertThat(texts).containsExactly(expected());
            assertThat(texts.get(2)).isEqualTo(texts.get(0)).isNotSameAs(texts.get(0));
        }
    }

    @Test
    void aUtf16SqliteDatabaseIsReadThroughTheDriversStrings() throws SQLException {
        try (Connection connection = sqlite("UTF-16le")) {
            TextColumns texts = TextColumns.of(connection);
            assertThat(texts).isSameAs(TextColumns.Plain.INSTANCE);
            assertThat(read(connection, texts, true)).containsExactly(expected());
        }
    }

    private static String[] expected() {
        String[] withNull = new String[TEXTS.length + 1];
        System.arraycopy(TEXTS, 0, withNull, 0, TEXTS.length);
        return withNull;
    }

    private static Connection sqlite(String encoding) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = connection.createStatement()) {
            if (encoding != null) {
                statement.execute("PRAGMA encoding = '" + encoding + "'");
            }
            statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            for (String text : TEXTS) {
                statement.execute("INSERT INTO t (v) VALUES ('" + text + "')");
            }
            statement.execute("INSERT INTO t (v) VALUES (NULL)");
        }
        return connection;
    }

    private static List<String> read(Connection connection, TextColumns texts, boolean asNames) throws SQLException {
        List<String> read = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT v FROM t ORDER BY id")) {
            while (rows.next()) {
                read.add(asNames ? texts.name(rows, 1) : texts.text(rows, 1));
            }
        }
        return read;
    }

}

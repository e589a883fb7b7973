package cn.cdsw.tallybot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-connection statement cache of {@link StatementCachingSqliteDriver}, on a real
 * SQLite file in WAL mode.
 */
class StatementCacheTests {

    private static final String SELECT = "SELECT n FROM t WHERE n >= ? ORDER BY n";

    @TempDir
    Path dir;

    private String url;

    private Connection connection;

    @BeforeEach
    void setUp() throws SQLException {
        url = "jdbc:sqlite:" + dir.resolve("cache.db");
        Properties wal = new Properties();
        wal.setProperty("journal_mode", "WAL");
        connection = new StatementCachingSqliteDriver().connect(url, wal);
        try (Statement ddl = connection.createStatement()) {
            ddl.executeUpdate("CREATE TABLE t (n INTEGER NOT NULL)");
            ddl.executeUpdate("INSERT INTO t VALUES (1), (2), (3)");
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        connection.close();
    }

    @Test
    void theSameSqlReusesOnePreparedStatementWithFreshParameters() throws SQLException {
        PreparedStatement first = connection.prepareStatement(SELECT);
        first.setInt(1, 1);
        assertThat(rows(first)).isEqualTo(3);
        Object underlying = first.unwrap(PreparedStatement.class);
        first.close();

        PreparedStatement second = connection.prepareStatement(SELECT);
        second.setInt(1, 3);

        assertThat(second.unwrap(PreparedStatement.class)).isSameAs(underlying);
        assertThat(rows(second)).isEqualTo(1);
        second.close();
    }

    @Test
    void aStatementStillInUseIsNeverHandedOutTwice() throws SQLException {
        try (PreparedStatement outer = connection.prepareStatement(SELECT);
                PreparedStatement inner = connection.prepareStatement(SELECT)) {
            outer.setInt(1, 1);
            inner.setInt(1, 2);
            ResultSet outerRows = outer.executeQuery();
            assertThat(outerRows.next()).isTrue();

            assertThat(inner.unwrap(PreparedStatement.class)).isNotSameAs(outer.unwrap(PreparedStatement.class));
            assertThat(rows(inner)).isEqualTo(2);
            assertThat(outerRows.getInt(1)).isEqualTo(1);
            assertThat(outerRows.next()).isTrue();
            assertThat(outerRows.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void givingBackEndsAHalfReadQuerySoNoSnapshotStaysOpen() throws SQLException {
        PreparedStatement reader = connection.prepareStatement(SELECT);
        reader.setInt(1, 1);
        ResultSet halfRead = reader.executeQuery();
        assertThat(halfRead.next()).isTrue();
        reader.close();

        try (Connection other = DriverManager.getConnection(url); Statement write = other.createStatement()) {
            write.executeUpdate("INSERT INTO t VALUES (4)");
            try (ResultSet checkpoint = write.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                checkpoint.next();
                assertThat(checkpoint.getInt(1)).as("busy: a reader still holds a snapshot").isZero();
            }
        }
    }

    @Test
    void aClosedLeaseCannotBeUsedAgain() throws SQLException {
        PreparedStatement lease = connection.prepareStatement(SELECT);
        lease.close();

        assertThat(lease.isClosed()).isTrue();
        assertThatThrownBy(() -> lease.setInt(1, 1)).isInstanceOf(SQLException.class);
    }

    @Test
    void statementsBeyondTheCapacityAndAtConnectionCloseAreClosed() throws SQLException {
        PreparedStatement first;
        try (PreparedStatement lease = connection.prepareStatement("SELECT 0")) {
            first = lease.unwrap(PreparedStatement.class);
        }
        for (int i = 1; i <= StatementCachingSqliteDriver.STATEMENTS_PER_CONNECTION; i++) {
            connection.prepareStatement("SELECT " + i).close();
        }
        assertThat(first.isClosed()).as("least recently used, evicted").isTrue();

        PreparedStatement kept;
        try (PreparedStatement lease = connection.prepareStatement("SELECT 1")) {
            kept = lease.unwrap(PreparedStatement.class);
        }
        assertThat(kept.isClosed()).isFalse();
        connection.close();
        assertThat(kept.isClosed()).isTrue();
    }

    private static int rows(PreparedStatement statement) throws SQLException {
        int rows = 0;
        try (ResultSet results = statement.executeQuery()) {
            while (results.next()) {
                rows++;
            }
        }
        return rows;
    }

}

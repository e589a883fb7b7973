package cn.cdsw.tallybot.storage;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The SQLite JDBC driver with a prepared-statement cache on each connection
 * (docs/storage.md §1). sqlite-jdbc prepares every statement anew and Hikari deliberately
 * caches none, so each of a report's ~15 statements paid SQLite's compile step: 27 µs for
 * a rollup upsert that then runs in 10 µs. Measured again on the ledger's writer
 * (bench/writer.sh, docs/bench-history.md §6): about 120 µs of CPU per report with the
 * cache, 180-220 µs without. {@link SqliteDefaultsPostProcessor} names this class as the
 * driver of {@code jdbc:sqlite:} URLs; Hikari instantiates it and passes the PRAGMAs on
 * as usual. It registers itself (META-INF/services/java.sql.Driver), as JDBC drivers do,
 * so that Hikari finds it by class name; it accepts the same URLs as sqlite-jdbc and
 * behaves the same to anyone else who gets it by URL. Its statements also keep their
 * query timeout ({@link SqliteStatementTimeouts}).
 */
public final class StatementCachingSqliteDriver implements Driver {

    static {
        try {
            DriverManager.registerDriver(new StatementCachingSqliteDriver());
        }
        catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Enough for every fixed statement of the product; variable SQL (IN lists) ages out
     * first.
     */
    static final int STATEMENTS_PER_CONNECTION = 128;

    private final Driver sqlite = new org.sqlite.JDBC();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = sqlite.connect(url, info);
        return connection == null ? null : StatementCache
            .wrap(SqliteTransactionGuard.wrap(SqliteStatementTimeouts.wrap(connection)), STATEMENTS_PER_CONNECTION);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return sqlite.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return sqlite.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return sqlite.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return sqlite.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return sqlite.getParentLogger();
    }

}

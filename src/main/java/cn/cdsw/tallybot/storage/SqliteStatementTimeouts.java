package cn.cdsw.tallybot.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Set;

import org.sqlite.ProgressHandler;

/**
 * {@code Statement.setQueryTimeout} made real on SQLite (docs/storage.md §1). sqlite-jdbc
 * (3.54) keeps the value only to raise the connection's busy timeout while a statement
 * starts: a statement that computes for minutes — a recursive CTE, a scan of a million
 * rows — runs on, holding the connection, and on the writer the whole ledger, however
 * small the timeout. Swapping the busy timeout would also change how long a write waits
 * for a lock, which is the {@code busy_timeout} PRAGMA's business.
 *
 * <p>
 * Here the timeout is kept by this wrapper and never reaches the driver. A statement that
 * has one sets the connection's deadline when it executes, and a progress handler, which
 * SQLite calls every {@value #STEPS} virtual machine steps on the thread running the
 * statement, aborts it once the deadline has passed; the driver's "interrupted" error is
 * then thrown as a {@link SQLTimeoutException}, which Spring translates into
 * {@code QueryTimeoutException}. The deadline covers reading the rows too (SQLite
 * computes them as they are read) and ends when the statement or its rows are closed, so
 * SQL the driver runs itself (commit, savepoints) and statements without a timeout
 * (Flyway) are never cut short. An aborted write rolls back its whole transaction: SQLite
 * does so for an interrupted INSERT, UPDATE or DELETE ({@link GroupCommit} reacts to
 * that).
 */
final class SqliteStatementTimeouts {

    /**
     * Steps between two looks at the clock: about a tenth of a millisecond of SQLite's
     * work, a call too few to measure on the short statements of a report.
     */
    static final int STEPS = 10_000;

    private static final long NONE = Long.MIN_VALUE;

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final Connection connection;

    private volatile long deadline = NONE;

    private volatile boolean expired;

    private SqliteStatementTimeouts(Connection connection) {
        this.connection = connection;
    }

    /**
     * The connection with the progress handler installed and every statement it makes
     * wrapped.
     */
    static Connection wrap(Connection sqlite) throws SQLException {
        SqliteStatementTimeouts timeouts = new SqliteStatementTimeouts(sqlite);
        ProgressHandler.setHandler(sqlite, STEPS, new ProgressHandler() {
            @Override
            protected int progress() {
                return timeouts.pastDeadline() ? 1 : 0;
            }
        });
        return (Connection) Proxy.newProxyInstance(SqliteStatementTimeouts.class.getClassLoader(),
                new Class<?>[] { Connection.class }, timeouts.connectionHandler());
    }

    private boolean pastDeadline() {
        long until = deadline;
        if (until != NONE && System.nanoTime() - until > 0) {
            expired = true;
            return true;
        }
        return false;
    }

    private void start(int timeoutSeconds) {
        expired = false;
        deadline = timeoutSeconds > 0 ? System.nanoTime() + timeoutSeconds * 1_000_000_000L : NONE;
    }

    private void end() {
        deadline = NONE;
    }

    /** What the driver threw, as a timeout when the deadline is why it stopped. */
    private Throwable explained(Throwable thrown, int timeoutSeconds) {
        if (expired && thrown instanceof SQLException sql && !(thrown instanceof SQLTimeoutException)) {
            expired = false;
            return new SQLTimeoutException("statement ran past its timeout of " + timeoutSeconds + " s",
                    sql.getSQLState(), sql.getErrorCode(), sql);
        }
        return thrown;
    }

    private InvocationHandler connectionHandler() {
        return (self, method, args) -> {
            String name = method.getName();
            if (name.equals("equals") || name.equals("hashCode")) {
                return identity(self, name, args);
            }
            if (name.equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(self)) {
                return self;
            }
            if (name.equals("isWrapperFor") && args[0] instanceof Class<?> type && type.isInstance(self)) {
                return true;
            }
            Object result = call(connection, method, args);
            if (result instanceof Statement statement
                    && (name.equals("createStatement") || name.startsWith("prepare"))) {
                return wrapStatement(statement, self);
            }
            return result;
        };
    }

    private Statement wrapStatement(Statement statement, Object connectionProxy) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(SqliteStatementTimeouts.class.getClassLoader(),
                new Class<?>[] { type }, new StatementHandler(statement, connectionProxy));
    }

    private final class StatementHandler implements InvocationHandler {

        private final Statement statement;

        private final Object connectionProxy;

        private int timeoutSeconds;

        StatementHandler(Statement statement, Object connectionProxy) {
            this.statement = statement;
            this.connectionProxy = connectionProxy;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "equals", "hashCode":
                    return identity(self, name, args);
                case "setQueryTimeout":
                    if ((int) args[0] < 0) {
                        throw new SQLException("query timeout must be >= 0");
                    }
                    timeoutSeconds = (int) args[0];
                    return null;
                case "getQueryTimeout":
                    return timeoutSeconds;
                case "getConnection":
                    return connectionProxy;
                case "close":
                    end();
                    return call(statement, method, args);
                default:
                    break;
            }
            if (!EXECUTES.contains(name)) {
                Object result = call(statement, method, args);
                return result instanceof ResultSet rows ? rows(rows, self) : result;
            }
            start(timeoutSeconds);
            boolean rowsFollow = false;
            try {
                Object result = call(statement, method, args);
                if (result instanceof ResultSet rows) {
                    rowsFollow = true;
                    return rows(rows, self);
                }
                rowsFollow = name.equals("execute") && Boolean.TRUE.equals(result);
                return result;
            }
            catch (Throwable thrown) {
                throw explained(thrown, timeoutSeconds);
            }
            finally {
                if (!rowsFollow) {
                    end();
                }
            }
        }

        /** The rows, read under the statement's deadline until they are closed. */
        private ResultSet rows(ResultSet rows, Object statementProxy) {
            return (ResultSet) Proxy.newProxyInstance(SqliteStatementTimeouts.class.getClassLoader(),
                    new Class<?>[] { ResultSet.class }, (self, method, args) -> {
                        String name = method.getName();
                        if (name.equals("equals") || name.equals("hashCode")) {
                            return identity(self, name, args);
                        }
                        if (name.equals("getStatement")) {
                            return statementProxy;
                        }
                        if (name.equals("close")) {
                            end();
                        }
                        try {
                            return call(rows, method, args);
                        }
                        catch (Throwable thrown) {
                            throw explained(thrown, timeoutSeconds);
                        }
                    });
        }

    }

    /** Proxies are equal only to themselves, as the driver's own objects are. */
    private static Object identity(Object self, String name, Object[] args) {
        return name.equals("equals") ? self == args[0] : System.identityHashCode(self);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

}

package cn.cdsw.tallybot.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps a SQLite connection's transaction honest after SQLite rolled it back by itself.
 * On a full disk or an I/O error SQLite may roll back the whole transaction, not only the
 * failing statement (its manual, "Response To Errors Within A Transaction"); sqlite-jdbc
 * does not notice, so the next statements would each commit on their own, a rollback to a
 * savepoint fails ("no such savepoint") and the transaction's rollback fails ("no
 * transaction is active"), each logged as an error over the failure that caused it.
 *
 * <p>
 * Here, a rollback that finds no transaction counts as done, and a rollback to a
 * savepoint that finds its transaction gone marks the transaction lost: the connection
 * starts a new one at once, so that nothing later commits statement by statement, and
 * refuses to commit it ({@link TransactionLostException}) until it is rolled back. Work
 * of a group commit's earlier units that SQLite threw away with the transaction can
 * therefore never be reported as committed.
 */
final class SqliteTransactionGuard implements InvocationHandler {

    private final Connection connection;

    private boolean lost;

    private SqliteTransactionGuard(Connection connection) {
        this.connection = connection;
    }

    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(SqliteTransactionGuard.class.getClassLoader(),
                new Class<?>[] { Connection.class }, new SqliteTransactionGuard(connection));
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int arity = args == null ? 0 : args.length;
        switch (name) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "commit":
                if (lost) {
                    rollback();
                    throw new TransactionLostException();
                }
                break;
            case "rollback":
                if (arity == 0) {
                    rollback();
                    return null;
                }
                if (lost) {
                    return null;
                }
                try {
                    return call(method, args);
                }
                catch (SQLException e) {
                    if (!says(e, "no such savepoint")) {
                        throw e;
                    }
                    lost = true;
                    begin();
                    return null;
                }
            case "releaseSavepoint":
                if (lost) {
                    return null;
                }
                break;
            case "unwrap":
                if (args[0] instanceof Class<?> type && type.isInstance(self)) {
                    return self;
                }
                break;
            default:
                break;
        }
        return call(method, args);
    }

    private void rollback() throws SQLException {
        lost = false;
        try {
            connection.rollback();
        }
        catch (SQLException e) {
            if (!says(e, "no transaction is active")) {
                throw e;
            }
            // SQLite already rolled it back; sqlite-jdbc opens the next transaction after
            // a rollback, so do that here
            begin();
        }
    }

    private void begin() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
        }
    }

    private static boolean says(SQLException e, String text) {
        return e.getMessage() != null && e.getMessage().contains(text);
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * A commit refused because SQLite had already rolled the transaction back after an
     * error.
     */
    static final class TransactionLostException extends SQLException {

        TransactionLostException() {
            super("SQLite rolled this transaction back after an error (full disk, I/O error); it was not committed");
        }

    }

}

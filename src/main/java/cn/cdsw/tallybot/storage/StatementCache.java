package cn.cdsw.tallybot.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One connection's prepared statements, kept by SQL text. {@code prepareStatement(sql)}
 * on the wrapped connection hands out a cached statement when that SQL's statement is
 * free; closing what it handed out resets the statement (open result set closed,
 * parameters and batch cleared) and keeps it for the next caller. A statement that is
 * still handed out (a nested use of the same SQL) makes the next caller get a fresh,
 * uncached one, so two users never share a statement. Closing the connection closes every
 * kept statement. The cache is least recently used and bounded; an evicted statement is
 * closed once it is free.
 *
 * <p>
 * Only {@code prepareStatement(String)} is cached; every other call goes straight to the
 * driver's connection.
 */
final class StatementCache implements InvocationHandler {

    private final Connection connection;

    private final int capacity;

    private final Map<String, Entry> statements;

    private @Nullable Connection proxy;

    private StatementCache(Connection connection, int capacity) {
        this.connection = connection;
        this.capacity = capacity;
        this.statements = new LinkedHashMap<>(capacity * 2, 0.75f, true);
    }

    static Connection wrap(Connection connection, int capacity) {
        StatementCache cache = new StatementCache(connection, capacity);
        Connection proxy = (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] { Connection.class }, cache);
        cache.proxy = proxy;
        return proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("equals") || name.equals("hashCode")) {
            return identity(self, name, args);
        }
        if (name.equals("prepareStatement") && args.length == 1 && args[0] instanceof String sql) {
            return prepare(sql);
        }
        if (name.equals("close") && (args == null || args.length == 0)) {
            closeAll();
        }
        if (name.equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(self)) {
            return self;
        }
        if (name.equals("isWrapperFor") && args[0] instanceof Class<?> type && type.isInstance(self)) {
            return true;
        }
        return call(connection, method, args);
    }

    private synchronized PreparedStatement prepare(String sql) throws SQLException {
        Entry entry = statements.get(sql);
        if (entry != null && entry.inUse) {
            return connection.prepareStatement(sql);
        }
        if (entry == null) {
            entry = new Entry(connection.prepareStatement(sql));
            statements.put(sql, entry);
            evictBeyondCapacity();
        }
        entry.inUse = true;
        return Lease.of(entry, this);
    }

    private void evictBeyondCapacity() throws SQLException {
        var eldest = statements.entrySet().iterator();
        while (statements.size() > capacity && eldest.hasNext()) {
            Entry old = eldest.next().getValue();
            eldest.remove();
            old.evicted = true;
            if (!old.inUse) {
                old.statement.close();
            }
        }
    }

    private synchronized void giveBack(Entry entry, @Nullable ResultSet results) throws SQLException {
        entry.inUse = false;
        try {
            if (results != null) {
                results.close();
            }
            entry.statement.clearParameters();
            entry.statement.clearBatch();
            // the next caller sets its own, or runs without one
            entry.statement.setQueryTimeout(0);
        }
        catch (SQLException e) {
            entry.evicted = true;
            statements.values().remove(entry);
            throw e;
        }
        finally {
            if (entry.evicted) {
                entry.statement.close();
            }
        }
    }

    private synchronized void closeAll() {
        List<Entry> all = new ArrayList<>(statements.values());
        statements.clear();
        for (Entry entry : all) {
            entry.evicted = true;
            try {
                entry.statement.close();
            }
            catch (SQLException e) {
                // the connection closes next, which finalises whatever is left
            }
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

    private static final class Entry {

        final PreparedStatement statement;

        boolean inUse;

        boolean evicted;

        Entry(PreparedStatement statement) {
            this.statement = statement;
        }

    }

    /**
     * One caller's use of a cached statement: closing it gives the statement back instead
     * of closing it.
     */
    private static final class Lease implements InvocationHandler {

        private final Entry entry;

        private final StatementCache cache;

        private @Nullable ResultSet results;

        private boolean closed;

        private Lease(Entry entry, StatementCache cache) {
            this.entry = entry;
            this.cache = cache;
        }

        static PreparedStatement of(Entry entry, StatementCache cache) {
            return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] { PreparedStatement.class }, new Lease(entry, cache));
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals", "hashCode":
                    return identity(self, method.getName(), args);
                case "close":
                    if (!closed) {
                        closed = true;
                        cache.giveBack(entry, results);
                    }
                    return null;
                case "isClosed":
                    return closed || entry.statement.isClosed();
                case "getConnection":
                    return cache.proxy;
                default:
                    break;
            }
            if (closed) {
                throw new SQLException("statement is closed");
            }
            Object result = call(entry.statement, method, args);
            if (result instanceof ResultSet resultSet) {
                results = resultSet;
            }
            return result;
        }

    }

}

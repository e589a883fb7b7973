package cn.cdsw.tallybot.bench;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import cn.cdsw.tallybot.storage.StatementCachingSqliteDriver;

/**
 * The product's connection settings (storage/SqliteDefaultsPostProcessor): one pooled connection, the driver with
 * the statement cache, WAL, synchronous=NORMAL, no generated-keys look-up.
 * {@code -Dtallybot.bench.driver=org.sqlite.JDBC} (through JMH_JAVA_OPTS) swaps the driver for sqlite-jdbc's own,
 * for an A/B of the statement cache.
 */
public final class BenchDataSource {

    private BenchDataSource() {
    }

    /**
     * A path the running script passed as a system property ({@code tallybot.bench.db}, {@code .config}); without
     * it, says which script to run instead of failing with a NullPointerException deep in JMH's set-up.
     */
    public static Path pathProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run bench/queries.sh or "
                    + "bench/summary.sh, which make the database and pass it on");
        }
        return Path.of(value);
    }

    public static HikariDataSource open(Path db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:sqlite:" + db.toAbsolutePath());
        ds.setMaximumPoolSize(1);
        ds.setDriverClassName(
                System.getProperty("tallybot.bench.driver", StatementCachingSqliteDriver.class.getName()));
        ds.addDataSourceProperty("journal_mode", "WAL");
        ds.addDataSourceProperty("synchronous", "NORMAL");
        ds.addDataSourceProperty("busy_timeout", "5000");
        ds.addDataSourceProperty("foreign_keys", "true");
        ds.addDataSourceProperty("jdbc.get_generated_keys", "false");
        return ds;
    }
}

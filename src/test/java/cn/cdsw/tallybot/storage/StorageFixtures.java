package cn.cdsw.tallybot.storage;

import java.nio.file.Path;
import java.util.Properties;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Storage as the bot runs it, for tests of other packages: a real SQLite file in a test's
 * temp directory with the production connection settings
 * ({@link SqliteDefaultsPostProcessor}'s PRAGMAs and statement-caching driver), migrated
 * by the real Flyway scripts (never H2 or a mock, so the SQL under test is the SQL that
 * runs; docs/style.md §19).
 */
public final class StorageFixtures {

    private StorageFixtures() {
    }

    /**
     * A migrated SQLite file in {@code dir}, one new connection per
     * {@code getConnection}.
     */
    public static DataSource migratedSqlite(Path dir) {
        DataSource dataSource = new SimpleDriverDataSource(new StatementCachingSqliteDriver(),
                "jdbc:sqlite:" + dir.resolve("tallybot.db"), sqlitePragmas());
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
            .load()
            .migrate();
        return dataSource;
    }

    /**
     * The ledger the bot would run on {@code dataSource}: group commit on SQLite, lone
     * transactions on PostgreSQL. Stop it with {@link Ledger#destroy}.
     */
    public static Ledger ledger(DataSource dataSource, MeterRegistry meters) {
        return new Ledger(new DataSourceTransactionManager(dataSource), Database.of(dataSource),
                new StorageProperties(null, 2, java.time.Duration.ofSeconds(10)), new WriterMetrics(meters));
    }

    /**
     * The PRAGMAs {@link SqliteDefaultsPostProcessor} gives every SQLite connection, as
     * driver properties.
     */
    static Properties sqlitePragmas() {
        Properties pragmas = new Properties();
        String prefix = SqliteDefaultsPostProcessor.PRAGMAS + "[";
        SqliteDefaultsPostProcessor.DEFAULTS.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                pragmas.setProperty(key.substring(prefix.length(), key.length() - 1), value.toString());
            }
        });
        return pragmas;
    }

}

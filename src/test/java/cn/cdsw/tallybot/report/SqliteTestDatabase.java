package cn.cdsw.tallybot.report;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * A real SQLite file in a test's temp directory, migrated by the real Flyway scripts (never H2 or a mock, so the
 * SQL under test is the SQL that runs; docs/style.md §19), and a {@link ReportService} on it whose
 * {@code @Transactional} methods really run in transactions.
 */
public final class SqliteTestDatabase {

    private SqliteTestDatabase() {
    }

    /**
     * The production connection settings — SqliteDefaultsPostProcessor's PRAGMAs and its statement-caching driver —
     * so tests run on what the bot runs on.
     */
    public static DataSource migrated(Path dir) {
        Properties pragmas = new Properties();
        String prefix = SqliteDefaultsPostProcessor.PRAGMAS + "[";
        SqliteDefaultsPostProcessor.DEFAULTS.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                pragmas.setProperty(key.substring(prefix.length(), key.length() - 1), value.toString());
            }
        });
        DataSource dataSource = new SimpleDriverDataSource(new StatementCachingSqliteDriver(),
                "jdbc:sqlite:" + dir.resolve("tallybot.db"), pragmas);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/sqlite").load().migrate();
        return dataSource;
    }

    public static ReportService reportService(DataSource dataSource, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        RollupRepository rollups = new RollupRepository(jdbc);
        RecordRepository records = new RecordRepository(jdbc, new RecordLineRepository(jdbc), rollups);
        ReportService target = new ReportService(records, rollups, new RecordAuditRepository(jdbc),
                new BindingRepository(jdbc), clock);
        return transactional(target, dataSource);
    }

    static <T> T transactional(T target, DataSource dataSource) {
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        // typed as TransactionManager: the PlatformTransactionManager overload of the constructor is deprecated
        TransactionManager transactions = new DataSourceTransactionManager(dataSource);
        proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
        @SuppressWarnings("unchecked")
        T result = (T) proxy.getProxy();
        return result;
    }
}

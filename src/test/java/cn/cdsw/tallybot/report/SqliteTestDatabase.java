package cn.cdsw.tallybot.report;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import cn.cdsw.tallybot.storage.StorageFixtures;

/**
 * A real SQLite file in a test's temp directory, migrated by the real Flyway scripts
 * (never H2 or a mock, so the SQL under test is the SQL that runs; docs/style.md §19),
 * and a {@link ReportService} on it whose {@code @Transactional} methods really run in
 * transactions.
 */
public final class SqliteTestDatabase {

    private SqliteTestDatabase() {
    }

    /**
     * A migrated SQLite file with the production connection settings
     * ({@link StorageFixtures#migratedSqlite}).
     */
    public static DataSource migrated(Path dir) {
        return StorageFixtures.migratedSqlite(dir);
    }

    public static ReportService reportService(DataSource dataSource, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        RollupRepository rollups = new RollupRepository(jdbc);
        RecordRepository records = new RecordRepository(jdbc, new RecordLineRepository(jdbc), rollups);
        ReportService target = new ReportService(records, new RecordAuditRepository(jdbc), new BindingRepository(jdbc),
                clock, new LedgerEntryRepository(new JdbcTemplate(dataSource)));
        return transactional(target, dataSource);
    }

    static <T> T transactional(T target, DataSource dataSource) {
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        // typed as TransactionManager: the PlatformTransactionManager overload of the
        // constructor is deprecated
        TransactionManager transactions = new DataSourceTransactionManager(dataSource);
        proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
        @SuppressWarnings("unchecked")
        T result = (T) proxy.getProxy();
        return result;
    }

}

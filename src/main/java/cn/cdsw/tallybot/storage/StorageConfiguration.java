package cn.cdsw.tallybot.storage;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@link Ledger}, set up for the database the bot finds behind its data source; on
 * SQLite, read connections beside the one that writes ({@link SqliteConnections}); and
 * the statement timeout of every query.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    Ledger ledger(DataSource dataSource, PlatformTransactionManager transactions, StorageProperties properties,
            WriterMetrics metrics, ObjectProvider<Clock> clock) {
        return new Ledger(transactions, Database.of(dataSource), properties, metrics,
                new WriteFailures(clock.getIfAvailable(Clock::systemUTC)));
    }

    /**
     * Named {@code ledger} in {@code /actuator/health}, and part of the readiness group
     * (application.yml).
     */
    @Bean
    LedgerHealth ledgerHealthIndicator(DataSource dataSource, Ledger ledger, StorageProperties properties,
            @Value("${spring.datasource.url:}") String url) {
        return new LedgerHealth(Database.of(dataSource), SqliteDirectoryPostProcessor.databaseFile(url).orElse(null),
                properties, ledger, dataSource);
    }

    /**
     * Wraps Boot's SQLite pool once it is configured, so that everything built on the
     * data source — JdbcClient, the transaction manager, Flyway — sees one data source
     * that routes read-only transactions to the read pool. Any other database's pool is
     * left as it is: on PostgreSQL a reader never waits for another's transaction.
     */
    @Bean
    static BeanPostProcessor sqliteReadConnections(ObjectProvider<StorageProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:sqlite:")) {
                    return new SqliteConnections(pool, properties.getObject().readConnections());
                }
                return bean;
            }
        };
    }

    /**
     * Every statement the bot runs goes through Boot's one {@code JdbcTemplate} (the
     * {@code JdbcClient} of the repositories wraps it), which gives each its query
     * timeout ({@code tallybot.storage.statement-timeout}). On PostgreSQL the driver
     * enforces it: past the timeout it asks the server to cancel the statement, which
     * fails with SQL state 57014, as a {@code statement_timeout} would. It is not set as
     * the sessions' {@code statement_timeout}, because Flyway migrates through the same
     * pool, and a migration over a large table may rightly run longer. On SQLite the
     * driver would ignore it; {@link SqliteStatementTimeouts} enforces it.
     */
    @Bean
    static BeanPostProcessor statementTimeout(ObjectProvider<StorageProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof JdbcTemplate template) {
                    template.setQueryTimeout(properties.getObject().statementTimeoutSeconds());
                }
                return bean;
            }
        };
    }

}

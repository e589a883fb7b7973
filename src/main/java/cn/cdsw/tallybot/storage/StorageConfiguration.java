package cn.cdsw.tallybot.storage;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@link Ledger}, set up for the database the bot finds behind its data source. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    Ledger ledger(DataSource dataSource, PlatformTransactionManager transactions, StorageProperties properties,
            WriterMetrics metrics) {
        return new Ledger(transactions, Database.of(dataSource), properties, metrics);
    }
}

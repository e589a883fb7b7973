package cn.cdsw.tallybot.storage;

import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The SQLite database as the bot uses it (docs/storage.md §1, §8): Boot's pool with its
 * one writing connection, and beside it a small pool of read connections, handed out for
 * read-only transactions ({@link Ledger#read}, and the
 * {@code @Transactional(readOnly = true)} queries). In WAL mode a reader on a connection
 * of its own sees the last commit and waits for no writer; on the writing connection it
 * would queue behind the writer's whole batch.
 *
 * <p>
 * Spring's {@link LazyConnectionDataSourceProxy} does the routing: a transaction takes
 * its connection only at its first statement, from the read pool when the transaction is
 * read-only. The read connections are opened with {@code PRAGMA query_only}, so a write
 * that strays into a read-only transaction fails instead of taking the write lock beside
 * the writer. Closing this closes both pools, as Boot would have closed its own.
 */
final class SqliteConnections extends LazyConnectionDataSourceProxy implements AutoCloseable {

    private final HikariDataSource writing;

    private final HikariDataSource reading;

    SqliteConnections(HikariDataSource writing, int readConnections) {
        this.writing = writing;
        this.reading = readPool(writing, readConnections);
        setTargetDataSource(writing);
        setReadOnlyDataSource(reading);
        afterPropertiesSet();
    }

    /**
     * The writing pool's URL, driver and PRAGMAs; started on first use, after Flyway has
     * migrated through the writing pool.
     */
    private static HikariDataSource readPool(HikariDataSource writing, int size) {
        HikariDataSource reading = new HikariDataSource();
        reading.setPoolName("tallybot-read");
        reading.setJdbcUrl(writing.getJdbcUrl());
        reading.setDriverClassName(writing.getDriverClassName());
        Properties pragmas = new Properties();
        pragmas.putAll(writing.getDataSourceProperties());
        reading.setDataSourceProperties(pragmas);
        reading.setMaximumPoolSize(size);
        reading.setConnectionInitSql("PRAGMA query_only = true");
        return reading;
    }

    @Override
    public void close() {
        reading.close();
        writing.close();
    }

}
